import { createAdInput } from '../../functions/core/ads/input.js';
import { adAccountQuery } from '../../functions/core/ads/library.js';
import { insightsQuery } from '../../functions/core/ads/read.js';
import type * as z from '../../functions/core/zod.js';
import {
  linkParams as adLinkParams,
  IMAGE_MEDIA_TYPES,
  MAX_IMAGE_BYTES,
  operationParams,
} from '../../functions/http/ads/schemas.js';
import {
  createLinkBody,
  grantParams,
  linkParams,
  pageQuery,
  updateLinkBody,
} from '../../functions/http/links/schemas.js';
import { deletionStatusParams, signedRequestForm } from '../../functions/http/meta/schemas.js';
import {
  beginForm,
  beginQuery,
  callbackQuery,
  selectionForm,
} from '../../functions/http/oauth/schemas.js';
import {
  linkParams as driftLinkParams,
  historyQuery,
  runParams,
  startRunBody,
} from '../../functions/http/reconcile/schemas.js';
import { resumeBody } from '../../functions/http/sync/schemas.js';
import { MAX_WEBHOOK_BYTES, verificationQuery } from '../../functions/http/webhooks/schemas.js';

/**
 * The request schemas of each route, the same zod schemas its handler parses with, so the OpenAPI
 * description (docs/openapi.json, `npm run openapi`) cannot drift from what the API accepts. Keyed
 * by `METHOD path` as in infra/shared/routes.ts; every route has an entry, even an empty one.
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
}

const routeSchemas: Record<string, RouteSchemas> = {
  'GET /health': {},
  'GET /health/ready': {},
  'POST /links/oauth/start': {},
  'GET /oauth/begin': { query: beginQuery },
  'POST /oauth/begin': { body: beginForm, bodyFormat: 'form' },
  'GET /oauth/callback': { query: callbackQuery },
  'POST /oauth/select': { body: selectionForm, bodyFormat: 'form' },
  'GET /grants': { query: pageQuery },
  'GET /grants/{grantId}/assets': { params: grantParams },
  'POST /links': { body: createLinkBody },
  'GET /links': { query: pageQuery },
  'GET /links/{linkId}': { params: linkParams },
  'PATCH /links/{linkId}': {
    params: linkParams,
    body: updateLinkBody,
    headers: {
      'If-Match': 'The link version last read, as an ETag ("3"); or send `version` in the body.',
    },
  },
  'DELETE /links/{linkId}': { params: linkParams },
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
  },
  'POST /links/{linkId}/ads/images': {
    params: adLinkParams,
    query: adAccountQuery,
    rawBodyMaxBytes: MAX_IMAGE_BYTES,
    rawBodyMediaTypes: IMAGE_MEDIA_TYPES,
  },
  'GET /links/{linkId}/ads/dsa-recommendations': { params: adLinkParams, query: adAccountQuery },
  'GET /links/{linkId}/ads/{operationId}': { params: operationParams },
  'GET /links/{linkId}/ads/{operationId}/insights': {
    params: operationParams,
    query: insightsQuery,
  },
  'POST /reconcile/runs': { body: startRunBody, bodyOptional: true },
  'GET /reconcile/runs/latest': {},
  'GET /reconcile/runs/{runId}': { params: runParams },
  'GET /links/{linkId}/drift': { params: driftLinkParams, query: historyQuery },
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
  'POST /links/{linkId}/sync': { params: linkParams },
  'POST /links/{linkId}/resume': {
    params: linkParams,
    body: resumeBody,
    headers: { 'If-Match': 'Optional: the link version last read, as an ETag ("3").' },
  },
  'GET /links/{linkId}/sync': { params: linkParams },
};

export type { RouteSchemas };
export { routeSchemas };
