import { httpRoute } from '../../adapters/http/route.js';
import { runRequestDeps } from '../../adapters/wiring/reconcile.js';
import { requestRun } from '../../core/reconcile/reports.js';
import { reconcileRunStartRoute } from './routes.js';

const deps = runRequestDeps();

/**
 * POST /reconcile/runs (tenant): reconciles the tenant's links (or one of them) now, through the
 * queue; answers 202 with the run to poll. A run of the tenant already in progress is joined.
 */
export const handler = httpRoute(reconcileRunStartRoute, async ({ tenant, body }) => {
  const run = await requestRun(deps, tenant, body, new Date());
  return {
    status: 202,
    json: run,
    headers: { location: `/reconcile/runs/${run.runId}` },
  };
});
