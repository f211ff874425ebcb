import {
  type HttpMethod,
  type RouteContract,
  routeKeyOf,
} from '../../functions/adapters/http/contract.js';
import { contracts } from '../../functions/http/routes.js';
import type { FunctionName } from './functions.js';

/** API Gateway's token bucket for one route: steady requests per second and burst. */
interface RouteThrottle {
  rateLimit: number;
  burstLimit: number;
}

/**
 * Route throttles (API Gateway, per route key, before any Lambda runs). Every route gets its own
 * bucket, so a flood of one public route cannot throttle Meta's deliveries or the tenants' API.
 */
const THROTTLES = {
  /** Every tenant route; per-tenant fairness is the quotas' job. */
  tenant: { rateLimit: 50, burstLimit: 100 },
  /** Meta's Page webhooks: Meta bursts after an outage and retries what is throttled. */
  metaWebhooks: { rateLimit: 500, burstLimit: 1000 },
  /** Meta's deauthorize and data-deletion callbacks and the webhook handshake. */
  metaCallbacks: { rateLimit: 20, burstLimit: 40 },
  /** Pages a user's browser opens while linking. */
  browser: { rateLimit: 20, burstLimit: 40 },
  /** Browsers' CORS preflights: one before a client app's calls, then cached for 10 minutes. */
  preflight: { rateLimit: 50, burstLimit: 100 },
  /** Health checks and the data-deletion status page: monitors and the odd user. */
  probe: { rateLimit: 10, burstLimit: 20 },
} as const satisfies Record<string, RouteThrottle>;

/** What infra adds to a route's contract: the function serving it and its API Gateway throttle. */
interface Serving {
  fn: FunctionName;
  /** A public route has no tenant to count per, so its route throttle is its only limit. */
  throttle?: RouteThrottle;
}

/** One HTTP route as infra builds it: its contract, the function serving it and its throttle. */
type RouteSpec = RouteContract & { fn: FunctionName; throttle: RouteThrottle };

/**
 * Which function serves each route contract (functions/http/<area>/routes.ts), by route key, and
 * the throttle of each public route; tenant routes share THROTTLES.tenant.
 */
