import type { JobRegistry } from '../adapters/queue/batch-runner.js';
import { reconcileShard, type ShardDeps } from '../core/reconcile-run.js';
import { type ApplyDeps, applyWhatsAppEvent } from '../core/whatsapp/apply.js';
import { createSyncJobHandler } from './sync.js';

interface RegistryDeps {
  /** What a reconcile shard job needs (functions/adapters/reconcile-wiring.ts). */
  reconcile: ShardDeps;
  /** What applying a WABA webhook change to its links needs (functions/adapters/wiring.ts). */
  whatsapp: () => ApplyDeps;
}

/**
 * The worker's job handlers, one per kind. A kind without a handler is dead-lettered with "no handler
 * for job kind ...", never dropped.
 */
const createJobRegistry = (deps: RegistryDeps): JobRegistry => ({
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
  'whatsapp-event': async (job, ctx) => {
    const result = await applyWhatsAppEvent(deps.whatsapp(), job.event, job.correlationId);
    // link.meta_changed would be emitted here for each changed link, once client events exist.
    ctx.log.info('whatsapp event applied', {
      kind: job.event.kind,
      wabaId: job.event.wabaId,
      correlationId: job.correlationId,
      ...result,
    });
  },
});

export type { RegistryDeps };
export { createJobRegistry };
