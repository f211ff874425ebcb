import { httpRoute } from '../../adapters/http/route.js';
import { endpointDeps } from '../../adapters/wiring/events.js';
import { deleteEndpoint } from '../../core/events/endpoints.js';
import { webhookEndpointDeleteRoute } from './routes.js';

const deps = endpointDeps();

/**
 * DELETE /webhook-endpoints/{endpointId} (tenant): removes the endpoint and its secrets (204);
 * deliveries still queued for it are dropped when they come up.
 */
export const handler = httpRoute(webhookEndpointDeleteRoute, async ({ tenant, params }) => {
  await deleteEndpoint(deps, tenant, params.endpointId);
  return { status: 204 };
});
