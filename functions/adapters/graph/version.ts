/**
 * The Graph API version every request uses, pinned in one place. A module of its own, with no
 * imports, so the health function can report it without loading the configuration code.
 */
const GRAPH_API_VERSION = 'v26.0';

export { GRAPH_API_VERSION };
