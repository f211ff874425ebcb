import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ShardDeps } from '../../core/reconcile/run.js';
import type { StatsFanOutDeps, StatsPullDeps } from '../../core/stats/ports.js';
import type { BulkDeps } from '../../core/sync/bulk.js';
import type { SyncDeps } from '../../core/sync/run.js';
import type { ApplyDeps } from '../../core/whatsapp/apply.js';
import * as z from '../../core/zod.js';
import { sqs } from '../aws/clients.js';
import { loadConfig } from '../config.js';
import { createUsageMeter } from '../meta/usage-meter.js';
import type { BatchRunnerOptions } from '../sqs/batch-runner.js';
import { syncQueueConfig } from '../sqs/config.js';
import { createSqsDeadLetters } from '../sqs/dead-letters.js';
import { queues } from '../sqs/queues.js';
import { createSqsRequeue } from '../sqs/requeue.js';
import { createSqsVisibility } from '../sqs/visibility.js';
import { eventPublisher } from './events.js';
import { shardDeps } from './reconcile.js';
import * as wiring from './shared.js';
import { statsFanOutDeps, statsPullDeps } from './stats.js';
import { storyJobDeps } from './stories.js';

/**
 * What the sync worker needs (functions/queue/worker.ts), in one place: every job kind's
 * dependencies and the queue's retry machinery, built once per execution environment at cold start,
 * so a variable the worker's needs do not grant fails its start, not its first job of that kind.
 */

const workerConfig = z.extend(syncQueueConfig, {
  /**
   * The longest a retry is postponed when Meta says how long to wait (its rate-limit windows run to
   * an hour). Locally a few seconds, so a developer (or a test) sees the retry happen.
   */
  SYNC_MAX_RETRY_DELAY_SECONDS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(43_200)),
    900
  ),
});

const syncDeps = (): SyncDeps => {
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

interface WorkerRoot {
  sync: SyncDeps;
  story: ReturnType<typeof storyJobDeps>;
  reconcile: ShardDeps;
  stats: { pull: StatsPullDeps; fanOut: StatsFanOutDeps };
  bulk: BulkDeps;
  whatsapp: ApplyDeps;
  /** The batch runner's queue side: dead letters, Meta-timed retries, jobs held by an outage. */
  queue: Pick<
    BatchRunnerOptions,
    'deadLetters' | 'maxReceiveCount' | 'visibility' | 'requeue' | 'maxRetryDelaySeconds'
  >;
}

const workerRoot = (): WorkerRoot => {
  const config = loadConfig(workerConfig);
  const events = eventPublisher();
  return {
    sync: syncDeps(),
    story: storyJobDeps(),
    reconcile: shardDeps(),
    stats: { pull: statsPullDeps(), fanOut: statsFanOutDeps() },
    bulk: { ...wiring.bulkDeps(), events },
    whatsapp: { ...wiring.whatsappApplyDeps(), events },
    queue: {
      deadLetters: createSqsDeadLetters(sqs(), config.SYNC_DLQ_URL),
      // The same number the queue's redrive policy uses, so the worker's last attempt is SQS's last.
      maxReceiveCount: queues.sync.maxReceiveCount,
      visibility: createSqsVisibility(sqs(), config.SYNC_QUEUE_URL),
      requeue: createSqsRequeue(sqs(), config.SYNC_QUEUE_URL),
      maxRetryDelaySeconds: config.SYNC_MAX_RETRY_DELAY_SECONDS,
    },
  };
};

export type { WorkerRoot };
export { workerRoot };
