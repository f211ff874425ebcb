import { httpRoute } from '../../adapters/http/route.js';
import { linkRepository, syncStateRepository } from '../../adapters/wiring/shared.js';
import { getSyncStatus } from '../../core/sync/requests.js';
import { syncStatusRoute } from './routes.js';

const deps = { links: linkRepository(), state: syncStateRepository() };

/**
 * GET /links/{linkId}/sync (tenant): the link's sync status: on or off, per-field settings, pause
 * and why, the last run (when, outcome, fields written), mapping notes and unsupported fields.
 */
export const handler = httpRoute(syncStatusRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getSyncStatus(deps, tenant, params.linkId),
}));
