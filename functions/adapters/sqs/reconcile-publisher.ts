import type { SQSClient } from '@aws-sdk/client-sqs';
import type { ReconcileJobPublisher } from '../../core/reconcile/ports.js';
import { createJobPublisher } from './publisher.js';

/**
 * Publishes the reconciler's jobs to the sync queue in batches of ten: shard fan-outs, continuations
 * (delayed while Meta's usage is high), syncs and a finished run's reports.
 */
const createReconcileJobPublisher = (
  client: SQSClient,
  queueUrl: string
): ReconcileJobPublisher => {
  const batches = createJobPublisher({ client, queueUrl });
  return {
    shardJobs: (jobs, delaySeconds = 0) => batches.publish(jobs, delaySeconds),
    syncJobs: (jobs) => batches.publish(jobs),
    reportJobs: (jobs) => batches.publish(jobs),
  };
};

export { createReconcileJobPublisher };
