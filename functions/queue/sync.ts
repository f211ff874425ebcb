import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sqs } from '../adapters/aws/clients.js';
import { loadConfig } from '../adapters/config.js';
import { createUsageMeter } from '../adapters/meta/usage-meter.js';
import type { BatchRunnerOptions, JobHandler } from '../adapters/sqs/batch-runner.js';
import { syncQueueConfig } from '../adapters/sqs/config.js';
import { createSqsRequeue } from '../adapters/sqs/requeue.js';
import { createSqsVisibility } from '../adapters/sqs/visibility.js';
import { eventPublisher } from '../adapters/wiring/events.js';
import * as wiring from '../adapters/wiring/shared.js';
import type { SyncJob } from '../core/jobs.js';
import { reportSyncGaveUp, runSync, type SyncDeps } from '../core/sync/run.js';
import * as z from '../core/zod.js';

/**
 * The worker's `sync` job handler (the batch runner has parsed the envelope): one core call, then a
 * log line with the outcome. Failures are thrown for the batch runner to retry or dead-letter.
 */

const syncWorkerConfig = z.object({
  /**
   * The longest a retry is postponed when Meta says how long to wait (its rate-limit windows run to
   * an hour). Locally a few seconds, so a developer (or a test) sees the retry happen.
   */
  SYNC_MAX_RETRY_DELAY_SECONDS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(43_200)),
    900
  ),
});

/** Built on first use, so importing the registry needs no configuration. */
const buildDeps = (): SyncDeps => {
  const usage = createUsageMeter();
  const graph = wiring.graphClient({ onUsage: usage.record });
  return {
    links: wiring.linkRepository(),
    state: wiring.syncStateRepository(),
    observer: wiring.linkObserver(graph, { storePageTokens: true }),
    writer: wiring.profileWriter(graph),
    usage,
    clock: wiring.clock,
    events: eventPublisher(),
    newLeaseOwner: randomUUID,
    sleep: (ms) => sleep(ms),
  };
};

let gaveUp: Pick<SyncDeps, 'events' | 'clock'> | undefined;
const gaveUpDeps = () => {
  gaveUp ??= { events: eventPublisher(), clock: wiring.clock };
  return gaveUp;
};

/** Runs one sync job. */
const createSyncJobHandler = (): JobHandler<'sync'> => {
  let deps: SyncDeps | undefined;
  return async (job, ctx) => {
    deps ??= buildDeps();
    const run = await runSync(deps, job);
    ctx.log.info('sync done', {
      linkId: job.linkId,
      trigger: job.trigger,
      observedAt: job.observedAt,
      correlationId: job.correlationId,
      ...run,
    });
  };
};

/** Of several syncs of one link in a batch, the newest observation runs for all of them. */
const newestSync = (jobs: readonly SyncJob[]): SyncJob =>
  jobs.reduce((newest, job) =>
    Date.parse(job.observedAt) > Date.parse(newest.observedAt) ? job : newest
  );

/**
 * What sync adds to the batch runner: retries timed by Meta, jobs that wait out a Meta outage
 * without using their attempts, coalesced bursts, and `sync.failed` for a sync given up on.
 */
const syncRunnerOptions = (): Pick<
  BatchRunnerOptions,
  'visibility' | 'maxRetryDelaySeconds' | 'coalesce' | 'requeue' | 'onGaveUp'
> => {
  const config = loadConfig(
    z.intersection(z.pick(syncQueueConfig, { SYNC_QUEUE_URL: true }), syncWorkerConfig)
  );
  return {
    visibility: createSqsVisibility(sqs(), config.SYNC_QUEUE_URL),
    requeue: createSqsRequeue(sqs(), config.SYNC_QUEUE_URL),
    maxRetryDelaySeconds: config.SYNC_MAX_RETRY_DELAY_SECONDS,
    coalesce: { sync: newestSync },
    onGaveUp: async (job, failure) => {
      if (job.kind === 'sync') await reportSyncGaveUp(gaveUpDeps(), job, failure);
    },
  };
};

export { createSyncJobHandler, newestSync, syncRunnerOptions };
