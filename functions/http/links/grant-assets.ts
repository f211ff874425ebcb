import { httpRoute } from '../../adapters/http/route.js';
import { grantDeps, quotaCounter } from '../../adapters/wiring/shared.js';
import { listGrantAssets } from '../../core/linking/grants.js';
import { grantAssetsRoute } from './routes.js';

const deps = grantDeps();

/** GET /grants/{grantId}/assets (tenant): the Pages and numbers the grant reaches now. */
export const handler = httpRoute(
  { ...grantAssetsRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params }) => ({
    status: 200,
    json: await listGrantAssets(deps, tenant, params.grantId),
  })
);
