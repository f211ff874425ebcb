import { createAdInput } from '../../functions/core/ads/input.js';
import { adAccountQuery } from '../../functions/core/ads/library.js';
import { insightsQuery } from '../../functions/core/ads/read.js';
import { statsQuery } from '../../functions/core/stats/read.js';
import { storyInput } from '../../functions/core/stories/publish.js';
import type * as z from '../../functions/core/zod.js';
import { adInsights, adOperation } from '../../functions/http/ads/responses.js';
import {
  linkParams as adLinkParams,
  IMAGE_MEDIA_TYPES,
  MAX_IMAGE_BYTES,
  operationParams,
} from '../../functions/http/ads/schemas.js';
import {
  endpointPage,
  endpointView,
  endpointWithSecret,
  eventPage,
  eventView,
  redelivered,
  testSent,
} from '../../functions/http/events/responses.js';
import {
  createEndpointBody,
  endpointParams,
  eventParams,
  redeliverBody,
  rotateSecretBody,
  updateEndpointBody,
} from '../../functions/http/events/schemas.js';
import {
  bulkOperation,
  fleetSummary,
  grantDeletion,
  linkPage,
  linkUpdated,
  linkView,
  metaLinkChange,
  unlinkResult,
  whatsappSide,
} from '../../functions/http/links/responses.js';
import {
  bulkBody,
  bulkParams,
  createLinkBody,
  fleetQuery,
  grantParams,
  linkParams,
  metaLinkBody,
  pageQuery,
  updateLinkBody,
} from '../../functions/http/links/schemas.js';
import { deletionStatusParams, signedRequestForm } from '../../functions/http/meta/schemas.js';
import { signInStarted, tenantOrigins } from '../../functions/http/oauth/responses.js';
import {
  beginForm,
  beginQuery,
  callbackQuery,
  originsBody,
  selectionForm,
  startBody,
} from '../../functions/http/oauth/schemas.js';
import { driftHistory, runStarted, runView } from '../../functions/http/reconcile/responses.js';
import {
  linkParams as driftLinkParams,
  historyQuery,
  runParams,
  startRunBody,
} from '../../functions/http/reconcile/schemas.js';
import { linkStats, tenantStats } from '../../functions/http/stats/responses.js';
import { metaStatus } from '../../functions/http/status/responses.js';
import { consentView, storyOperation, storyPage } from '../../functions/http/stories/responses.js';
import {
  consentBody,
  linkParams as storyLinkParams,
  listQuery as storyListQuery,
  storyParams,
} from '../../functions/http/stories/schemas.js';
import {
  enqueued,
  profileComparison,
  resumed,
  syncStatus,
} from '../../functions/http/sync/responses.js';
import { resumeBody } from '../../functions/http/sync/schemas.js';
import { MAX_WEBHOOK_BYTES, verificationQuery } from '../../functions/http/webhooks/schemas.js';

/** A success answer of a route: its status, what it means, its JSON body and headers. */
interface RouteResponse {
  description: string;
  schema: z.ZodMiniType;
  /** Response headers the client may rely on, with what they carry. */
  headers?: Record<string, string>;
}

const ETAG = { ETag: 'The link version, for If-Match on the next write ("3").' };

/**
 * The request schemas of each route, the same zod schemas its handler parses with, so the OpenAPI
 * description (docs/openapi.json, `npm run openapi`) cannot drift from what the API accepts. Keyed
 * by `METHOD path` as in infra/shared/routes.ts; every route has an entry, even an empty one.
 * `responses` describe the success answers of the routes generated clients use (the console); an
 * integration test (test/integration/http/responses.test.ts) holds real answers to them.
 */
interface RouteSchemas {
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  bodyFormat?: 'json' | 'form';
  /** The handler's `bodyOptional`: the body may be left out. */
  bodyOptional?: boolean;
  /** A public route that authenticates its caller another way (a signature, a token): its 401. */
  unauthorized?: string;
  /** A body the handler reads raw, without a schema, up to this many bytes: its 413. */
  rawBodyMaxBytes?: number;
  /** The media types such a raw body may have (binary uploads): its request body and 415. */
  rawBodyMediaTypes?: readonly string[];
  /** Request headers the route requires, with what they carry. */
  headers?: Record<string, string>;
  /** Success answers by status; a route without them is described as a bare 2XX. */
  responses?: Record<number, RouteResponse>;
}

