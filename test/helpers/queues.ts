import { randomBytes } from 'node:crypto';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { awsClients } from './system.js';

interface TestQueue {
  url: string;
  arn: string;
  dlqUrl: string;
  dlqArn: string;
  delete(): Promise<void>;
}

const arnOf = async (url: string): Promise<string> => {
  const { Attributes } = await awsClients().sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] })
  );
  return Attributes?.QueueArn ?? '';
};

/**
 * A fresh queue and DLQ on the local SQS server, for tests that drive their own poller or
 * publisher without touching the system's sync queue.
 */
const createTestQueue = async ({
  visibilityTimeoutSeconds = 1,
  maxReceiveCount = 5,
}: {
  visibilityTimeoutSeconds?: number;
  maxReceiveCount?: number;
} = {}): Promise<TestQueue> => {
  const { sqs } = awsClients();
  const name = `test-${randomBytes(6).toString('hex')}`;
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqUrl = dlq.QueueUrl ?? '';
  const dlqArn = await arnOf(dlqUrl);
  const main = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount }),
      },
    })
  );
  const url = main.QueueUrl ?? '';
  return {
    url,
    arn: await arnOf(url),
    dlqUrl,
    dlqArn,
    delete: async () => {
      await sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
      await sqs.send(new DeleteQueueCommand({ QueueUrl: dlqUrl }));
    },
  };
};

/** Counts the messages a queue holds, visible or in flight. */
const queueDepth = async (url: string): Promise<number> => {
  const { Attributes } = await awsClients().sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    })
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};

/** Receives and removes from view everything a (test) queue holds right now, up to `max`. */
const drain = async (url: string, max = 100): Promise<Message[]> => {
  const all: Message[] = [];
  while (all.length < max) {
    const { Messages } = await awsClients().sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 60,
        MessageAttributeNames: ['All'],
        AttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      })
    );
    if (!Messages?.length) break;
    all.push(...Messages);
  }
  return all;
};

/** A dead letter's failure attributes as plain strings. */
const failureOf = (message: Message): Record<string, string | undefined> =>
  Object.fromEntries(
    ['failureReason', 'failureCode', 'failedAt', 'receiveCount', 'sourceQueue', 'kind'].map(
      (name) => [name, message.MessageAttributes?.[name]?.StringValue]
    )
  );

export type { TestQueue };
export { createTestQueue, drain, failureOf, queueDepth };
