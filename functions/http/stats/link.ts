import { httpRoute } from '../../adapters/http/route.js';
import { statsReadDeps } from '../../adapters/wiring/stats.js';
import { getLinkStats } from '../../core/stats/read.js';
import { linkStatsRoute } from './routes.js';

const deps = statsReadDeps();

/**
 * GET /links/{linkId}/stats?since&until&granularity (tenant): the link's messages sent, delivered and
 * priced, their cost, and its Click-to-WhatsApp ads' results, per day or month.
 */
export const handler = httpRoute(linkStatsRoute, async ({ tenant, params, query }) => ({
  status: 200,
  json: await getLinkStats(deps, tenant, params.linkId, query),
}));
