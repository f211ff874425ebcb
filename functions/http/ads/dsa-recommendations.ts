import { httpRoute } from '../../adapters/http/route.js';
import { adLibraryDeps } from '../../adapters/wiring/ads.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { dsaRecommendations } from '../../core/ads/library.js';
import { adDsaRecommendationsRoute } from './routes.js';

const deps = adLibraryDeps();

/**
 * GET /links/{linkId}/ads/dsa-recommendations?adAccountId=act_... (tenant): the names Meta
 * recommends as the DSA beneficiary and payor of ads reaching the EU.
 */
export const handler = httpRoute(
  { ...adDsaRecommendationsRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, query }) => ({
    status: 200,
    json: await dsaRecommendations(deps, tenant, params.linkId, query.adAccountId),
  })
);
