/**
 * The path templates of every tenant route, the only paths a preflight may allow. A copy, not read
 * from the contracts: importing them all would put every area's zod schemas into the preflight's
 * bundle. test/unit/http/cors-tenant-paths.test.ts holds it equal to the contracts, so a new tenant
 * route that is not listed here fails that test.
 */
const TENANT_PATHS: readonly string[] = [
  '/events',
  '/events/{eventId}',
  '/events/{eventId}/redeliver',
  '/grants',
  '/grants/{grantId}',
  '/grants/{grantId}/assets',
  '/links',
  '/links/bulk',
  '/links/bulk/{operationId}',
  '/links/oauth/start',
  '/links/{linkId}',
  '/links/{linkId}/ads',
  '/links/{linkId}/ads/dsa-recommendations',
  '/links/{linkId}/ads/images',
  '/links/{linkId}/ads/{operationId}',
  '/links/{linkId}/ads/{operationId}/insights',
  '/links/{linkId}/drift',
  '/links/{linkId}/meta-link',
  '/links/{linkId}/profiles',
  '/links/{linkId}/resume',
  '/links/{linkId}/stats',
  '/links/{linkId}/stories',
  '/links/{linkId}/stories/consent',
  '/links/{linkId}/stories/uploads',
  '/links/{linkId}/stories/{operationId}',
  '/links/{linkId}/sync',
  '/links/{linkId}/whatsapp',
  '/reconcile/runs',
  '/reconcile/runs/latest',
  '/reconcile/runs/{runId}',
  '/settings/origins',
  '/stats',
  '/summary',
  '/webhook-endpoints',
  '/webhook-endpoints/{endpointId}',
  '/webhook-endpoints/{endpointId}/rotate-secret',
  '/webhook-endpoints/{endpointId}/test',
];

const PATTERNS = TENANT_PATHS.map(
  (path) =>
    new RegExp(
      `^${path.replace(/[.*?^$()|[\]\\]/g, '\\$&').replace(/\{[A-Za-z0-9_]+\}/g, '[^/]+')}$`
    )
);

/** Whether a request path is one of a tenant route's (a `{param}` matches one segment). */
const isTenantPath = (path: string): boolean => PATTERNS.some((pattern) => pattern.test(path));

export { isTenantPath, TENANT_PATHS };
