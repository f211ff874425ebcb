import { setTimeout as sleep } from 'node:timers/promises';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { chunksOf, mapConcurrently } from '../../core/batching.js';
import { UpstreamError } from '../../core/errors.js';

/**
 * BatchGetItem and BatchWriteItem over any number of items: split to DynamoDB's limits (100 keys,
 * 25 writes), a few requests in flight at once, and what DynamoDB leaves unprocessed (throttling)
 * asked for again with full-jitter backoff, never dropped. A batch still unprocessed after the last
 * attempt is a retryable UpstreamError.
 */

const BATCH_GET_MAX = 100;
const BATCH_WRITE_MAX = 25;
const MAX_ATTEMPTS = 8;
const IN_FLIGHT = 8;

type Item = Record<string, unknown>;

const backoff = (attempt: number) => sleep(Math.random() * Math.min(2_000, 50 * 2 ** attempt));

/**
 * Reads the items with these keys (absent ones are simply not returned).
 *
 * @example
 * const items = await batchGetAll(client, table, keys, { ProjectionExpression: 'id, expiration' });
 */
const batchGetAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Item[],
  options: Omit<NonNullable<BatchGetCommandInput['RequestItems']>[string], 'Keys'> = {}
): Promise<Item[]> => {
  const pages = await mapConcurrently(chunksOf(keys, BATCH_GET_MAX), IN_FLIGHT, async (chunk) => {
    const found: Item[] = [];
    let pending: Item[] = chunk;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const result = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { ...options, Keys: pending } } })
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
      if (pending.length === 0) break;
      if (attempt >= MAX_ATTEMPTS) {
        throw new UpstreamError(
          `DynamoDB left ${pending.length} items of ${tableName} unread.`,
          true
        );
      }
      await backoff(attempt);
    }
    return found;
  });
  return pages.flat();
};

/** Puts the items (whole-item overwrites, no conditions: BatchWriteItem takes none). */
const batchPutAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Item[]
): Promise<void> => {
  await mapConcurrently(chunksOf(items, BATCH_WRITE_MAX), IN_FLIGHT, async (chunk) => {
    let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; requests.length > 0; attempt += 1) {
      const result = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: requests } })
      );
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      if (requests.length === 0) return;
      if (attempt >= MAX_ATTEMPTS) {
        throw new UpstreamError(
          `DynamoDB left ${requests.length} items of ${tableName} unwritten.`,
          true
        );
      }
      await backoff(attempt);
    }
  });
};

export { batchGetAll, batchPutAll };
