import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { VisibilitySink } from './batch-runner.js';

/**
 * Postpones a failed message's next delivery to when its error said to come back (e.g. Meta's rate
 * limit), rather than the queue's fixed visibility timeout.
 */
const createSqsVisibility = (client: SQSClient, queueUrl: string): VisibilitySink => ({
  delay: async (record, seconds) => {
    await client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: record.receiptHandle,
        VisibilityTimeout: Math.max(0, Math.min(43_200, Math.ceil(seconds))),
      })
    );
  },
});

export { createSqsVisibility };
