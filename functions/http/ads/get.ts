import { httpRoute } from '../../adapters/http/route.js';
import { adGetDeps } from '../../adapters/wiring/ads.js';
import { getAdOperation } from '../../core/ads/read.js';
import { adGetRoute } from './routes.js';

const deps = adGetDeps();

/**
 * GET /links/{linkId}/ads/{operationId} (tenant): an ad operation's status and the ids it created,
 * by operation id or by the Idempotency-Key that started it.
 */
export const handler = httpRoute(adGetRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getAdOperation(deps, tenant, params.linkId, params.operationId),
}));
