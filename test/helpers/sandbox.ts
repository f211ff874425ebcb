import { useSystem } from './system.js';

/** A URL on the local system's Meta sandbox. */
const sandboxUrl = (path: string): string => `${useSystem().urls.sandbox}${path}`;

/** Calls the sandbox's admin API (play the business owner, inject faults, seed data). */
const admin = async <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown
): Promise<T> => {
  const response = await fetch(sandboxUrl(`/_admin${path}`), {
    method,
    ...(body !== undefined
      ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
      : {}),
  });
  if (!response.ok) {
    throw new Error(`admin ${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
};

export { admin, sandboxUrl };
