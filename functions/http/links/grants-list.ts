import { httpRoute } from '../../adapters/http/route.js';
import { grantsListDeps } from '../../adapters/wiring/linking.js';
import { listGrants } from '../../core/linking/grants.js';
import { grantsListRoute } from './routes.js';

const deps = grantsListDeps();

/** GET /grants?limit&cursor (tenant): the tenant's grants (scopes, expiry, use), never their tokens. */
export const handler = httpRoute(grantsListRoute, async ({ tenant, query }) => ({
  status: 200,
  json: await listGrants(deps, tenant, query),
}));
