import { httpRoute } from '../../adapters/http/route.js';
import { reportDeps } from '../../adapters/wiring/reconcile.js';
import { getRun } from '../../core/reconcile/reports.js';
import { reconcileRunGetRoute } from './routes.js';

const deps = reportDeps();

/** GET /reconcile/runs/{runId} (tenant): a run's status and the tenant's own counts. */
export const handler = httpRoute(reconcileRunGetRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getRun(deps, tenant, params.runId),
}));
