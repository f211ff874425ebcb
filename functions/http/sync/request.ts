import { httpRoute } from '../../adapters/http/route.js';
import { quotaCounter, syncRequestDeps } from '../../adapters/wiring/shared.js';
import { requestSync } from '../../core/sync/requests.js';
import { syncRequestRoute } from './routes.js';

const deps = syncRequestDeps();

/**
 * POST /links/{linkId}/sync (tenant): "sync now". 202 with the job id; 409 `sync_disabled` when
 * sync is off, 409 `link_paused` (with the reason and what to do) when the link is paused.
 */
export const handler = httpRoute(
  { ...syncRequestRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params }) => ({
    status: 202,
    json: await requestSync(deps, tenant, params.linkId),
  })
);
