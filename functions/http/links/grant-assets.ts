import { httpRoute } from '../../adapters/http/route.js';
import { createMetaGateway } from '../../adapters/meta/meta-gateway.js';
import {
  grantRepository,
  graphClient,
  linkRepository,
  quotaCounter,
  tokenVault,
} from '../../adapters/wiring/shared.js';
import { listGrantAssets } from '../../core/linking/grants.js';
import { grantParams } from './schemas.js';

const deps = {
  grants: grantRepository(),
  links: linkRepository(),
  vault: tokenVault(),
  meta: createMetaGateway(graphClient()),
};

/** GET /grants/{grantId}/assets (tenant): the Pages and numbers the grant reaches now. */
export const handler = httpRoute(
  { access: 'tenant', params: grantParams, quotaCounter: quotaCounter() },
  async ({ tenant, params }) => ({
    status: 200,
    json: await listGrantAssets(deps, tenant, params.grantId),
  })
);
