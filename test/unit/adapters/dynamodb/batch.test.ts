import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  BATCH_ATTEMPTS,
  batchGetAll,
  batchWriteAll,
  type WriteRequest,
} from '../../../../functions/adapters/dynamodb/batch.js';
import { TransientStoreError } from '../../../../functions/core/errors.js';
import { fakeSleep } from '../../../helpers/fake-sleep.js';

type Item = Record<string, unknown>;

/**
 * A document client that answers BatchGetItem and BatchWriteItem from `answer`, given the request's
 * keys or writes, and records them, so tests see every request the toolkit makes.
 */
const fakeBatchClient = (
  answer: (sent: Item[], call: number) => { done: Item[]; left: Item[] }
) => {
  const sent: Item[][] = [];
  const client = {
    send: async (command: { input: { RequestItems: Record<string, unknown> } }) => {
      const request = command.input.RequestItems.tbl as { Keys?: Item[] } | Item[];
      const items = Array.isArray(request) ? request : (request.Keys ?? []);
      sent.push(items);
      const { done, left } = answer(items, sent.length);
      return Array.isArray(request)
        ? { UnprocessedItems: left.length > 0 ? { tbl: left } : {} }
        : {
            Responses: { tbl: done },
            UnprocessedKeys: left.length > 0 ? { tbl: { Keys: left } } : {},
          };
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, sent };
};

const keys = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `k${index}` }));
const puts = (count: number): WriteRequest[] =>
  keys(count).map((Item) => ({ PutRequest: { Item } }));

describe('Function: batchGetAll', () => {
  it('reads any number of keys in requests of at most 100', async () => {
    // Prepare
    const { client, sent } = fakeBatchClient((items) => ({ done: items, left: [] }));

    // Act
    const found = await batchGetAll(client, 'tbl', keys(250));

    // Assess
    expect(sent.map((request) => request.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(found).toHaveLength(250);
  });

  it('asks again for the keys DynamoDB left unprocessed, after full-jitter waits', async () => {
    // Prepare: the first two answers leave the last key unread.
    const { client, sent } = fakeBatchClient((items, call) =>
      call <= 2 ? { done: items.slice(0, -1), left: items.slice(-1) } : { done: items, left: [] }
    );
    const { delays: waits, sleep } = fakeSleep();

    // Act
    const found = await batchGetAll(client, 'tbl', keys(3), {}, { sleep, random: () => 0.5 });

    // Assess
    expect(sent).toEqual([keys(3), [{ id: 'k2' }], [{ id: 'k2' }]]);
    expect(found).toHaveLength(3);
    expect(waits).toEqual([50, 100]);
  });

  it('ends in a TransientStoreError when keys are still unread after the last attempt', async () => {
    // Prepare
    const { client, sent } = fakeBatchClient((items) => ({ done: [], left: items }));
    const { delays: waits, sleep } = fakeSleep();

    // Act
    const read = batchGetAll(client, 'tbl', keys(4), {}, { sleep, random: () => 0 });

    // Assess
    await expect(read).rejects.toBeInstanceOf(TransientStoreError);
    await expect(read).rejects.toMatchObject({
      code: 'store_unavailable',
      retryable: true,
      message: expect.stringContaining('4 of 4 left unprocessed'),
    });
    expect(sent).toHaveLength(BATCH_ATTEMPTS);
    expect(waits).toHaveLength(BATCH_ATTEMPTS - 1);
  });

  it('passes the request options (projection, consistency) on every request', async () => {
    // Prepare
    const inputs: unknown[] = [];
    const client = {
      send: async (command: { input: unknown }) => {
        inputs.push(command.input);
        return { Responses: { tbl: [] } };
      },
    } as unknown as DynamoDBDocumentClient;

    // Act
    await batchGetAll(client, 'tbl', keys(1), { ConsistentRead: true, ProjectionExpression: 'id' });

    // Assess
    expect(inputs).toEqual([
      {
        RequestItems: {
          tbl: { ConsistentRead: true, ProjectionExpression: 'id', Keys: [{ id: 'k0' }] },
        },
      },
    ]);
  });
});

describe('Function: batchWriteAll', () => {
  it('writes any number of requests in batches of at most 25', async () => {
    // Prepare
    const { client, sent } = fakeBatchClient(() => ({ done: [], left: [] }));

    // Act
    await batchWriteAll(client, 'tbl', puts(60));

    // Assess
    expect(sent.map((request) => request.length).sort((a, b) => b - a)).toEqual([25, 25, 10]);
    expect(sent.flat()).toHaveLength(60);
  });

  it('sends again only the writes DynamoDB left unprocessed, deletes as well as puts', async () => {
    // Prepare
    const del: WriteRequest = { DeleteRequest: { Key: { id: 'gone' } } };
    const { client, sent } = fakeBatchClient((items, call) => ({
      done: [],
      left: call === 1 ? [items[1] as Item] : [],
    }));
    const { delays: waits, sleep } = fakeSleep();

    // Act
    await batchWriteAll(client, 'tbl', [...puts(1), del], { sleep, random: () => 0.5 });

    // Assess
    expect(sent).toEqual([[...puts(1), del], [del]]);
    expect(waits).toEqual([50]);
  });

  it('ends in a TransientStoreError after the attempts it was given', async () => {
    // Prepare
    const { client, sent } = fakeBatchClient((items) => ({ done: [], left: items }));

    // Act
    const write = batchWriteAll(client, 'tbl', puts(2), {
      maxAttempts: 3,
      sleep: fakeSleep().sleep,
    });

    // Assess
    await expect(write).rejects.toBeInstanceOf(TransientStoreError);
    expect(sent).toHaveLength(3);
  });

  it('does not retry an error DynamoDB threw: the SDK has retried it already', async () => {
    // Prepare
    let calls = 0;
    const busy = new TransientStoreError('throttled');
    const client = {
      send: async () => {
        calls += 1;
        throw busy;
      },
    } as unknown as DynamoDBDocumentClient;

    // Act & Assess
    await expect(batchWriteAll(client, 'tbl', puts(1))).rejects.toBe(busy);
    expect(calls).toBe(1);
  });
});
