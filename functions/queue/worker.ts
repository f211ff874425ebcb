import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sqs } from '../adapters/aws/clients.js';
import { loadConfig } from '../adapters/config.js';
import { logger } from '../adapters/observability/logger.js';
import { runBatch } from '../adapters/sqs/batch-runner.js';
import { syncQueueConfig } from '../adapters/sqs/config.js';
import { createSqsDeadLetters } from '../adapters/sqs/dead-letters.js';
import { queues } from '../adapters/sqs/queues.js';
import { eventPublisher } from '../adapters/wiring/events.js';
import { shardDeps } from '../adapters/wiring/reconcile.js';
import { whatsappApplyDeps } from '../adapters/wiring/shared.js';
import { statsFanOutDeps, statsPullDeps } from '../adapters/wiring/stats.js';
import { createJobRegistry } from './registry.js';
import { syncRunnerOptions as loadSyncRunnerOptions } from './sync.js';

const config = loadConfig(syncQueueConfig);

const registry = createJobRegistry({
  reconcile: shardDeps(),
  stats: { pull: statsPullDeps(), fanOut: statsFanOutDeps() },
  whatsapp: () => ({ ...whatsappApplyDeps(), events: eventPublisher() }),
});
const deadLetters = createSqsDeadLetters(sqs(), config.SYNC_DLQ_URL);
const log = logger.child({ fn: 'worker' });
const syncRunnerOptions = loadSyncRunnerOptions();

/** Consumes the sync queue: runs each job and reports partial batch failures to SQS. */
export const handler = middy<SQSEvent, SQSBatchResponse>().handler((event) =>
  runBatch(event, {
    registry,
    deadLetters,
    // The same number the queue's redrive policy uses, so the worker's last attempt is SQS's last.
    maxReceiveCount: queues.sync.maxReceiveCount,
    log,
    // Retries postponed as long as Meta asks; bursts of syncs of one link run once.
    ...syncRunnerOptions,
  })
);
