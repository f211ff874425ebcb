import { httpRoute } from '../../adapters/http/route.js';
import { eventRedeliverDeps } from '../../adapters/wiring/events.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { redeliverEvent } from '../../core/events/delivery.js';
import { eventRedeliverRoute } from './routes.js';

const deps = eventRedeliverDeps();

/**
 * POST /events/{eventId}/redeliver (tenant) `{ endpointId? }`: sends a kept event again, once, freshly
 * signed (202 with the endpoints it was queued for). 409 `endpoint_disabled` for a named endpoint
 * that is disabled.
 */
export const handler = httpRoute(
  { ...eventRedeliverRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, body }) => ({
    status: 202,
    json: await redeliverEvent(deps, tenant, params.eventId, body.endpointId),
  })
);
