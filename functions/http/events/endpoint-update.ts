import { httpRoute } from '../../adapters/http/route.js';
import { endpointStore, urlPolicy } from '../../adapters/wiring/events.js';
import { clock } from '../../adapters/wiring/shared.js';
import { updateEndpoint } from '../../core/events/endpoints.js';
import { webhookEndpointUpdateRoute } from './routes.js';

const deps = { endpoints: endpointStore(), urls: urlPolicy(), clock };

/**
 * PATCH /webhook-endpoints/{endpointId} (tenant) `{ url?, description?, eventTypes?, status? }`:
 * changes an endpoint; `status: "enabled"` turns a disabled one back on with its failures forgotten.
 */
export const handler = httpRoute(webhookEndpointUpdateRoute, async ({ tenant, params, body }) => ({
  status: 200,
  json: await updateEndpoint(deps, tenant, params.endpointId, body),
}));
