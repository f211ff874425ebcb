import type { JobRegistry } from '../adapters/sqs/batch-runner.js';
import { eventPublisher } from '../adapters/wiring/events.js';
import { bulkDeps } from '../adapters/wiring/shared.js';
import { reconcileShard, reportRun, type ShardDeps } from '../core/reconcile/run.js';
import type { StatsFanOutDeps, StatsPullDeps } from '../core/stats/ports.js';
import { fanOutStatsShard, pullLinkStats } from '../core/stats/pull.js';
import { type BulkDeps, runBulkPage } from '../core/sync/bulk.js';
import { type ApplyDeps, applyWhatsAppEvent } from '../core/whatsapp/apply.js';
import { createStoryJobHandler } from './stories.js';
import { createSyncJobHandler } from './sync.js';

interface RegistryDeps {
  /** What a reconcile shard job needs (functions/adapters/wiring/reconcile.ts). */
  reconcile: ShardDeps;
  /** What the message statistics jobs need (functions/adapters/wiring/stats.ts). */
  stats: { pull: StatsPullDeps; fanOut: StatsFanOutDeps };
  /** What applying a WABA webhook change to its links needs (functions/adapters/wiring/shared.ts). */
  whatsapp: () => ApplyDeps;
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
    'reconcile-report': async (job, ctx) => {
      const result = await reportRun(deps.reconcile, job);
      ctx.log.info('reconcile report page sent', { runId: job.runId, ...result });
    },
    'stats-shard': async (job, ctx) => {
      const result = await fanOutStatsShard(deps.stats.fanOut, job);
      ctx.log.info('stats shard page fanned out', { shard: job.shard, ...result });
    },
    'stats-pull': async (job, ctx) => {
      const result = await pullLinkStats(deps.stats.pull, job);
      ctx.log.info(`stats pull ${result.status}`, {
        tenantId: job.tenantId,
        linkId: job.linkId,
        ...result,
      });
    },
    'links-bulk': async (job, ctx) => {
      bulk ??= { ...bulkDeps(), events: eventPublisher() };
      const result = await runBulkPage(bulk, job, { receiveCount: ctx.receiveCount });
      ctx.log.info('bulk page done', { operationId: job.operationId, ...result });
    },
    'whatsapp-event': async (job, ctx) => {
      const result = await applyWhatsAppEvent(deps.whatsapp(), job.event, job.correlationId);
      ctx.log.info('whatsapp event applied', {
        kind: job.event.kind,
        wabaId: job.event.wabaId,
        correlationId: job.correlationId,
        ...result,
      });
    },
  };
};

export type { RegistryDeps };
export { createJobRegistry };
