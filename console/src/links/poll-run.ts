import { unwrap } from '../api/call.js';
import type { Api, RunView } from '../api/client.js';

const POLL_MS = 1000;
const GIVE_UP_MS = 120_000;

/** Starts (or joins) a check of the tenant's links, or one link, and waits for it to finish. */
const pollRun = async (api: Api, body: { linkId?: string }): Promise<RunView> => {
  const started = await unwrap(api.POST('/reconcile/runs', { body }));
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const run = await unwrap(
      api.GET('/reconcile/runs/{runId}', { params: { path: { runId: started.runId } } })
    );
    if (run.status !== 'running' || Date.now() > deadline) return run;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};

export { pollRun };
