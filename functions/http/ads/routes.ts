import { defineRoute, ERRORS, errorBody, errors } from '../../adapters/http/contract.js';
import { createAdInput } from '../../core/ads/input.js';
import { adAccountQuery } from '../../core/ads/library.js';
import { insightsQuery } from '../../core/ads/read.js';
import * as z from '../../core/zod.js';
import { adInsights, adOperation, dsaRecommendations, imageUploaded } from './responses.js';
import {
  IMAGE_MEDIA_TYPES,
  linkParams,
  MAX_BODY_BYTES,
  MAX_IMAGE_BYTES,
  operationParams,
} from './schemas.js';

/**
 * An ad that failed at one of Meta's steps is answered with its error's status and the operation's
 * report (what was cleaned up, what was left behind); a request refused before any step has the
 * error body.
 */
const adFailed = (status: 400 | 403 | 500 | 502) => ({
  description: `${ERRORS[status]} A failed operation answers its report, its \`error\` saying why.`,
  schema: z.union([errorBody, adOperation]),
});

const adCreateRoute = defineRoute({
  method: 'POST',
  path: '/links/{linkId}/ads',
  access: 'tenant',
  summary: 'Create a Click-to-WhatsApp ad (Idempotency-Key required)',
  params: linkParams,
  body: createAdInput,
  maxBodyBytes: MAX_BODY_BYTES,
  requestHeaders: {
    'Idempotency-Key':
      'Required. 8-128 characters [A-Za-z0-9_-]; a retry with the same key resumes the same ad.',
  },
  quotas: ['adCreates'],
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
    ...errors(404, 409, 413, 415),
    400: adFailed(400),
    403: adFailed(403),
    500: adFailed(500),
    502: adFailed(502),
  },
});

const adImageUploadRoute = defineRoute({
  method: 'POST',
  path: '/links/{linkId}/ads/images',
  access: 'tenant',
  summary: "Upload an ad image (the JPEG or PNG as the body); answers Meta's image hash",
  params: linkParams,
  query: adAccountQuery,
  maxBodyBytes: MAX_IMAGE_BYTES,
  rawBodyMediaTypes: IMAGE_MEDIA_TYPES,
  quotas: ['adImageUploads'],
  responses: {
    201: {
      description: "In the ad account's library; `imageHash` is for `creative.image.hash`",
      schema: imageUploaded,
    },
    ...errors(400, 404, 409, 413, 415, 502),
  },
});

const adDsaRecommendationsRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/ads/dsa-recommendations',
  access: 'tenant',
  summary: "Meta's recommended DSA beneficiary and payor names for an ad account",
  params: linkParams,
  query: adAccountQuery,
  quotas: ['metaReads'],
  responses: {
    200: { description: "Meta's recommended names", schema: dsaRecommendations },
    ...errors(400, 404, 502),
  },
});

const adGetRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/ads/{operationId}',
  access: 'tenant',
  summary: 'Read an ad operation by operation id or Idempotency-Key',
  params: operationParams,
  responses: {
    200: { description: 'The operation and what it created', schema: adOperation },
    ...errors(400, 404),
  },
});

const adInsightsRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/ads/{operationId}/insights',
  access: 'tenant',
  summary: "Read an ad's spend, impressions and WhatsApp conversations",
  params: operationParams,
  query: insightsQuery,
  quotas: ['metaReads'],
  responses: {
    200: { description: "The ad's results over the range", schema: adInsights },
    ...errors(400, 404, 502),
  },
});

export {
  adCreateRoute,
  adDsaRecommendationsRoute,
  adGetRoute,
  adImageUploadRoute,
  adInsightsRoute,
};
