import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { serializeJob } from '../../core/jobs.js';
import type { ReconcileJobPublisher } from '../../core/reconcile/ports.js';
import { createJobPublisher } from './publisher.js';

/** SQS's per-message delay is 0-900 seconds. */
const MAX_DELAY_SECONDS = 900;

/**
 * Publishes the reconciler's jobs to the sync queue: shard fan-outs and syncs in batches of ten, and a
 * delayed continuation (Meta's usage is high) as one message with DelaySeconds.
 */
const createReconcileJobPublisher = (
  client: SQSClient,
  queueUrl: string
): ReconcileJobPublisher => {
  const batches = createJobPublisher({ client, queueUrl });
  return {
    shardJobs: async (jobs, delaySeconds = 0) => {
      if (delaySeconds <= 0) return batches.publish(jobs);
      const delay = Math.min(MAX_DELAY_SECONDS, Math.ceil(delaySeconds));
      await Promise.all(
        jobs.map((job) =>
          client.send(
            new SendMessageCommand({
              QueueUrl: queueUrl,
              MessageBody: serializeJob(job),
              MessageAttributes: { kind: { DataType: 'String', StringValue: job.kind } },
              DelaySeconds: delay,
            })
          )
        )
      );
    },
    syncJobs: (jobs) => batches.publish(jobs),
  };
};

export { createReconcileJobPublisher };
