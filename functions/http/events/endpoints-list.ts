import { httpRoute } from '../../adapters/http/route.js';
import { endpointStore } from '../../adapters/wiring/events.js';
import { listEndpoints } from '../../core/events/endpoints.js';
import { pageQuery } from '../links/schemas.js';

const deps = { endpoints: endpointStore() };

/** GET /webhook-endpoints?limit&cursor (tenant): the tenant's endpoints, never their secrets. */
export const handler = httpRoute(
  { access: 'tenant', query: pageQuery },
  async ({ tenant, query }) => ({
    status: 200,
    json: await listEndpoints(deps, tenant, query),
  })
);
