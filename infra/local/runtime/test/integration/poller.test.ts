import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestQueue,
  drain,
  failureOf,
  queueDepth,
  type TestQueue,
} from '../../../../../test/helpers/queues.js';
import { awsClients, eventually, useSystem } from '../../../../../test/helpers/system.js';
import { type Poller, startPoller } from '../../src/poller.js';

const VISIBILITY_TIMEOUT_SECONDS = 2;

/**
 * The local event source mapping against the real SQS server, with a stand-in function: what it
 * deletes, what it leaves for redelivery, and SQS's own redrive to the DLQ.
 */
describe('Poller: event source mapping', () => {
  let queue: TestQueue | undefined;
  let poller: Poller | undefined;

  afterEach(async () => {
    await poller?.stop();
    await queue?.delete();
    poller = undefined;
    queue = undefined;
  });

  const start = (testQueue: TestQueue, invoke: (event: SQSEvent) => Promise<unknown>) =>
    startPoller({
      client: awsClients().sqs,
      queueUrl: testQueue.url,
      queueArn: testQueue.arn,
      region: useSystem().region,
      batchSize: 10,
      maxBatchingWindowSeconds: 1,
      visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS,
      invoke,
      log: () => undefined,
    });

  it('deletes the records a batch does not report as failed, and redelivers the others', async () => {
    // Prepare
    queue = await createTestQueue({ visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS });
    const deliveries: Record<string, number> = {};
    await awsClients().sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: ['ok-1', 'fail-once', 'ok-2'].map((body, index) => ({
          Id: String(index),
          MessageBody: body,
        })),
      })
    );

    // Act
    poller = start(queue, async (event) => {
      const failures = [];
      for (const record of event.Records) {
        deliveries[record.body] = (deliveries[record.body] ?? 0) + 1;
        if (record.body === 'fail-once' && deliveries[record.body] === 1) {
          failures.push({ itemIdentifier: record.messageId });
        }
      }
      return { batchItemFailures: failures };
    });

    // Assess
    await eventually(() => deliveries['fail-once'] === 2);
    await eventually(async () => (await queueDepth(queue?.url ?? '')) === 0);
    expect(deliveries).toEqual({ 'ok-1': 1, 'fail-once': 2, 'ok-2': 1 });
  });

  it('hands the function a faithful SQS event', async () => {
    // Prepare
    queue = await createTestQueue({ visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS });
    const events: SQSEvent[] = [];
    await awsClients().sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: '{"hello":"world"}',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'sync' } },
      })
    );

    // Act
    poller = start(queue, async (event) => {
      events.push(event);
    });

    // Assess
    await eventually(() => events.length === 1);
    const record = events[0]?.Records[0];
    expect(record).toMatchObject({
      body: '{"hello":"world"}',
      md5OfBody: 'fbc24bcc7a1794758fc1327fcfebdaf6',
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: useSystem().region,
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {
        kind: {
          stringValue: 'sync',
          stringListValues: [],
          binaryListValues: [],
          dataType: 'String',
        },
      },
    });
    expect(record?.attributes.SentTimestamp).toMatch(/^\d+$/);
    expect(record?.receiptHandle).toBeTruthy();
  });

  it('fails the whole batch when the function throws, and SQS redrives it to the DLQ after maxReceiveCount', async () => {
    // Prepare
    queue = await createTestQueue({
      visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS,
      maxReceiveCount: 2,
    });
    const marker = randomUUID();
    let invocations = 0;
    await awsClients().sqs.send(
      new SendMessageCommand({ QueueUrl: queue.url, MessageBody: marker })
    );

    // Act
    poller = start(queue, async () => {
      invocations += 1;
      throw new Error('function crashed');
    });

    // Assess
    const [letter] = await eventually(async () => {
      const letters = await drain(queue?.dlqUrl ?? '');
      if (letters.length === 0) throw new Error('nothing redriven yet');
      return letters;
    });
    expect(letter?.Body).toBe(marker);
    // SQS's own redrive carries no failure attributes: the worker's dead letters are the ones that do.
    expect(failureOf(letter ?? {}).failureReason).toBeUndefined();
    expect(invocations).toBe(2);
  });

  it('stops promptly in the middle of a long poll', async () => {
    // Prepare
    queue = await createTestQueue({ visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS });
    poller = start(queue, async () => undefined);

    // Act
    const stopped = poller.stop().then(() => 'stopped');

    // Assess
    await expect(stopped).resolves.toBe('stopped');
    poller = undefined;
  });
});
