import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';

/**
 * Lambda's SQS event source mapping, locally: polls the queue, gathers up to `batchSize`
 * messages within the batching window, invokes the function with a faithful SQSEvent and deletes
 * every message the function did not report in `batchItemFailures`. A thrown error or a malformed
 * response fails the whole batch (AWS's rules); failed messages reappear after the visibility timeout
 * and the queue's redrive policy moves them to the DLQ after maxReceiveCount receives.
 */

interface PollerOptions {
  client: SQSClient;
  queueUrl: string;
  queueArn: string;
  region: string;
  batchSize: number;
  maxBatchingWindowSeconds: number;
  /**
   * The queue's visibility timeout. The batching window is kept well inside it: messages gathered at
   * the start of a window must not become visible again before the batch is handed over (AWS refuses
   * such a configuration; tests shorten the timeout to a few seconds).
   */
  visibilityTimeoutSeconds: number;
  /** Batches in flight at once (Lambda's concurrent pollers); default 1. */
  concurrency?: number;
  invoke: (event: SQSEvent) => Promise<unknown>;
  log: (line: string) => void;
}

interface Poller {
  /** Batches handed to the function so far. */
  batches(): number;
  stop(): Promise<void>;
}

/** How often an idle poller asks for messages. */
const IDLE_POLL_MS = 100;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });

const toLambdaAttributes = (message: Message): SQSMessageAttributes =>
  Object.fromEntries(
    Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
      name,
      {
        ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
        ...(value.BinaryValue !== undefined
          ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }
          : {}),
        stringListValues: value.StringListValues ?? [],
        binaryListValues: (value.BinaryListValues ?? []).map((item) =>
          Buffer.from(item).toString('base64')
        ),
        dataType: value.DataType ?? 'String',
      },
    ])
  );

/** One SQS message as Lambda presents it in an SQSEvent record. */
const toRecord = (message: Message, queueArn: string, region: string): SQSRecord =>
  ({
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: { ...message.Attributes },
    messageAttributes: toLambdaAttributes(message),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes
      ? { md5OfMessageAttributes: message.MD5OfMessageAttributes }
      : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  }) as SQSRecord;

/**
 * Which records failed, by AWS's partial batch response rules: no response, an empty or null list
 * means all succeeded; an unknown, empty or missing itemIdentifier, or a response that is not an
 * object, means the whole batch failed.
 */
const failedMessageIds = (response: unknown, batchIds: readonly string[]): Set<string> => {
  const all = new Set(batchIds);
  if (response === undefined || response === null) return new Set();
  if (typeof response !== 'object' || Array.isArray(response)) return all;
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return all;
  const failed = new Set<string>();
  for (const failure of failures) {
    const id =
      typeof failure === 'object' && failure !== null
        ? (failure as { itemIdentifier?: unknown }).itemIdentifier
        : undefined;
    if (typeof id !== 'string' || id === '' || !all.has(id)) return all;
    failed.add(id);
  }
  return failed;
};

const startPoller = (options: PollerOptions): Poller => {
  const controller = new AbortController();
  const { signal } = controller;
  let batchCount = 0;

  const receive = async (max: number): Promise<Message[]> => {
    const result = await options.client.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: max,
        WaitTimeSeconds: 0,
        // Both spellings: local-aws-sqs only knows the older AttributeNames, AWS accepts both.
        AttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: signal }
    );
    return result.Messages ?? [];
  };

  /**
   * Waits for the first message, then fills the batch for up to the batching window, as the event
   * source mapping does. The wait is a loop of short polls, not one long poll: local-aws-sqs holds a
   * long poll until it has MaxNumberOfMessages (AWS answers as soon as it has one) and may hand out
   * a message twice in one answer if its visibility timeout runs out meanwhile.
   */
  const gather = async (): Promise<Message[]> => {
    let messages: Message[] = [];
    while (messages.length === 0 && !signal.aborted) {
      messages = await receive(options.batchSize);
      if (messages.length === 0) await sleep(IDLE_POLL_MS, signal);
    }
    const windowMs =
      Math.min(options.maxBatchingWindowSeconds, options.visibilityTimeoutSeconds / 4) * 1000;
    const until = Date.now() + windowMs;
    while (messages.length < options.batchSize && Date.now() < until && !signal.aborted) {
      const more = await receive(options.batchSize - messages.length);
      if (more.length === 0) await sleep(IDLE_POLL_MS, signal);
      messages.push(...more);
    }
    // One record per message, with its latest receipt handle.
    return [...new Map(messages.map((message) => [message.MessageId, message])).values()];
  };

  const acknowledge = async (records: SQSRecord[]) => {
    for (let index = 0; index < records.length; index += 10) {
      const chunk = records.slice(index, index + 10);
      const result = await options.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: options.queueUrl,
          Entries: chunk.map((record, position) => ({
            Id: String(position),
            ReceiptHandle: record.receiptHandle,
          })),
        })
      );
      for (const failed of result.Failed ?? []) {
        options.log(`! poller could not delete a message: ${failed.Code} ${failed.Message ?? ''}`);
      }
    }
  };

  const runBatch = async (messages: Message[]) => {
    const records = messages.map((message) => toRecord(message, options.queueArn, options.region));
    batchCount += 1;
    let response: unknown;
    let failed: Set<string>;
    try {
      response = await options.invoke({ Records: records });
      failed = failedMessageIds(
        response,
        records.map((record) => record.messageId)
      );
    } catch (error) {
      options.log(
        `! worker failed the whole batch of ${records.length}: ${error instanceof Error ? error.message : String(error)}`
      );
      failed = new Set(records.map((record) => record.messageId));
    }
    // Failed records are left alone: they reappear when their visibility timeout runs out.
    await acknowledge(records.filter((record) => !failed.has(record.messageId)));
  };

  const loop = async () => {
    while (!signal.aborted) {
      try {
        const messages = await gather();
        if (messages.length > 0 && !signal.aborted) await runBatch(messages);
      } catch (error) {
        if (signal.aborted) break;
        options.log(`! poller error: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(1000, signal);
      }
    }
  };

  const loops = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () => loop());

  return {
    batches: () => batchCount,
    stop: async () => {
      controller.abort();
      await Promise.allSettled(loops);
    },
  };
};

export type { Poller, PollerOptions };
export { failedMessageIds, startPoller, toRecord };
