import type { JobRegistry } from '../adapters/queue/batch-runner.js';
import { bulkDeps } from '../adapters/wiring.js';
import { type BulkDeps, runBulkPage } from '../core/linking/bulk.js';
import { reconcileShard, type ShardDeps } from '../core/reconcile-run.js';
import { createSyncJobHandler } from './sync.js';

interface RegistryDeps {
  /** What a reconcile shard job needs (functions/adapters/reconcile-wiring.ts). */
  reconcile: ShardDeps;
}

/**
 * The worker's job handlers, one per kind. A kind without a handler is dead-lettered with "no handler
 * for job kind ...", never dropped.
 */
const createJobRegistry = (deps: RegistryDeps): JobRegistry => {
  // Built on the first bulk job, from the worker's environment, as sync's are.
  let bulk: BulkDeps | undefined;
  return {
    // Sync builds its dependencies on its first job, from the worker's environment.
    sync: createSyncJobHandler(),
    'reconcile-shard': async (job, ctx) => {
      const result = await reconcileShard(
        deps.reconcile,
        job,
        { receiveCount: ctx.receiveCount },
        new Date()
      );
      ctx.log.info('reconcile shard page done', { runId: job.runId, shard: job.shard, ...result });
    },
    'links-bulk': async (job, ctx) => {
      bulk ??= bulkDeps();
      const result = await runBulkPage(bulk, job, { receiveCount: ctx.receiveCount });
      ctx.log.info('bulk page done', { operationId: job.operationId, ...result });
    },
  };
};

export type { RegistryDeps };
export { createJobRegistry };
