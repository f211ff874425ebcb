import { httpRoute } from '../../adapters/http/route.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { storyUploadDeps } from '../../adapters/wiring/stories.js';
import { requestUpload } from '../../core/stories/uploads.js';
import { storyUploadCreateRoute } from './routes.js';

const deps = storyUploadDeps();

/**
 * POST /links/{linkId}/stories/uploads (tenant): a signed PUT URL for one story photo or video,
 * bound to its declared type and size. 201 with the upload; the story then names its `uploadId`.
 */
export const handler = httpRoute(
  { ...storyUploadCreateRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, body }) => ({
    status: 201,
    json: await requestUpload(deps, tenant, params.linkId, body),
  })
);
