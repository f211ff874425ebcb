import { httpRoute } from '../../adapters/http/route.js';
import { adLibraryDeps } from '../../adapters/wiring/ads.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { uploadAdImage } from '../../core/ads/library.js';
import { adImageUploadRoute } from './routes.js';
import { imageBody } from './schemas.js';

const deps = adLibraryDeps();

/**
 * POST /links/{linkId}/ads/images?adAccountId=act_... (tenant; the body is the JPEG or PNG itself):
 * puts the image in the ad account's library and answers Meta's image hash (201), for
 * `creative.image.hash` in POST /links/{linkId}/ads.
 */
export const handler = httpRoute(
  { ...adImageUploadRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, query, headers, rawBody }) => ({
    status: 201,
    json: await uploadAdImage(
      deps,
      tenant,
      params.linkId,
      query.adAccountId,
      imageBody(headers['content-type'], rawBody)
    ),
  })
);
