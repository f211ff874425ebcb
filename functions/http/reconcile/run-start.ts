import { httpRoute } from '../../adapters/http/route.js';
import { startRunDeps } from '../../adapters/reconcile-wiring.js';
import { linkRepository } from '../../adapters/wiring.js';
import { requestRun } from '../../core/reconcile/reports.js';
import { parseStartRunBody } from './schemas.js';

const deps = { ...startRunDeps(), links: linkRepository() };

/**
 * POST /reconcile/runs (tenant): reconciles the tenant's links (or one of them) now, through the
 * queue; answers 202 with the run to poll. A run of the tenant already in progress is joined.
 */
export const handler = httpRoute({ access: 'tenant' }, async ({ tenant, rawBody, headers }) => {
  const input = parseStartRunBody(rawBody, headers['content-type']);
  const run = await requestRun(deps, tenant, input, new Date());
  return {
    status: 202,
    json: run,
    headers: { location: `/reconcile/runs/${run.runId}` },
  };
});
