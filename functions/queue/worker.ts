import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { queues } from '../../infra/shared/resources.js';
import { dynamoDocumentClient, sqs } from '../adapters/aws/clients.js';
import { loadConfig } from '../adapters/config.js';
import { logger } from '../adapters/logger.js';
import { runBatch } from '../adapters/queue/batch-runner.js';
import { reconcileConfig, syncQueueConfig } from '../adapters/queue/config.js';
import { createSqsDeadLetters } from '../adapters/queue/dead-letters.js';
import { createJobRegistry } from './registry.js';

const config = loadConfig(syncQueueConfig.and(reconcileConfig));

const registry = createJobRegistry({
  db: dynamoDocumentClient(),
  linksTable: config.LINKS_TABLE,
  driftReportsTable: config.DRIFT_REPORTS_TABLE,
  retentionDays: config.DRIFT_RETENTION_DAYS,
});
const deadLetters = createSqsDeadLetters(sqs(), config.SYNC_DLQ_URL);
const log = logger.child({ fn: 'worker' });

/** Consumes the sync queue: runs each job and reports partial batch failures to SQS. */
export const handler = middy<SQSEvent, SQSBatchResponse>().handler((event) =>
  runBatch(event, {
    registry,
    deadLetters,
    // The same number the queue's redrive policy uses, so the worker's last attempt is SQS's last.
    maxReceiveCount: queues.sync.maxReceiveCount,
    log,
  })
);
