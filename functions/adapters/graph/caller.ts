import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose Graph calls these are: the tenant a request or job works for. The breakers count distinct
 * callers, so that one tenant's failures (a bad token, data Meta chokes on) can never hold every
 * tenant's calls. Carried in async context rather than through every Graph operation's signature:
 * the route adapter and the job runner know the tenant, the Graph client deep below them needs it.
 */

const storage = new AsyncLocalStorage<string>();

/** Calls that no tenant made (Meta's callbacks, uploads with the app's own token) count as one. */
const UNATTRIBUTED = 'unattributed';

/** Runs `fn` with its Graph calls attributed to `tenantId`. */
const asCaller = <T>(tenantId: string | undefined, fn: () => T): T =>
  tenantId ? storage.run(tenantId, fn) : fn();

/** The tenant the current Graph call is made for. */
const currentCaller = (): string => storage.getStore() ?? UNATTRIBUTED;

export { asCaller, currentCaller, UNATTRIBUTED };
