import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchGetAll, batchWriteAll } from '../../../../functions/adapters/dynamodb/batch.js';
import { documentClientOf } from '../../../../functions/adapters/dynamodb/client.js';
import { cancellationCodes } from '../../../../functions/adapters/dynamodb/errors.js';
import { conditionalWrite, transactWrite } from '../../../../functions/adapters/dynamodb/writes.js';
import { TransientStoreError } from '../../../../functions/core/errors.js';
import { createTestTable } from './tables.js';

/** The DynamoDB toolkit against DynamoDB Local: batches past DynamoDB's limits, conditional writes. */

let table: Awaited<ReturnType<typeof createTestTable>>;

beforeAll(async () => {
  table = await createTestTable('idempotency');
});

afterAll(async () => {
  await table?.drop();
});

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

describe('Function: batchWriteAll and batchGetAll (DynamoDB Local)', () => {
  it('writes and reads back more items than one BatchWriteItem (25) and one BatchGetItem (100) take', async () => {
    // Prepare
    const prefix = randomBytes(4).toString('hex');
    const written = ids(prefix, 260);

    // Act
    await batchWriteAll(
      table.documentClient,
      table.tableName,
      written.map((id) => ({ PutRequest: { Item: { id, kind: 'test', n: id.length } } }))
    );
    const found = await batchGetAll(
      table.documentClient,
      table.tableName,
      [...written, ...ids(`${prefix}-absent`, 15)].map((id) => ({ id })),
      { ConsistentRead: true, ProjectionExpression: 'id' }
    );

    // Assess: every item, each once, and nothing for the keys that were never written.
    expect(found.map((item) => item.id).sort()).toEqual([...written].sort());
    expect(found[0]).toEqual({ id: expect.any(String) });
  });

  it('deletes as well as puts, in the same call', async () => {
    // Prepare
    const prefix = randomBytes(4).toString('hex');
    const [kept, gone] = [ids(`${prefix}-kept`, 30), ids(`${prefix}-gone`, 30)];
    await batchWriteAll(
      table.documentClient,
      table.tableName,
      gone.map((id) => ({ PutRequest: { Item: { id } } }))
    );

    // Act
    await batchWriteAll(table.documentClient, table.tableName, [
      ...kept.map((id) => ({ PutRequest: { Item: { id } } })),
      ...gone.map((id) => ({ DeleteRequest: { Key: { id } } })),
    ]);

    // Assess
    const found = await batchGetAll(
      table.documentClient,
      table.tableName,
      [...kept, ...gone].map((id) => ({ id })),
      { ConsistentRead: true }
    );
    expect(found.map((item) => item.id).sort()).toEqual([...kept].sort());
  });
});

describe('Function: conditionalWrite (DynamoDB Local)', () => {
  it('answers the item that made a put fail its condition, as plain values', async () => {
    // Prepare
    const id = `cw-${randomBytes(4).toString('hex')}`;
    const first = { id, version: 3, lease: { owner: 'run-1', until: '2026-01-01T00:00:00Z' } };
    await conditionalWrite(table.documentClient, {
      Put: {
        TableName: table.tableName,
        Item: first,
        ConditionExpression: 'attribute_not_exists(id)',
      },
    });

    // Act
    const second = await conditionalWrite(table.documentClient, {
      Put: {
        TableName: table.tableName,
        Item: { id, version: 1 },
        ConditionExpression: 'attribute_not_exists(id)',
      },
    });

    // Assess
    expect(second).toEqual({ written: false, existing: first });
    const stored = await table.documentClient.send(
      new GetCommand({ TableName: table.tableName, Key: { id }, ConsistentRead: true })
    );
    expect(stored.Item).toEqual(first);
  });

  it('answers the old item for an update and nothing for an item that is not there', async () => {
    // Prepare
    const id = `cw-${randomBytes(4).toString('hex')}`;
    await table.documentClient.send(
      new PutCommand({ TableName: table.tableName, Item: { id, version: 2 } })
    );
    const bump = (key: string) =>
      conditionalWrite(table.documentClient, {
        Update: {
          TableName: table.tableName,
          Key: { id: key },
          UpdateExpression: 'SET version = :next',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':next': 6, ':expected': 5 },
          ReturnValues: 'ALL_NEW',
        },
      });

    // Act
    const stale = await bump(id);
    const absent = await bump(`${id}-absent`);

    // Assess
    expect(stale).toEqual({ written: false, existing: { id, version: 2 } });
    expect(absent).toEqual({ written: false, existing: undefined });
  });

  it("answers what a write's ReturnValues asked for when it succeeds", async () => {
    // Prepare
    const id = `cw-${randomBytes(4).toString('hex')}`;

    // Act
    const created = await conditionalWrite(table.documentClient, {
      Update: {
        TableName: table.tableName,
        Key: { id },
        UpdateExpression: 'SET version = :one',
        ConditionExpression: 'attribute_not_exists(id)',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'ALL_NEW',
      },
    });

    // Assess
    expect(created).toEqual({ written: true, attributes: { id, version: 1 } });
  });
});

describe('Function: transactWrite (DynamoDB Local)', () => {
  it('throws a cancelled transaction as DynamoDB sent it, with a code per item', async () => {
    // Prepare
    const id = `tw-${randomBytes(4).toString('hex')}`;
    await table.documentClient.send(new PutCommand({ TableName: table.tableName, Item: { id } }));

    // Act
    const write = transactWrite(table.documentClient, {
      TransactItems: [
        { Put: { TableName: table.tableName, Item: { id: `${id}-new` } } },
        {
          Put: {
            TableName: table.tableName,
            Item: { id },
            ConditionExpression: 'attribute_not_exists(id)',
          },
        },
      ],
    });

    // Assess
    const error = await write.then(
      () => undefined,
      (failure: unknown) => failure
    );
    expect(cancellationCodes(error)).toEqual(['None', 'ConditionalCheckFailed']);
  });
});

describe('Function: documentClientOf (a DynamoDB that does not answer)', () => {
  let closed: Server;
  let port: number;

  beforeAll(async () => {
    // A port that was free a moment ago and is closed now: every connection is refused.
    closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
  });

  it('throws a refused connection, once the SDK gave up, as a TransientStoreError', async () => {
    // Prepare
    const documents = documentClientOf(
      new DynamoDBClient({
        region: 'eu-west-1',
        endpoint: `http://127.0.0.1:${port}`,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 1,
      })
    );

    // Act
    const read = documents.send(new GetCommand({ TableName: 'any', Key: { id: 'x' } }));

    // Assess
    await expect(read).rejects.toBeInstanceOf(TransientStoreError);
    await expect(read).rejects.toMatchObject({ code: 'store_unavailable', retryable: true });
  });
});
