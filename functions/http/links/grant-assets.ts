import { httpRoute } from '../../adapters/http/route.js';
import { grantDeps, quotaCounter } from '../../adapters/wiring/shared.js';
import { listGrantAssets } from '../../core/linking/grants.js';
import { grantParams } from './schemas.js';

const deps = grantDeps();

/** GET /grants/{grantId}/assets (tenant): the Pages and numbers the grant reaches now. */
export const handler = httpRoute(
  { access: 'tenant', params: grantParams, quotaCounter: quotaCounter() },
  async ({ tenant, params }) => ({
    status: 200,
    json: await listGrantAssets(deps, tenant, params.grantId),
  })
);
