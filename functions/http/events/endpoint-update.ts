import { httpRoute } from '../../adapters/http/route.js';
import { endpointUpdateDeps } from '../../adapters/wiring/events.js';
import { updateEndpoint } from '../../core/events/endpoints.js';
import { webhookEndpointUpdateRoute } from './routes.js';

const deps = endpointUpdateDeps();

/**
 * PATCH /webhook-endpoints/{endpointId} (tenant) `{ url?, description?, eventTypes?, status? }`:
 * changes an endpoint; `status: "enabled"` turns a disabled one back on with its failures forgotten.
 */
export const handler = httpRoute(webhookEndpointUpdateRoute, async ({ tenant, params, body }) => ({
  status: 200,
  json: await updateEndpoint(deps, tenant, params.endpointId, body),
}));
