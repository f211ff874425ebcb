import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { chunksOf, mapConcurrently } from '../../core/batching.js';
import { TransientStoreError } from '../../core/errors.js';
import { type RetryTuning, retry } from '../../core/retry.js';

/**
 * BatchGetItem and BatchWriteItem over any number of items: split to DynamoDB's limits (100 keys,
 * 25 writes), a few requests in flight at once, and what DynamoDB leaves unprocessed (throttling,
 * a response over 16 MB) asked for again under the shared retry policy (functions/core/retry.ts),
 * never dropped. What is still unprocessed after the last attempt is a TransientStoreError.
 */

const BATCH_GET_MAX = 100;
const BATCH_WRITE_MAX = 25;
/** Tries per chunk, the first included: up to about 7 s of waiting under the shared backoff. */
const BATCH_ATTEMPTS = 8;
const IN_FLIGHT = 8;

type Item = Record<string, unknown>;

/** One write of a BatchWriteItem: a whole-item put or a delete by key (neither takes a condition). */
type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** A chunk that came back partly unprocessed; only these are retried here (the SDK retries the rest). */
class UnprocessedError extends TransientStoreError {}

/**
 * Sends `first`, then again whatever `send` answers was left unprocessed, until nothing is left or
 * the attempts are spent.
 */
const untilProcessed = async <T>(
  first: T[],
  send: (pending: T[]) => Promise<T[]>,
  describe: (left: number, attempts: number) => string,
  options: RetryTuning
): Promise<void> => {
  let pending = first;
  await retry(
    async (attempt) => {
      pending = await send(pending);
      if (pending.length > 0) {
        throw new UnprocessedError(`${pending.length} of ${first.length} left unprocessed`, {
          cause: new Error(describe(pending.length, attempt)),
        });
      }
    },
    {
      maxAttempts: options.maxAttempts ?? BATCH_ATTEMPTS,
      retryable: (error) => error instanceof UnprocessedError,
      sleep: options.sleep,
      random: options.random,
    }
  );
};

/**
 * Reads the items with these keys (absent ones are simply not returned, in no particular order).
 *
 * @throws TransientStoreError when DynamoDB still leaves some unread after the last attempt.
 * @example
 * const items = await batchGetAll(client, table, keys, { ProjectionExpression: 'id, expiration' });
 */
const batchGetAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Item[],
  request: Omit<NonNullable<BatchGetCommandInput['RequestItems']>[string], 'Keys'> = {},
  options: RetryTuning = {}
): Promise<Item[]> => {
  const pages = await mapConcurrently(chunksOf(keys, BATCH_GET_MAX), IN_FLIGHT, async (chunk) => {
    const found: Item[] = [];
    await untilProcessed(
      chunk,
      async (pending) => {
        const result = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { ...request, Keys: pending } } })
        );
        found.push(...(result.Responses?.[tableName] ?? []));
        return result.UnprocessedKeys?.[tableName]?.Keys ?? [];
      },
      (left, attempts) =>
        `BatchGetItem left ${left} keys of ${tableName} unread after ${attempts} attempts`,
      options
    );
    return found;
  });
  return pages.flat();
};

/**
 * Carries out the writes (at most one per key: BatchWriteItem refuses a request that names a key
 * twice). Writes are applied one by one, not as a transaction: after a failure some may be done.
 *
 * @throws TransientStoreError when DynamoDB still leaves some unwritten after the last attempt.
 * @example
 * await batchWriteAll(client, table, items.map((Item) => ({ PutRequest: { Item } })));
 */
const batchWriteAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
  options: RetryTuning = {}
): Promise<void> => {
  await mapConcurrently(chunksOf(requests, BATCH_WRITE_MAX), IN_FLIGHT, (chunk) =>
    untilProcessed(
      chunk,
      async (pending) => {
        const result = await client.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending } })
        );
        return (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      },
      (left, attempts) =>
        `BatchWriteItem left ${left} writes to ${tableName} undone after ${attempts} attempts`,
      options
    )
  );
};

export type { WriteRequest };
export { BATCH_ATTEMPTS, batchGetAll, batchWriteAll };
