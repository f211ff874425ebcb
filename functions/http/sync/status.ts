import { httpRoute } from '../../adapters/http/route.js';
import { syncStatusDeps } from '../../adapters/wiring/sync.js';
import { getSyncStatus } from '../../core/sync/requests.js';
import { syncStatusRoute } from './routes.js';

const deps = syncStatusDeps();

/**
 * GET /links/{linkId}/sync (tenant): the link's sync status: on or off, per-field settings, pause
 * and why, the last run (when, outcome, fields written), mapping notes and unsupported fields.
 */
export const handler = httpRoute(syncStatusRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getSyncStatus(deps, tenant, params.linkId),
}));
