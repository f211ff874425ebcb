import type { FunctionName } from './functions.js';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * One HTTP route. `tenant` routes sit behind the JWT authorizer and receive the caller's tenant from
 * its claims; `public` routes are called by browsers or by Meta and must say why they have no JWT.
 */
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

type RouteSpec =
  | {
      method: HttpMethod;
      path: string;
      fn: FunctionName;
      access: 'tenant';
      summary: string;
    }
  | {
      method: HttpMethod;
      path: string;
      fn: FunctionName;
      access: 'public';
      summary: string;
      /** Why this route carries no JWT; becomes the cdk-nag acknowledgement reason. */
      publicReason: string;
      /** A public route has no tenant to count per, so its route throttle is its only limit. */
      throttle: RouteThrottle;
    };

/**
 * The single route table: API Gateway (CDK) and the local gateway are both built from it; the tenant
 * quotas of its routes are in route-quotas.ts.
 */
const routes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/health',
    fn: 'health',
    access: 'public',
    summary: 'Liveness check',
    publicReason:
      'Liveness probe for uptime monitors and deploy checks; returns only build and API versions, no tenant data.',
    throttle: THROTTLES.probe,
  },
  {
    method: 'GET',
    path: '/health/ready',
    fn: 'readiness',
    access: 'public',
    summary: 'Readiness check: 503 naming any table or queue that does not answer',
    publicReason:
      'Readiness probe for monitors and deploy checks; answers only ok/down per dependency, reads nothing but a probe key no item has, and caches its answer for 5 seconds.',
    throttle: THROTTLES.probe,
  },
  {
    method: 'GET',
    path: '/status',
    fn: 'metaStatus',
    access: 'public',
    summary:
      "Each Meta surface as Tandem sees it: its breaker's state, since when, and when calls resume",
    publicReason:
      'Outage status for status pages and clients deciding when to retry; names no tenant, reads only the breakers table, and caches its answer for 5 seconds.',
    throttle: THROTTLES.probe,
  },
  {
    method: 'OPTIONS',
    path: '/{proxy+}',
    fn: 'corsPreflight',
    access: 'public',
    summary:
      "CORS preflight: allows a tenant's registered origin to call the tenant routes, when the deployment turns CORS on",
    publicReason:
      'Browsers send CORS preflights without credentials, so it cannot carry a JWT; it changes nothing, allows only an origin some tenant registered (the actual answer checks the caller tenant), and allows nothing when CORS is off.',
    throttle: THROTTLES.preflight,
  },
  // Linking
  {
    method: 'POST',
    path: '/links/oauth/start',
    fn: 'oauthStart',
    access: 'tenant',
    summary:
      "Start a sign-in with Facebook ({ returnUrl? }); answers the begin URL for the user's browser",
  },
  {
    method: 'GET',
    path: '/settings/origins',
    fn: 'settingsOriginsGet',
    access: 'tenant',
    summary: "The tenant's registered origins (where a sign-in may return the browser)",
  },
  {
    method: 'PUT',
    path: '/settings/origins',
    fn: 'settingsOriginsPut',
    access: 'tenant',
    summary: "Replace the tenant's registered origins",
  },
  {
    method: 'GET',
    path: '/oauth/begin',
    fn: 'oauthBegin',
    access: 'public',
    summary: "Sign-in's first page: names the tenant, sets the browser's sign-in cookie",
    publicReason:
      "The client app sends the user's browser here, which carries no JWT; it only shows the tenant's name for a single-use, 10-minute OAuth state and sets an HttpOnly SameSite cookie, changing nothing.",
    throttle: THROTTLES.browser,
  },
  {
    method: 'POST',
    path: '/oauth/begin',
    fn: 'oauthContinue',
    access: 'public',
    summary: "Begin page's form: binds the sign-in to the browser, redirects to Meta's dialog",
    publicReason:
      "Posted by the user's browser from Tandem's own begin page, which has no JWT; it needs the single-use OAuth state and the browser's SameSite sign-in cookie, and binds the state to that browser once.",
    throttle: THROTTLES.browser,
  },
  {
    method: 'GET',
    path: '/oauth/callback',
    fn: 'oauthCallback',
    access: 'public',
    summary: 'OAuth redirect URI: completes the sign-in, shows the Page/number picker',
    publicReason:
      "Meta's login dialog redirects the user's browser here, which carries no JWT; the request is bound to its tenant by a single-use, 10-minute OAuth state plus PKCE, and to the browser that began it by its sign-in cookie.",
    throttle: THROTTLES.browser,
  },
  {
    method: 'POST',
    path: '/oauth/select',
    fn: 'oauthSelect',
    access: 'public',
    summary: 'Picker form post: links the chosen Page and number',
    publicReason:
      "Posted by the user's browser from Tandem's own picker page, which has no JWT; authorised by a single-use, tenant-bound selection id that expires in 15 minutes, together with the sign-in cookie of the browser that signed in.",
    throttle: THROTTLES.browser,
  },
  {
    method: 'GET',
    path: '/grants',
    fn: 'grantsList',
    access: 'tenant',
    summary: "List the tenant's grants",
  },
  {
    method: 'GET',
    path: '/grants/{grantId}/assets',
    fn: 'grantAssets',
    access: 'tenant',
    summary: 'List the Pages, WhatsApp numbers and ad accounts a grant reaches',
  },
  {
    method: 'DELETE',
    path: '/grants/{grantId}',
    fn: 'grantDelete',
    access: 'tenant',
    summary:
      'Delete a sign-in no link uses (409 while links use it) and revoke it on Meta; 404 once gone',
  },
  {
    method: 'POST',
    path: '/links',
    fn: 'linkCreate',
    access: 'tenant',
    summary: 'Create a link',
  },
  {
    method: 'GET',
    path: '/links',
    fn: 'linksList',
    access: 'tenant',
    summary: 'List links, filtered by status or pause reason, sync, drift class and Page',
  },
  {
    method: 'GET',
    path: '/summary',
    fn: 'fleetSummary',
    access: 'tenant',
    summary: "Count the tenant's links by status, pause reason, sync and drift class",
  },
  {
    method: 'POST',
    path: '/links/bulk',
    fn: 'linksBulkStart',
    access: 'tenant',
    summary: 'Resume, or turn sync on or off for, every link of a filter; 202 with the operation',
  },
  {
    method: 'GET',
    path: '/links/bulk/{operationId}',
    fn: 'linksBulkGet',
    access: 'tenant',
    summary: "A bulk action's status and progress",
  },
  {
    method: 'GET',
    path: '/links/{linkId}',
    fn: 'linkGet',
    access: 'tenant',
    summary: 'Read a link',
  },
  {
    method: 'PATCH',
    path: '/links/{linkId}',
    fn: 'linkUpdate',
    access: 'tenant',
    summary: "Change a link's sync settings",
  },
  {
    method: 'DELETE',
    path: '/links/{linkId}',
    fn: 'linkDelete',
    access: 'tenant',
    summary: 'Unlink',
  },
  {
    method: 'POST',
    path: '/meta/deauthorize',
    fn: 'metaDeauthorize',
    access: 'public',
    summary: "Meta's deauthorize callback",
    publicReason:
      'Called by Meta when a user removes the app; Meta cannot send a JWT, so the HMAC-SHA256 signed_request (app secret) authenticates it.',
    throttle: THROTTLES.metaCallbacks,
  },
  {
    method: 'POST',
    path: '/meta/data-deletion',
    fn: 'metaDataDeletion',
    access: 'public',
    summary: "Meta's data-deletion callback",
    publicReason:
      'Called by Meta for a data-deletion request; Meta cannot send a JWT, so the HMAC-SHA256 signed_request (app secret) authenticates it.',
    throttle: THROTTLES.metaCallbacks,
  },
  {
    method: 'GET',
    path: '/meta/data-deletion/{code}',
    fn: 'metaDataDeletionStatus',
    access: 'public',
    summary: 'Data-deletion status page',
    publicReason:
      'Meta shows this status URL to the user, who opens it in a browser without a JWT; it reveals only counts and times for an unguessable 128-bit confirmation code.',
    throttle: THROTTLES.probe,
  },
  // Ads
  {
    method: 'POST',
    path: '/links/{linkId}/ads',
    fn: 'adCreate',
    access: 'tenant',
    summary: 'Create a Click-to-WhatsApp ad (Idempotency-Key required)',
  },
  {
    method: 'POST',
    path: '/links/{linkId}/ads/images',
    fn: 'adImageUpload',
    access: 'tenant',
    summary: "Upload an ad image (the JPEG or PNG as the body); answers Meta's image hash",
  },
  {
    method: 'GET',
    path: '/links/{linkId}/ads/dsa-recommendations',
    fn: 'adDsaRecommendations',
    access: 'tenant',
    summary: "Meta's recommended DSA beneficiary and payor names for an ad account",
  },
  {
    method: 'GET',
    path: '/links/{linkId}/ads/{operationId}',
    fn: 'adGet',
    access: 'tenant',
    summary: 'Read an ad operation by operation id or Idempotency-Key',
  },
  {
    method: 'GET',
    path: '/links/{linkId}/ads/{operationId}/insights',
    fn: 'adInsights',
    access: 'tenant',
    summary: "Read an ad's spend, impressions and WhatsApp conversations",
  },
  // Message statistics
  {
    method: 'GET',
    path: '/links/{linkId}/stats',
    fn: 'linkStats',
    access: 'tenant',
    summary: "A link's messages sent, delivered and priced, and its ads' results, per day or month",
  },
  {
    method: 'GET',
    path: '/stats',
    fn: 'tenantStats',
    access: 'tenant',
    summary: "The message statistics of all the tenant's links, summed per day or month",
  },
  // Stories
  {
    method: 'GET',
    path: '/links/{linkId}/stories/consent',
    fn: 'storyConsentGet',
    access: 'tenant',
    summary: "A link's story consent per target, its history, and the permissions still missing",
  },
  {
    method: 'PUT',
    path: '/links/{linkId}/stories/consent',
    fn: 'storyConsentPut',
    access: 'tenant',
    summary: 'Turn story cross-posting on or off per target (off by default)',
  },
  {
    method: 'POST',
    path: '/links/{linkId}/stories',
    fn: 'storyCreate',
    access: 'tenant',
    summary: 'Publish one story to the Page and its Instagram account (Idempotency-Key; 202)',
  },
  {
    method: 'GET',
    path: '/links/{linkId}/stories',
    fn: 'storiesList',
    access: 'tenant',
    summary: "A link's stories and each target's outcome",
  },
  {
    method: 'GET',
    path: '/links/{linkId}/stories/{operationId}',
    fn: 'storyGet',
    access: 'tenant',
    summary: "One story's outcome per target, by operation id or Idempotency-Key",
  },
  // Reconcile
  {
    method: 'POST',
    path: '/reconcile/runs',
    fn: 'reconcileRunStart',
    access: 'tenant',
    summary: "Reconcile the caller's links (or one) now; 202 with the run to poll",
  },
  {
    method: 'GET',
    path: '/reconcile/runs/latest',
    fn: 'reconcileRunLatest',
    access: 'tenant',
    summary: "The newest reconcile run that covered the caller's links",
  },
  {
    method: 'GET',
    path: '/reconcile/runs/{runId}',
    fn: 'reconcileRunGet',
    access: 'tenant',
    summary: "A reconcile run's status and the caller's drift counts",
  },
  {
    method: 'GET',
    path: '/links/{linkId}/whatsapp',
    fn: 'linkWhatsApp',
    access: 'tenant',
    summary: "The link's WhatsApp side read from Meta now: Meta's Page link, the number's health",
  },
  {
    method: 'PUT',
    path: '/links/{linkId}/meta-link',
    fn: 'linkMetaLink',
    access: 'tenant',
    summary: "Link the Page to the number on Meta's side: {} sends a code, { code } confirms",
  },
  {
    method: 'GET',
    path: '/links/{linkId}/drift',
    fn: 'linkDrift',
    access: 'tenant',
    summary: "A link's drift history, field by field, newest first",
  },
  // Sync
  {
    method: 'GET',
    path: '/webhooks/meta',
    fn: 'webhookVerify',
    access: 'public',
    summary: "Meta's webhook subscription handshake",
    publicReason:
      'Meta calls this subscription handshake without a JWT; it only echoes hub.challenge when hub.verify_token matches (constant-time compare) and reveals no data.',
    throttle: THROTTLES.metaCallbacks,
  },
  {
    method: 'POST',
    path: '/webhooks/meta',
    fn: 'webhookReceive',
    access: 'public',
    summary: "Meta's Page webhooks: enqueue a sync for each link of the Page",
    publicReason:
      'Meta delivers Page webhooks without a JWT; every request is authenticated by an HMAC-SHA256 X-Hub-Signature-256 over the raw body with the app secret (401 otherwise), bounded to 256 KB, and de-duplicated.',
    throttle: THROTTLES.metaWebhooks,
  },
  {
    method: 'GET',
    path: '/webhooks/whatsapp',
    fn: 'whatsappWebhookVerify',
    access: 'public',
    summary: "Meta's webhook subscription handshake (WhatsApp Business Account object)",
    publicReason:
      'Meta calls this subscription handshake without a JWT; it only echoes hub.challenge when hub.verify_token matches (constant-time compare) and reveals no data.',
    throttle: THROTTLES.metaCallbacks,
  },
  {
    method: 'POST',
    path: '/webhooks/whatsapp',
    fn: 'whatsappWebhookReceive',
    access: 'public',
    summary:
      "Meta's WhatsApp Business Account webhooks: a number's connection, alerts, name and quality",
    publicReason:
      'Meta delivers WABA webhooks without a JWT; every request is authenticated by an HMAC-SHA256 X-Hub-Signature-256 over the raw body with the app secret (401 otherwise), bounded to 256 KB, and de-duplicated.',
    throttle: THROTTLES.metaWebhooks,
  },
  {
    method: 'POST',
    path: '/links/{linkId}/sync',
    fn: 'syncRequest',
    access: 'tenant',
    summary: 'Sync now: enqueue a sync of the link (202 with the job id)',
  },
  {
    method: 'POST',
    path: '/links/{linkId}/resume',
    fn: 'syncResume',
    access: 'tenant',
    summary: 'Resume a link paused by a direct WhatsApp edit ({ overwrite })',
  },
  {
    method: 'GET',
    path: '/links/{linkId}/sync',
    fn: 'syncStatus',
    access: 'tenant',
    summary: "A link's sync status: last run, outcome, notes, pause reason",
  },
  {
    method: 'GET',
    path: '/links/{linkId}/profiles',
    fn: 'linkProfiles',
    access: 'tenant',
    summary: "The link's Page and WhatsApp profile now, side by side, with the differences",
  },
  // Events to the client: webhook endpoints and the events kept for replay
  {
    method: 'POST',
    path: '/webhook-endpoints',
    fn: 'webhookEndpointCreate',
    access: 'tenant',
    summary: 'Register a webhook endpoint; answers its signing secret (shown once)',
  },
  {
    method: 'GET',
    path: '/webhook-endpoints',
    fn: 'webhookEndpointsList',
    access: 'tenant',
    summary: "List the tenant's webhook endpoints",
  },
  {
    method: 'GET',
    path: '/webhook-endpoints/{endpointId}',
    fn: 'webhookEndpointGet',
    access: 'tenant',
    summary: 'Read a webhook endpoint',
  },
  {
    method: 'PATCH',
    path: '/webhook-endpoints/{endpointId}',
    fn: 'webhookEndpointUpdate',
    access: 'tenant',
    summary: "Change a webhook endpoint's URL, event types or status (enable again)",
  },
  {
    method: 'DELETE',
    path: '/webhook-endpoints/{endpointId}',
    fn: 'webhookEndpointDelete',
    access: 'tenant',
    summary: 'Delete a webhook endpoint',
  },
  {
    method: 'POST',
    path: '/webhook-endpoints/{endpointId}/rotate-secret',
    fn: 'webhookEndpointRotate',
    access: 'tenant',
    summary: "Rotate a webhook endpoint's signing secret; answers the new one",
  },
  {
    method: 'POST',
    path: '/webhook-endpoints/{endpointId}/test',
    fn: 'webhookEndpointTest',
    access: 'tenant',
    summary: 'Send a signed test event to a webhook endpoint (202)',
  },
  {
    method: 'GET',
    path: '/events',
    fn: 'eventsList',
    access: 'tenant',
    summary: "The tenant's events, newest first, with their deliveries",
  },
  {
    method: 'GET',
    path: '/events/{eventId}',
    fn: 'eventGet',
    access: 'tenant',
    summary: 'An event and its deliveries',
  },
  {
    method: 'POST',
    path: '/events/{eventId}/redeliver',
    fn: 'eventRedeliver',
    access: 'tenant',
    summary: 'Deliver a kept event again, freshly signed (202)',
  },
];

/** A route's throttle: its own for a public route, the tenant one otherwise. */
const throttleOf = (route: RouteSpec): RouteThrottle =>
  route.access === 'public' ? route.throttle : THROTTLES.tenant;

export type { HttpMethod, RouteSpec, RouteThrottle };
export { routes, THROTTLES, throttleOf };
