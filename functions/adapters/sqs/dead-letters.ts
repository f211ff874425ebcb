import {
  type MessageAttributeValue,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSMessageAttributes } from 'aws-lambda';
import type { DeadLetterSink } from './batch-runner.js';

/** SQS allows ten message attributes; five carry the failure, the rest keep the original ones. */
const MAX_ATTRIBUTES = 10;

/** Lambda hands attributes over in camelCase; SendMessage wants them back in the API's shape. */
const originalAttributes = (
  attributes: SQSMessageAttributes
): Record<string, MessageAttributeValue> =>
  Object.fromEntries(
    Object.entries(attributes)
      .filter(([, value]) => value.stringValue !== undefined)
      .map(([name, value]) => [name, { DataType: value.dataType, StringValue: value.stringValue }])
  );

/**
 * The worker's own dead-lettering: the original body, its original attributes and five more saying
 * why, when and from where, so a dead letter can be understood and redriven without the logs.
 */
const createSqsDeadLetters = (
  client: SQSClient,
  dlqUrl: string,
  now: () => Date = () => new Date()
): DeadLetterSink => ({
  send: async (record, failure) => {
    const failureAttributes: Record<string, MessageAttributeValue> = {
      failureReason: { DataType: 'String', StringValue: failure.reason || '(no reason given)' },
      failureCode: { DataType: 'String', StringValue: failure.code },
      failedAt: { DataType: 'String', StringValue: now().toISOString() },
      receiveCount: { DataType: 'Number', StringValue: String(failure.receiveCount) },
      sourceQueue: { DataType: 'String', StringValue: record.eventSourceARN },
    };
    const kept = Object.entries(originalAttributes(record.messageAttributes ?? {}))
      .filter(([name]) => !(name in failureAttributes))
      .slice(0, MAX_ATTRIBUTES - Object.keys(failureAttributes).length);
    await client.send(
      new SendMessageCommand({
        QueueUrl: dlqUrl,
        MessageBody: record.body,
        MessageAttributes: { ...Object.fromEntries(kept), ...failureAttributes },
      })
    );
  },
});

export { createSqsDeadLetters, originalAttributes };
