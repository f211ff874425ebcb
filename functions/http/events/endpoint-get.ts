import { httpRoute } from '../../adapters/http/route.js';
import { endpointDeps } from '../../adapters/wiring/events.js';
import { getEndpoint } from '../../core/events/endpoints.js';
import { webhookEndpointGetRoute } from './routes.js';

const deps = endpointDeps();

/** GET /webhook-endpoints/{endpointId} (tenant): one endpoint, its state and failure count. */
export const handler = httpRoute(webhookEndpointGetRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getEndpoint(deps, tenant, params.endpointId),
}));
