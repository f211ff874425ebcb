import type { JobRegistry } from '../adapters/queue/batch-runner.js';
import { reconcileShard, type ShardDeps } from '../core/reconcile-run.js';
import { createStoryJobHandler } from './stories.js';
import { createSyncJobHandler } from './sync.js';

interface RegistryDeps {
  /** What a reconcile shard job needs (functions/adapters/reconcile-wiring.ts). */
  reconcile: ShardDeps;
}

/**
 * The worker's job handlers, one per kind. A kind without a handler is dead-lettered with "no handler
 * for job kind ...", never dropped.
 */
const createJobRegistry = (deps: RegistryDeps): JobRegistry => ({
  // Sync builds its dependencies on its first job, from the worker's environment.
  sync: createSyncJobHandler(),
  // Stories build theirs the same way, on their first job.
  story: createStoryJobHandler(),
  'reconcile-shard': async (job, ctx) => {
    const result = await reconcileShard(
      deps.reconcile,
      job,
      { receiveCount: ctx.receiveCount },
      new Date()
    );
    ctx.log.info('reconcile shard page done', { runId: job.runId, shard: job.shard, ...result });
  },
});

export type { RegistryDeps };
export { createJobRegistry };
