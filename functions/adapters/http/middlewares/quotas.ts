import { ConfigError } from '../../../core/errors.js';
import { QUOTAS, type QuotaCounter, type QuotaName, takeQuotas } from '../../../core/quotas.js';
import type { RouteMiddleware } from './context.js';

/**
 * Tenant routes: takes the tenant quotas its contract names (after the input parsed, before any work), or throws
 * a 429 QuotaExceededError naming the quota. Link quotas count per the route's `linkId`.
 */
const routeQuotas = (
  names: readonly QuotaName[],
  counter: QuotaCounter | undefined
): RouteMiddleware => ({
  before: async ({ event, context: { route } }) => {
    if (names.length === 0) return;
    if (!counter) throw new ConfigError(`${event.routeKey} takes quotas but has no quota counter`);
    const linkId = (route.params as { linkId?: unknown } | undefined)?.linkId;
    await takeQuotas(
      counter,
      names.map((name) => QUOTAS[name]),
      { tenantId: route.tenant, ...(typeof linkId === 'string' ? { linkId } : {}) },
      new Date()
    );
  },
});

export { routeQuotas };
