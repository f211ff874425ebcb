import type { CooldownName, QuotaName } from '../../functions/core/quotas.js';

/**
 * The tenant quotas each route takes before any work (functions/core/quotas.ts), by route key, as
 * in routes.ts: the routes that enqueue work or call Meta for a tenant. The route adapter enforces
 * them by the event's route key, so every function serving one of these routes needs the quotas
 * table. Apart from routes.ts so that an HTTP Lambda bundles this small map, not the whole table
 * with its texts (a unit test keeps the two in step).
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
