import { httpRoute } from '../../adapters/http/route.js';
import { endpointRotateDeps } from '../../adapters/wiring/events.js';
import { rotateSecret } from '../../core/events/endpoints.js';
import { webhookEndpointRotateRoute } from './routes.js';

const deps = endpointRotateDeps();

/**
 * POST /webhook-endpoints/{endpointId}/rotate-secret (tenant) `{ graceSeconds? }`: a new signing
 * secret, answered once; the old one keeps signing beside it for `graceSeconds` (default a day).
 */
export const handler = httpRoute(webhookEndpointRotateRoute, async ({ tenant, params, body }) => ({
  status: 200,
  json: await rotateSecret(deps, tenant, params.endpointId, body.graceSeconds),
}));
