import { httpRoute } from '../../adapters/http/route.js';
import { fleetSummaryDeps } from '../../adapters/wiring/linking.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { summarizeFleet } from '../../core/sync/fleet.js';
import { fleetSummaryRoute } from './routes.js';

const deps = fleetSummaryDeps();

/** GET /summary (tenant): the tenant's links counted by status, pause reason, sync and drift. */
export const handler = httpRoute(
  { ...fleetSummaryRoute, quotaCounter: quotaCounter() },
  async ({ tenant }) => ({ status: 200, json: await summarizeFleet(deps, tenant) })
);
