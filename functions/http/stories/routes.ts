import { defineRoute, errors } from '../../adapters/http/contract.js';
import { storyInput } from '../../core/stories/publish.js';
import { uploadInput } from '../../core/stories/uploads.js';
import { consentView, storyOperation, storyPage, storyUpload } from './responses.js';
import { consentBody, linkParams, listQuery, MAX_BODY_BYTES, storyParams } from './schemas.js';

const storyConsentGetRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/stories/consent',
  access: 'tenant',
  summary: "A link's story consent per target, its history, and the permissions still missing",
  params: linkParams,
  responses: {
    200: { description: "The link's story consent", schema: consentView },
    ...errors(400, 404),
  },
});

const storyConsentPutRoute = defineRoute({
  method: 'PUT',
  path: '/links/{linkId}/stories/consent',
  access: 'tenant',
  summary: 'Turn story cross-posting on or off per target (off by default)',
  params: linkParams,
  body: consentBody,
  maxBodyBytes: MAX_BODY_BYTES,
  quotas: ['linkWrites'],
  responses: {
    200: {
      description:
        'The consent as now recorded; `signIn` is the sign-in that asks for the permissions still missing.',
      schema: consentView,
    },
    ...errors(400, 404, 409, 413, 415, 502),
  },
});

const storyCreateRoute = defineRoute({
  method: 'POST',
  path: '/links/{linkId}/stories',
  access: 'tenant',
  summary: 'Publish one story to the Page and its Instagram account (Idempotency-Key; 202)',
  params: linkParams,
  body: storyInput,
  maxBodyBytes: MAX_BODY_BYTES,
  requestHeaders: {
    'Idempotency-Key':
      'Required. 8-128 characters [A-Za-z0-9_-]; a retry with the same key answers the same story and never posts it twice.',
  },
  quotas: ['storyPosts'],
  responses: {
    200: {
      description: 'A replay: the story this Idempotency-Key started (Idempotent-Replayed: true).',
      schema: storyOperation,
    },
    202: {
      description: 'Queued: a job publishes each target; poll the operation for the outcome.',
      schema: storyOperation,
      headers: { Location: 'The operation: /links/{linkId}/stories/{operationId}.' },
    },
    ...errors(400, 404, 409, 413, 415),
  },
});

const storyUploadCreateRoute = defineRoute({
  method: 'POST',
  path: '/links/{linkId}/stories/uploads',
  access: 'tenant',
  summary: "A signed URL that uploads one story photo or video to Tandem's store (201)",
  params: linkParams,
  body: uploadInput,
  maxBodyBytes: MAX_BODY_BYTES,
  quotas: ['storyUploads'],
  responses: {
    201: {
      description:
        'PUT the media to `uploadUrl` with exactly `headers` before `expiresAt`, then name `uploadId` in `POST /links/{linkId}/stories` within `usableForSeconds` of the upload.',
      schema: storyUpload,
    },
    ...errors(400, 401, 403, 404, 413, 415, 429, 500, 503),
  },
});

const storiesListRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/stories',
  access: 'tenant',
  summary: "A link's stories and each target's outcome",
  params: linkParams,
  query: listQuery,
  responses: {
    200: { description: "The link's stories", schema: storyPage },
    ...errors(400, 404),
  },
});

const storyGetRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/stories/{operationId}',
  access: 'tenant',
  summary: "One story's outcome per target, by operation id or Idempotency-Key",
  params: storyParams,
  responses: {
    200: { description: "The story's outcome per target", schema: storyOperation },
    ...errors(400, 404),
  },
});

export {
  storiesListRoute,
  storyConsentGetRoute,
  storyConsentPutRoute,
  storyCreateRoute,
  storyGetRoute,
  storyUploadCreateRoute,
};
