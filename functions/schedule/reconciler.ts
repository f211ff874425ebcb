import { randomBytes } from 'node:crypto';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { dynamoDocumentClient, sqs } from '../adapters/aws/clients.js';
import { createReconcileRunStore } from '../adapters/aws/reconcile-runs.js';
import { loadConfig } from '../adapters/config.js';
import { logger } from '../adapters/logger.js';
import { reconcileConfig, syncQueueConfig } from '../adapters/queue/config.js';
import { createJobPublisher } from '../adapters/queue/publisher.js';
import { type StartRunResult, startReconcileRun } from '../core/reconcile-run.js';

const config = loadConfig(reconcileConfig.and(syncQueueConfig.pick({ SYNC_QUEUE_URL: true })));

const deps = {
  store: createReconcileRunStore(
    dynamoDocumentClient(),
    config.DRIFT_REPORTS_TABLE,
    config.DRIFT_RETENTION_DAYS
  ),
  publisher: createJobPublisher({ client: sqs(), queueUrl: config.SYNC_QUEUE_URL }),
  // Sortable by start time, unique even for two runs started in the same second.
  newRunId: (now: Date) =>
    `rcn_${now.toISOString().replace(/[-:.]/g, '')}_${randomBytes(4).toString('hex')}`,
  settings: {
    shardCount: config.SHARD_COUNT,
    leaseSeconds: config.RECONCILE_LEASE_SECONDS,
    retentionDays: config.DRIFT_RETENTION_DAYS,
  },
};
const log = logger.child({ fn: 'reconciler' });

/** Scheduled: starts a reconcile run unless one is still running. */
export const handler = middy<ScheduledEvent, StartRunResult>().handler(async (event) => {
  // The lease is compared with the clock, not the event time: a retried event may be old.
  const result = await startReconcileRun(deps, new Date());
  log.info(result.status === 'started' ? 'reconcile run started' : 'reconcile run skipped', {
    ...result,
    scheduledAt: event.time,
  });
  return result;
});
