import type { CooldownName, QuotaName } from '../../functions/core/quotas.js';

/**
 * The tenant quotas each route takes before any work (functions/core/quotas.ts), by route key: a
 * copy of what the route contracts (functions/http/<area>/routes.ts) declare, for the docs, the
 * OpenAPI x-limits and the console's limits table. The route adapter reads the contract itself. A
 * copy because the console bundles this map: deriving it from the contracts would pull every route's
 * schemas into the console (its main chunk grows from 98 KB to 178 KB); a unit test
 * (test/unit/infra/routes.test.ts) holds the copy equal to the contracts.
 */
const ROUTE_QUOTAS: Readonly<Record<string, readonly QuotaName[]>> = {
  'POST /links/oauth/start': ['signIns'],
  'GET /grants/{grantId}/assets': ['metaReads'],
  'DELETE /grants/{grantId}': ['linkWrites'],
  'POST /links': ['linkWrites'],
  'DELETE /links/{linkId}': ['linkWrites'],
  'POST /links/{linkId}/ads': ['adCreates'],
  'POST /links/{linkId}/ads/images': ['adImageUploads'],
  'GET /links/{linkId}/ads/dsa-recommendations': ['metaReads'],
  'GET /links/{linkId}/ads/{operationId}/insights': ['metaReads'],
  'GET /links/{linkId}/profiles': ['metaReads'],
  'PUT /links/{linkId}/stories/consent': ['linkWrites'],
  'POST /links/{linkId}/stories': ['storyPosts'],
  'POST /links/{linkId}/stories/uploads': ['storyUploads'],
  'GET /links/{linkId}/whatsapp': ['metaReads'],
  'PUT /links/{linkId}/meta-link': ['linkWrites'],
  'POST /links/{linkId}/sync': ['syncRequests', 'linkSyncRequests'],
  'POST /links/{linkId}/resume': ['syncRequests', 'linkSyncRequests'],
  'POST /webhook-endpoints/{endpointId}/test': ['eventDeliveries'],
  'POST /events/{eventId}/redeliver': ['eventDeliveries'],
  'GET /summary': ['fleetScans'],
  'POST /links/bulk': ['bulkActions'],
};

/** The cool-downs a route enforces (in its core call, not here): for the docs and OpenAPI. */
const ROUTE_COOLDOWNS: Readonly<Record<string, readonly CooldownName[]>> = {
  'POST /reconcile/runs': ['reconcileRuns'],
};

/** The quotas a route key (`POST /links/{linkId}/sync`) takes; none for any other. */
const quotasOfRoute = (routeKey: string): readonly QuotaName[] => ROUTE_QUOTAS[routeKey] ?? [];

export { quotasOfRoute, ROUTE_COOLDOWNS, ROUTE_QUOTAS };
