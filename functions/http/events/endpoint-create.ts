import { httpRoute } from '../../adapters/http/route.js';
import { endpointCreateDeps } from '../../adapters/wiring/events.js';
import { createEndpoint } from '../../core/events/endpoints.js';
import { webhookEndpointCreateRoute } from './routes.js';

const deps = endpointCreateDeps();

/**
 * POST /webhook-endpoints (tenant) `{ url, eventTypes, description? }`: registers an endpoint and
 * answers it with its signing secret, shown only here (201). 400 `endpoint_url_not_allowed` for a URL
 * the outbound rules refuse, 400 `unknown_event_type`, 409 `too_many_endpoints`.
 */
export const handler = httpRoute(webhookEndpointCreateRoute, async ({ tenant, body }) => {
  const endpoint = await createEndpoint(deps, tenant, body);
  return {
    status: 201,
    json: endpoint,
    headers: { location: `/webhook-endpoints/${endpoint.endpointId}` },
  };
});
