import { httpRoute } from '../../adapters/http/route.js';
import { linkDriftDeps } from '../../adapters/wiring/reconcile.js';
import { getLinkDriftHistory } from '../../core/reconcile/reports.js';
import { linkDriftRoute } from './routes.js';

const deps = linkDriftDeps();

/** GET /links/{linkId}/drift (tenant): the link's drift per run, newest first, a page at a time. */
export const handler = httpRoute(linkDriftRoute, async ({ tenant, params, query }) => ({
  status: 200,
  json: await getLinkDriftHistory(deps, tenant, params.linkId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  }),
}));
