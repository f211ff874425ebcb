import { httpRoute } from '../../adapters/http/route.js';
import { endpointTestDeps } from '../../adapters/wiring/events.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { sendTestEvent } from '../../core/events/endpoints.js';
import { webhookEndpointTestRoute } from './routes.js';

const deps = endpointTestDeps();

/**
 * POST /webhook-endpoints/{endpointId}/test (tenant): queues one signed `endpoint.test` delivery to
 * this endpoint (202 with the event id; GET /events/{id} shows how it went). 409 `endpoint_disabled`.
 */
export const handler = httpRoute(
  { ...webhookEndpointTestRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params }) => ({
    status: 202,
    json: await sendTestEvent(deps, tenant, params.endpointId),
  })
);
