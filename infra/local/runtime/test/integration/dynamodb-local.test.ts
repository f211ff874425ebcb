import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../../test/helpers/system.js';
import { type LocalDynamoDb, startDynamoDbLocal } from '../../src/dynamodb.js';
import { keepTablesProvisioned, localTableName, provisionTables } from '../../src/provision.js';

/**
 * DynamoDB Local under faults, each test with a JVM of its own (in memory, an ephemeral port): a
 * killed JVM comes back with its tables, one that keeps dying is given up with the reason, and
 * tables that go missing are created again.
 */

const clientFor = (db: LocalDynamoDb) =>
  new DynamoDBClient({
    region: 'us-east-1',
    endpoint: db.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

const tableNames = async (client: DynamoDBClient) =>
  (await client.send(new ListTablesCommand({}))).TableNames ?? [];

describe('Runtime: DynamoDB Local under faults', () => {
  let db: LocalDynamoDb | undefined;

  afterEach(async () => {
    await db?.stop();
    db = undefined;
  });

  it('starts a killed DynamoDB Local again on its port and re-creates the tables it lost', async () => {
    // Prepare
    const restarts: number[] = [];
    let client: DynamoDBClient | undefined;
    db = await startDynamoDbLocal({
      port: 0,
      region: 'us-east-1',
      onRestart: async () => {
        restarts.push(Date.now());
        if (client) await provisionTables(client, 'restart');
      },
    });
    client = clientFor(db);
    await provisionTables(client, 'restart');
    const firstPid = db.pid();

    // Act
    process.kill(firstPid ?? 0, 'SIGKILL');

    // Assess
    await eventually(
      async () => {
        expect(await tableNames(client)).toContain(localTableName('links', 'restart'));
      },
      { timeoutMs: 45_000, intervalMs: 500 }
    );
    expect(restarts).toHaveLength(1);
    expect(db.pid()).not.toBe(firstPid);
    client.destroy();
  }, 90_000);

  it('gives up with the reason when DynamoDB Local keeps exiting', async () => {
    // Prepare: no restart allowed, so the first exit is one too many.
    const reasons: string[] = [];
    db = await startDynamoDbLocal({
      port: 0,
      region: 'us-east-1',
      maxRestartsPerMinute: 0,
      onGiveUp: (error) => reasons.push(error.message),
    });

    // Act
    process.kill(db.pid() ?? 0, 'SIGKILL');

    // Assess
    await eventually(() => expect(reasons).toHaveLength(1), { timeoutMs: 15_000 });
    expect(reasons[0]).toMatch(/DynamoDB Local exited 1 times within a minute.*SIGKILL/);
  }, 60_000);

  it('creates a table again when it goes missing while the system runs', async () => {
    // Prepare
    db = await startDynamoDbLocal({ port: 0, region: 'us-east-1' });
    const client = clientFor(db);
    await provisionTables(client, 'watched');
    const watch = keepTablesProvisioned({ dynamodb: client, prefix: 'watched', everyMs: 200 });
    const idempotency = localTableName('idempotency', 'watched');

    // Act
    await client.send(new DeleteTableCommand({ TableName: idempotency }));

    // Assess
    await eventually(async () => expect(await tableNames(client)).toContain(idempotency), {
      timeoutMs: 15_000,
    });
    watch.stop();
    client.destroy();
  }, 60_000);
});
