/**
 * The SQS queues Tandem's functions send to and consume, described once, here beside the publishers
 * and the batch runner that rely on them (the worker's last attempt is the redrive policy's
 * `maxReceiveCount`). The CDK stack and the local runtime both build their queues from these.
 */

interface QueueSpec {
  id: string;
  envVar: string;
  dlqEnvVar: string;
  /** SQS wants at least 6x the consumer's timeout so a slow batch is not handed out twice. */
  visibilityTimeoutSeconds: number;
  /** Receives before SQS moves a message to the DLQ on its own. */
  maxReceiveCount: number;
  batchSize: number;
  maxBatchingWindowSeconds: number;
  /** How long a dead letter is kept for inspection and redrive. */
  dlqRetentionDays: number;
}

const queues = {
  /** Sync and reconcile jobs, one queue for both so one worker drains them with one set of limits. */
  sync: {
    id: 'SyncJobs',
    envVar: 'SYNC_QUEUE_URL',
    dlqEnvVar: 'SYNC_DLQ_URL',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    dlqRetentionDays: 14,
  },
  /**
   * Event fan-outs and deliveries to the tenants' webhook endpoints: apart from the sync queue, so a
   * slow or failing endpoint never holds up a sync, and a sync backlog never delays an event. A
   * retry is a new message (delayed on the retry schedule), not a redelivery: the receive count only
   * counts Tandem's own failures (the events table or the vault unavailable).
   */
  deliveries: {
    id: 'EventDeliveries',
    envVar: 'DELIVERIES_QUEUE_URL',
    dlqEnvVar: 'DELIVERIES_DLQ_URL',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    dlqRetentionDays: 14,
  },
} as const satisfies Record<string, QueueSpec>;

type QueueName = keyof typeof queues;

export type { QueueName, QueueSpec };
export { queues };
