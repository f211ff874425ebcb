/** The newest Graph version the sandbox serves, answered when a call names none (as Graph does). */
const API_VERSION = 'v26.0';

export { API_VERSION };
