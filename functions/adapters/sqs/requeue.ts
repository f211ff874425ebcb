import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { RequeueSink } from './batch-runner.js';
import { originalAttributes } from './dead-letters.js';

/** SQS's longest DelaySeconds. */
const MAX_DELAY_SECONDS = 900;

/**
 * Sends a copy of the message (body and attributes) back to the queue with a delivery delay. Used for
 * jobs a Meta outage holds: a visibility change would keep the receive count climbing towards the
 * DLQ, a fresh copy does not. Jobs are idempotent, so a copy sent twice (the ack lost) is harmless.
 */
const createSqsRequeue = (client: SQSClient, queueUrl: string): RequeueSink => ({
  later: async (record, seconds) => {
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: record.body,
        MessageAttributes: originalAttributes(record.messageAttributes ?? {}),
        DelaySeconds: Math.max(0, Math.min(MAX_DELAY_SECONDS, Math.ceil(seconds))),
      })
    );
  },
});

export { createSqsRequeue };
