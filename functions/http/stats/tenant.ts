import { httpRoute } from '../../adapters/http/route.js';
import { statsReadDeps } from '../../adapters/wiring/stats.js';
import { getTenantStats } from '../../core/stats/read.js';
import { tenantStatsRoute } from './routes.js';

const deps = statsReadDeps();

/** GET /stats?since&until&granularity (tenant): the statistics of every link of the tenant, summed. */
export const handler = httpRoute(tenantStatsRoute, async ({ tenant, query }) => ({
  status: 200,
  json: await getTenantStats(deps, tenant, query),
}));
