import { httpRoute } from '../../adapters/http/route.js';
import { eventReadDeps } from '../../adapters/wiring/events.js';
import { listEvents } from '../../core/events/delivery.js';
import { eventsListRoute } from './routes.js';

const deps = eventReadDeps();

/** GET /events?limit&cursor (tenant): the tenant's events, newest first, with their deliveries. */
export const handler = httpRoute(eventsListRoute, async ({ tenant, query }) => ({
  status: 200,
  json: await listEvents(deps, tenant, query),
}));