const SERVED: Readonly<Record<string, Serving>> = {
  'GET /health': { fn: 'health', throttle: THROTTLES.probe },
  'GET /health/ready': { fn: 'readiness', throttle: THROTTLES.probe },
  'GET /status': { fn: 'metaStatus', throttle: THROTTLES.probe },
  'OPTIONS /{proxy+}': { fn: 'corsPreflight', throttle: THROTTLES.preflight },
  'POST /links/oauth/start': { fn: 'oauthStart' },
  'GET /settings/origins': { fn: 'settingsOriginsGet' },
  'PUT /settings/origins': { fn: 'settingsOriginsPut' },
  'GET /oauth/begin': { fn: 'oauthBegin', throttle: THROTTLES.browser },
  'POST /oauth/begin': { fn: 'oauthContinue', throttle: THROTTLES.browser },
  'GET /oauth/callback': { fn: 'oauthCallback', throttle: THROTTLES.browser },
  'POST /oauth/select': { fn: 'oauthSelect', throttle: THROTTLES.browser },
  'GET /grants': { fn: 'grantsList' },
  'GET /grants/{grantId}/assets': { fn: 'grantAssets' },
  'DELETE /grants/{grantId}': { fn: 'grantDelete' },
  'POST /links': { fn: 'linkCreate' },
  'GET /links': { fn: 'linksList' },
  'GET /summary': { fn: 'fleetSummary' },
  'POST /links/bulk': { fn: 'linksBulkStart' },
  'GET /links/bulk/{operationId}': { fn: 'linksBulkGet' },
  'GET /links/{linkId}': { fn: 'linkGet' },
  'PATCH /links/{linkId}': { fn: 'linkUpdate' },
  'DELETE /links/{linkId}': { fn: 'linkDelete' },
  'POST /meta/deauthorize': { fn: 'metaDeauthorize', throttle: THROTTLES.metaCallbacks },
  'POST /meta/data-deletion': { fn: 'metaDataDeletion', throttle: THROTTLES.metaCallbacks },
  'GET /meta/data-deletion/{code}': { fn: 'metaDataDeletionStatus', throttle: THROTTLES.probe },
  'POST /links/{linkId}/ads': { fn: 'adCreate' },
  'POST /links/{linkId}/ads/images': { fn: 'adImageUpload' },
  'GET /links/{linkId}/ads/dsa-recommendations': { fn: 'adDsaRecommendations' },
  'GET /links/{linkId}/ads/{operationId}': { fn: 'adGet' },
  'GET /links/{linkId}/ads/{operationId}/insights': { fn: 'adInsights' },
  'GET /links/{linkId}/stats': { fn: 'linkStats' },
  'GET /stats': { fn: 'tenantStats' },
  'GET /links/{linkId}/stories/consent': { fn: 'storyConsentGet' },
  'PUT /links/{linkId}/stories/consent': { fn: 'storyConsentPut' },
  'POST /links/{linkId}/stories': { fn: 'storyCreate' },
  'POST /links/{linkId}/stories/uploads': { fn: 'storyUploadCreate' },
  'GET /links/{linkId}/stories': { fn: 'storiesList' },
  'GET /links/{linkId}/stories/{operationId}': { fn: 'storyGet' },
  'POST /reconcile/runs': { fn: 'reconcileRunStart' },
  'GET /reconcile/runs/latest': { fn: 'reconcileRunLatest' },
  'GET /reconcile/runs/{runId}': { fn: 'reconcileRunGet' },
  'GET /links/{linkId}/whatsapp': { fn: 'linkWhatsApp' },
  'PUT /links/{linkId}/meta-link': { fn: 'linkMetaLink' },
  'GET /links/{linkId}/drift': { fn: 'linkDrift' },
  'GET /webhooks/meta': { fn: 'webhookVerify', throttle: THROTTLES.metaCallbacks },
  'POST /webhooks/meta': { fn: 'webhookReceive', throttle: THROTTLES.metaWebhooks },
  'GET /webhooks/whatsapp': { fn: 'whatsappWebhookVerify', throttle: THROTTLES.metaCallbacks },
  'POST /webhooks/whatsapp': { fn: 'whatsappWebhookReceive', throttle: THROTTLES.metaWebhooks },
  'POST /links/{linkId}/sync': { fn: 'syncRequest' },
  'POST /links/{linkId}/resume': { fn: 'syncResume' },
  'GET /links/{linkId}/sync': { fn: 'syncStatus' },
  'GET /links/{linkId}/profiles': { fn: 'linkProfiles' },
  'POST /webhook-endpoints': { fn: 'webhookEndpointCreate' },
  'GET /webhook-endpoints': { fn: 'webhookEndpointsList' },
  'GET /webhook-endpoints/{endpointId}': { fn: 'webhookEndpointGet' },
  'PATCH /webhook-endpoints/{endpointId}': { fn: 'webhookEndpointUpdate' },
  'DELETE /webhook-endpoints/{endpointId}': { fn: 'webhookEndpointDelete' },
  'POST /webhook-endpoints/{endpointId}/rotate-secret': { fn: 'webhookEndpointRotate' },
  'POST /webhook-endpoints/{endpointId}/test': { fn: 'webhookEndpointTest' },
  'GET /events': { fn: 'eventsList' },
  'GET /events/{eventId}': { fn: 'eventGet' },
  'POST /events/{eventId}/redeliver': { fn: 'eventRedeliver' },
};

/**
 * The route table, one entry per contract: API Gateway (CDK), the local gateway and OpenAPI are
 * all built from it. Refuses a contract no function serves, a served route without a contract, and
 * a public route without its own throttle.
 */
const routeTable = (
  all: readonly RouteContract[],
  served: Readonly<Record<string, Serving>>
): RouteSpec[] => {
  const keys = new Set(all.map(routeKeyOf));
  const problems = [
    ...all
      .filter((contract) => !served[routeKeyOf(contract)])
      .map((c) => `${routeKeyOf(c)} has no function`),
    ...Object.keys(served)
      .filter((key) => !keys.has(key))
      .map((key) => `${key} has no contract`),
    ...all
      .filter((contract) => contract.access === 'public' && !served[routeKeyOf(contract)]?.throttle)
      .map((c) => `${routeKeyOf(c)} is public but has no throttle`),
  ];
  if (problems.length > 0) throw new Error(`Route table: ${problems.join('; ')}`);
  return all.map((contract) => {
    const serving = served[routeKeyOf(contract)] as Serving;
    return { ...contract, fn: serving.fn, throttle: serving.throttle ?? THROTTLES.tenant };
  });
};

const routes: RouteSpec[] = routeTable(contracts, SERVED);

export type { HttpMethod, RouteSpec, RouteThrottle, Serving };
export { routes, routeTable, SERVED, THROTTLES };
