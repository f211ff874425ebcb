import { logger } from '../adapters/observability/logger.js';
import type { BatchRunnerOptions, JobRegistry } from '../adapters/sqs/batch-runner.js';
import type { WorkerRoot } from '../adapters/wiring/worker.js';
import { reconcileShard, reportRun } from '../core/reconcile/run.js';
import { fanOutStatsShard, pullLinkStats } from '../core/stats/pull.js';
import { runBulkPage } from '../core/sync/bulk.js';
import { applyWhatsAppEvent } from '../core/whatsapp/apply.js';
import { createStoryJobHandler } from './stories.js';
import { createSyncJobHandler, syncRunnerOptions } from './sync.js';

/**
 * The worker's job handlers, one per kind. A kind without a handler is dead-lettered with "no handler
 * for job kind ...", never dropped.
 */
const createJobRegistry = (deps: WorkerRoot): JobRegistry => ({
  sync: createSyncJobHandler(deps.sync),
  story: createStoryJobHandler(deps.story),
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
    const result = await runBulkPage(deps.bulk, job, { receiveCount: ctx.receiveCount });
    ctx.log.info('bulk page done', { operationId: job.operationId, ...result });
  },
  'whatsapp-event': async (job, ctx) => {
    const result = await applyWhatsAppEvent(deps.whatsapp, job.event, job.correlationId);
    ctx.log.info('whatsapp event applied', {
      kind: job.event.kind,
      wabaId: job.event.wabaId,
      correlationId: job.correlationId,
      ...result,
    });
  },
});

/**
 * The worker's batch runner: each kind's job handler, the queue's retry machinery, and what sync
 * adds (bursts of syncs of one link run once; a sync given up on is told as `sync.failed`).
 */
const workerBatchOptions = (root: WorkerRoot): BatchRunnerOptions => ({
  registry: createJobRegistry(root),
  ...root.queue,
  ...syncRunnerOptions(root.sync),
  log: logger.child({ fn: 'worker' }),
});

export { createJobRegistry, workerBatchOptions };
