import { httpRoute } from '../../adapters/http/route.js';
import { reportDeps } from '../../adapters/wiring/reconcile.js';
import { getLatestRun } from '../../core/reconcile/reports.js';
import { reconcileRunLatestRoute } from './routes.js';

const deps = reportDeps();

/** GET /reconcile/runs/latest (tenant): the newest run that covered the tenant's links. */
export const handler = httpRoute(reconcileRunLatestRoute, async ({ tenant }) => ({
  status: 200,
  json: await getLatestRun(deps, tenant),
}));