const routeSchemas: Record<string, RouteSchemas> = {
  'GET /health': {},
  'GET /health/ready': {},
  'GET /status': {
    responses: {
      200: { description: 'Each Meta surface as the breakers see it', schema: metaStatus },
    },
  },
  'POST /links/oauth/start': {
    body: startBody,
    bodyOptional: true,
    responses: {
      200: {
        description:
          'The begin page to send the browser to. With a `returnUrl`, the sign-in ends there with `tandem_outcome`: `linked` (and `link_id`), `cancelled`, `failed`, `expired` or `nothing_selectable`.',
        schema: signInStarted,
      },
    },
  },
  'GET /settings/origins': {
    responses: { 200: { description: "The tenant's registered origins", schema: tenantOrigins } },
  },
  'PUT /settings/origins': {
    body: originsBody,
    responses: { 200: { description: 'The origins as registered', schema: tenantOrigins } },
  },
  'GET /oauth/begin': { query: beginQuery },
  'POST /oauth/begin': { body: beginForm, bodyFormat: 'form' },
  'GET /oauth/callback': { query: callbackQuery },
  'POST /oauth/select': { body: selectionForm, bodyFormat: 'form' },
  'GET /grants': { query: pageQuery },
  'GET /grants/{grantId}/assets': { params: grantParams },
  'DELETE /grants/{grantId}': {
    params: grantParams,
    responses: {
      200: {
        description:
          'Deleted with its sealed token; `revocation` says whether the app was revoked on Meta. A retry after success answers 404 `grant_not_found`: the grant is gone.',
        schema: grantDeletion,
      },
    },
  },
  'POST /links': {
    body: createLinkBody,
    responses: { 201: { description: 'Linked', schema: linkView } },
  },
  'GET /links': {
    query: fleetQuery,
    responses: {
      200: {
        description:
          "A page of the tenant's links that pass every filter given, each with its last sync outcome. A page may hold fewer than `limit` links: follow `nextCursor` until it is absent.",
        schema: linkPage,
      },
    },
  },
  'GET /summary': {
    responses: { 200: { description: "The tenant's links, counted", schema: fleetSummary } },
  },
  'POST /links/bulk': {
    body: bulkBody,
    responses: {
      202: {
        description: 'The operation, running; poll its Location',
        schema: bulkOperation,
        headers: { Location: 'The operation to poll: /links/bulk/{operationId}.' },
      },
    },
  },
  'GET /links/bulk/{operationId}': {
    params: bulkParams,
    responses: { 200: { description: 'The operation and its progress', schema: bulkOperation } },
  },
  'GET /links/{linkId}': {
    params: linkParams,
    responses: { 200: { description: 'The link', schema: linkView, headers: ETAG } },
  },
  'GET /links/{linkId}/whatsapp': {
    params: linkParams,
    responses: {
      200: { description: "The link's WhatsApp side, read from Meta now", schema: whatsappSide },
    },
  },
  'PUT /links/{linkId}/meta-link': {
    params: linkParams,
    body: metaLinkBody,
    responses: {
      200: { description: 'A code was sent, or the Page is linked', schema: metaLinkChange },
    },
  },
  'PATCH /links/{linkId}': {
    params: linkParams,
    body: updateLinkBody,
    headers: {
      'If-Match': 'The link version last read, as an ETag ("3"); or send `version` in the body.',
    },
    responses: {
      200: {
        description:
          'The link as changed; `firstSync` names the sync enqueued when sync was turned on',
        schema: linkUpdated,
        headers: ETAG,
      },
    },
  },
  'DELETE /links/{linkId}': {
    params: linkParams,
    responses: {
      200: { description: 'Unlinked; what was deleted and revoked', schema: unlinkResult },
    },
  },
  'POST /meta/deauthorize': { body: signedRequestForm, bodyFormat: 'form' },
  'POST /meta/data-deletion': { body: signedRequestForm, bodyFormat: 'form' },
  'GET /meta/data-deletion/{code}': { params: deletionStatusParams },
  'POST /links/{linkId}/ads': {
    params: adLinkParams,
    body: createAdInput,
    headers: {
      'Idempotency-Key':
        'Required. 8-128 characters [A-Za-z0-9_-]; a retry with the same key resumes the same ad.',
    },
    responses: {
      200: {
        description:
          'A replay: the operation this Idempotency-Key started (Idempotent-Replayed: true). A failed operation is answered with its error status and this same body, its `error` saying why.',
        schema: adOperation,
      },
      201: {
        description: 'Created',
        schema: adOperation,
        headers: { Location: 'The operation: /links/{linkId}/ads/{operationId}.' },
      },
    },
  },
  'GET /links/{linkId}/stories/consent': {
    params: storyLinkParams,
    responses: { 200: { description: "The link's story consent", schema: consentView } },
  },
  'PUT /links/{linkId}/stories/consent': {
    params: storyLinkParams,
    body: consentBody,
    responses: {
      200: {
        description:
          'The consent as now recorded; `signIn` is the sign-in that asks for the permissions still missing.',
        schema: consentView,
      },
    },
  },
  'POST /links/{linkId}/stories': {
    params: storyLinkParams,
    body: storyInput,
    headers: {
      'Idempotency-Key':
        'Required. 8-128 characters [A-Za-z0-9_-]; a retry with the same key answers the same story and never posts it twice.',
    },
    responses: {
      200: {
        description:
          'A replay: the story this Idempotency-Key started (Idempotent-Replayed: true).',
        schema: storyOperation,
      },
      202: {
        description: 'Queued: a job publishes each target; poll the operation for the outcome.',
        schema: storyOperation,
        headers: { Location: 'The operation: /links/{linkId}/stories/{operationId}.' },
      },
    },
  },
  'GET /links/{linkId}/stories': {
    params: storyLinkParams,
    query: storyListQuery,
    responses: { 200: { description: "The link's stories", schema: storyPage } },
  },
  'GET /links/{linkId}/stories/{operationId}': {
    params: storyParams,
    responses: { 200: { description: "The story's outcome per target", schema: storyOperation } },
  },
  'GET /links/{linkId}/ads/{operationId}': {
    params: operationParams,
    responses: { 200: { description: 'The operation and what it created', schema: adOperation } },
  },
  'POST /links/{linkId}/ads/images': {
    params: adLinkParams,
    query: adAccountQuery,
    rawBodyMaxBytes: MAX_IMAGE_BYTES,
    rawBodyMediaTypes: IMAGE_MEDIA_TYPES,
  },
  'GET /links/{linkId}/ads/dsa-recommendations': { params: adLinkParams, query: adAccountQuery },
  'GET /links/{linkId}/ads/{operationId}/insights': {
    params: operationParams,
    query: insightsQuery,
    responses: { 200: { description: "The ad's results over the range", schema: adInsights } },
  },
  'GET /links/{linkId}/stats': {
    params: linkParams,
    query: statsQuery,
    responses: { 200: { description: "The link's statistics over the range", schema: linkStats } },
  },
  'GET /stats': {
    query: statsQuery,
    responses: {
      200: { description: "The tenant's statistics over the range", schema: tenantStats },
    },
  },
  'POST /reconcile/runs': {
    body: startRunBody,
    bodyOptional: true,
    responses: {
      202: {
        description: 'The run started or joined, to poll',
        schema: runStarted,
        headers: { Location: 'The run to poll: /reconcile/runs/{runId}.' },
      },
    },
  },
  'GET /reconcile/runs/latest': {
    responses: { 200: { description: "The run with the caller's counts", schema: runView } },
  },
  'GET /reconcile/runs/{runId}': {
    params: runParams,
    responses: { 200: { description: "The run with the caller's counts", schema: runView } },
  },
  'GET /links/{linkId}/drift': {
    params: driftLinkParams,
    query: historyQuery,
    responses: { 200: { description: 'Drift per run, newest first', schema: driftHistory } },
  },
  // Webhook bodies are verified over their raw bytes before parsing; the route declares none.
  'GET /webhooks/meta': {
    query: verificationQuery,
    unauthorized: 'hub.mode is not subscribe, or hub.verify_token does not match.',
  },
  'POST /webhooks/meta': {
    unauthorized: 'X-Hub-Signature-256 is missing or does not match the body.',
    rawBodyMaxBytes: MAX_WEBHOOK_BYTES,
    headers: {
      'X-Hub-Signature-256':
        'Required. sha256=<hex HMAC-SHA256 of the raw body with the app secret>.',
    },
  },
  'GET /webhooks/whatsapp': {
    query: verificationQuery,
    unauthorized: 'hub.mode is not subscribe, or hub.verify_token does not match.',
  },
  'POST /webhooks/whatsapp': {
    unauthorized: 'X-Hub-Signature-256 is missing or does not match the body.',
    rawBodyMaxBytes: MAX_WEBHOOK_BYTES,
    headers: {
      'X-Hub-Signature-256':
        'Required. sha256=<hex HMAC-SHA256 of the raw body with the app secret>.',
    },
  },
  'POST /links/{linkId}/sync': {
    params: linkParams,
    responses: { 202: { description: 'The sync job is on the queue', schema: enqueued } },
  },
  'POST /links/{linkId}/resume': {
    params: linkParams,
    body: resumeBody,
    headers: { 'If-Match': 'Optional: the link version last read, as an ETag ("3").' },
    responses: {
      202: { description: 'Resumed; the sync job is on the queue', schema: resumed, headers: ETAG },
    },
  },
  'GET /links/{linkId}/sync': {
    params: linkParams,
    responses: { 200: { description: "The link's sync status", schema: syncStatus } },
  },
  'GET /links/{linkId}/profiles': {
    params: linkParams,
    responses: {
      200: {
        description: 'The Page and the WhatsApp profile now, field by field',
        schema: profileComparison,
      },
    },
  },
  'POST /webhook-endpoints': {
    body: createEndpointBody,
    responses: {
      201: {
        description: 'Registered; `secret` signs its deliveries and is shown only now',
        schema: endpointWithSecret,
        headers: { Location: 'The endpoint: /webhook-endpoints/{endpointId}.' },
      },
    },
  },
  'GET /webhook-endpoints': {
    query: pageQuery,
    responses: { 200: { description: "A page of the tenant's endpoints", schema: endpointPage } },
  },
  'GET /webhook-endpoints/{endpointId}': {
    params: endpointParams,
    responses: { 200: { description: 'The endpoint', schema: endpointView } },
  },
  'PATCH /webhook-endpoints/{endpointId}': {
    params: endpointParams,
    body: updateEndpointBody,
    responses: { 200: { description: 'The endpoint as changed', schema: endpointView } },
  },
  'DELETE /webhook-endpoints/{endpointId}': { params: endpointParams },
  'POST /webhook-endpoints/{endpointId}/rotate-secret': {
    params: endpointParams,
    body: rotateSecretBody,
    bodyOptional: true,
    responses: {
      200: { description: 'The new secret, shown only now', schema: endpointWithSecret },
    },
  },
  'POST /webhook-endpoints/{endpointId}/test': {
    params: endpointParams,
    responses: { 202: { description: 'The test event, queued for delivery', schema: testSent } },
  },
  'GET /events': {
    query: pageQuery,
    responses: { 200: { description: 'A page of events, newest first', schema: eventPage } },
  },
  'GET /events/{eventId}': {
    params: eventParams,
    responses: { 200: { description: 'The event and its deliveries', schema: eventView } },
  },
  'POST /events/{eventId}/redeliver': {
    params: eventParams,
    body: redeliverBody,
    bodyOptional: true,
    responses: {
      202: { description: 'Queued again for these endpoints', schema: redelivered },
    },
  },
};

export type { RouteResponse, RouteSchemas };
export { routeSchemas };
