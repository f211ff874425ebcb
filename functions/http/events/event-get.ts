import { httpRoute } from '../../adapters/http/route.js';
import { eventReadDeps } from '../../adapters/wiring/events.js';
import { getEvent } from '../../core/events/delivery.js';
import { eventGetRoute } from './routes.js';

const deps = eventReadDeps();

/** GET /events/{eventId} (tenant): one event as it was sent, and each endpoint's delivery. */
export const handler = httpRoute(eventGetRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getEvent(deps, tenant, params.eventId),
}));
