import type { BatchRunnerOptions, JobHandler } from '../adapters/sqs/batch-runner.js';
import type { SyncJob } from '../core/jobs.js';
import { reportSyncGaveUp, runSync, type SyncDeps } from '../core/sync/run.js';

/**
 * The worker's `sync` job handler (the batch runner has parsed the envelope): one core call, then a
 * log line with the outcome. Failures are thrown for the batch runner to retry or dead-letter.
 */
const createSyncJobHandler =
  (deps: SyncDeps): JobHandler<'sync'> =>
  async (job, ctx) => {
    const run = await runSync(deps, job);
    ctx.log.info('sync done', {
      linkId: job.linkId,
      trigger: job.trigger,
      observedAt: job.observedAt,
      correlationId: job.correlationId,
      ...run,
    });
  };

/** Of several syncs of one link in a batch, the newest observation runs for all of them. */
const newestSync = (jobs: readonly SyncJob[]): SyncJob =>
  jobs.reduce((newest, job) =>
    Date.parse(job.observedAt) > Date.parse(newest.observedAt) ? job : newest
  );

/**
 * What sync adds to the batch runner: coalesced bursts, and `sync.failed` for a sync given up on.
 */
const syncRunnerOptions = (
  deps: Pick<SyncDeps, 'events' | 'clock'>
): Pick<BatchRunnerOptions, 'coalesce' | 'onGaveUp'> => ({
  coalesce: { sync: newestSync },
  onGaveUp: async (job, failure) => {
    if (job.kind === 'sync') await reportSyncGaveUp(deps, job, failure);
  },
});

export { createSyncJobHandler, newestSync, syncRunnerOptions };
