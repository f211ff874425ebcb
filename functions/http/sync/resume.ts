import { httpRoute } from '../../adapters/http/route.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { syncResumeDeps } from '../../adapters/wiring/sync.js';
import { toLinkView } from '../../core/linking/model.js';
import { resumeSync } from '../../core/sync/requests.js';
import { etagOf, versionOfIfMatch } from '../links/schemas.js';
import { syncResumeRoute } from './routes.js';

const deps = syncResumeDeps();

/**
 * POST /links/{linkId}/resume (tenant) `{ overwrite }`: resumes a link paused by a direct WhatsApp
 * edit and enqueues a sync (202 with the link and the job id). 409 `not_paused`, 409
 * `relink_required` for a rejected token, 409 `version_mismatch` when If-Match is stale.
 */
export const handler = httpRoute(
  { ...syncResumeRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, body, headers }) => {
    const expectedVersion = versionOfIfMatch(headers['if-match']) ?? body.version;
    const { link, ...job } = await resumeSync(deps, tenant, params.linkId, {
      overwrite: body.overwrite,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    return {
      status: 202,
      json: { ...job, link: toLinkView(link) },
      headers: { etag: etagOf(link.version) },
    };
  }
);
