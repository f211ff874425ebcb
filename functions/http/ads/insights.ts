import { httpRoute } from '../../adapters/http/route.js';
import { adInsightsDeps } from '../../adapters/wiring/ads.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { getAdInsights } from '../../core/ads/read.js';
import { adInsightsRoute } from './routes.js';

const deps = adInsightsDeps();

/**
 * GET /links/{linkId}/ads/{operationId}/insights?since=YYYY-MM-DD&until=YYYY-MM-DD (tenant): spend,
 * impressions, WhatsApp conversations started and the cost per conversation of the ad.
 */
export const handler = httpRoute(
  { ...adInsightsRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, query }) => ({
    status: 200,
    json: await getAdInsights(deps, tenant, params.linkId, params.operationId, query),
  })
);
