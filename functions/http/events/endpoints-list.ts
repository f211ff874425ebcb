import { httpRoute } from '../../adapters/http/route.js';
import { endpointDeps } from '../../adapters/wiring/events.js';
import { listEndpoints } from '../../core/events/endpoints.js';
import { webhookEndpointsListRoute } from './routes.js';

const deps = endpointDeps();

/** GET /webhook-endpoints?limit&cursor (tenant): the tenant's endpoints, never their secrets. */
export const handler = httpRoute(webhookEndpointsListRoute, async ({ tenant, query }) => ({
  status: 200,
  json: await listEndpoints(deps, tenant, query),
}));
