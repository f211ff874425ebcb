import { httpRoute } from '../../adapters/http/route.js';
import { syncRequestDeps } from '../../adapters/wiring/shared.js';
import { ValidationError } from '../../core/errors.js';
import { toLinkView } from '../../core/linking/model.js';
import { updateSyncSettings } from '../../core/sync/requests.js';
import { linkUpdateRoute } from './routes.js';
import { etagOf, versionOfIfMatch } from './schemas.js';

const deps = syncRequestDeps();

/** The expected version from If-Match or the body's `version`; both must agree when both are sent. */
const expectedVersion = (ifMatch: string | undefined, version: number | undefined) => {
  const fromHeader = versionOfIfMatch(ifMatch);
  if (fromHeader !== undefined && version !== undefined && fromHeader !== version) {
    throw new ValidationError(
      'If-Match and the body version disagree; send one of them.',
      undefined,
      'invalid_if_match'
    );
  }
  return fromHeader ?? version;
};

/**
 * PATCH /links/{linkId} (tenant): turns sync on or off and opts fields in or out. Optimistic
 * concurrency through If-Match or `version`: 409 when the link changed since it was read. Turning
 * sync on for an active link enqueues its first sync at once (`firstSync` names the job).
 */
export const handler = httpRoute(linkUpdateRoute, async ({ tenant, params, body, headers }) => {
  const { link, firstSync } = await updateSyncSettings(deps, tenant, params.linkId, {
    expectedVersion: expectedVersion(headers['if-match'], body.version),
    sync: body.sync,
  });
  return {
    status: 200,
    json: { ...toLinkView(link), ...(firstSync ? { firstSync } : {}) },
    headers: { etag: etagOf(link.version) },
  };
});
