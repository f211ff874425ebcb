import { httpRoute } from '../../adapters/http/route.js';
import { statsReadDeps } from '../../adapters/wiring/stats.js';
import { getLinkStats, statsQuery } from '../../core/stats/read.js';
import { linkParams } from '../links/schemas.js';

const deps = statsReadDeps();

/**
 * GET /links/{linkId}/stats?since&until&granularity (tenant): the link's messages sent, delivered and
 * priced, their cost, and its Click-to-WhatsApp ads' results, per day or month.
 */
export const handler = httpRoute(
  { access: 'tenant', params: linkParams, query: statsQuery },
  async ({ tenant, params, query }) => ({
    status: 200,
    json: await getLinkStats(deps, tenant, params.linkId, query),
  })
);
