import { randomBytes } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClientOf } from '../../../../functions/adapters/dynamodb/client.js';
import { type TableName, tables } from '../../../../functions/adapters/dynamodb/tables.js';
import { useSystem } from '../../../helpers/system.js';

/**
 * Fresh, uniquely named tables built from the shared table specs, in the DynamoDB Local the
 * integration global setup started. Each test file
 * gets its own tables, so repository tests never see each other's items.
 */

const client = () => {
  const system = useSystem();
  return new DynamoDBClient({
    region: system.region,
    endpoint: system.urls.dynamodb,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
};

const createTestTable = async (
  name: TableName
): Promise<{
  tableName: string;
  documentClient: DynamoDBDocumentClient;
  drop(): Promise<void>;
}> => {
  const spec = tables[name];
  const tableName = `test-${name}-${randomBytes(4).toString('hex')}`;
  const raw = client();
  const keys = [spec.partitionKey, ...('sortKey' in spec ? [spec.sortKey] : [])];
  const indexKeys = spec.indexes.flatMap((index) => [
    index.partitionKey,
    ...('sortKey' in index && index.sortKey ? [index.sortKey] : []),
  ]);
  const definitions = new Map([...keys, ...indexKeys].map((key) => [key.name, key.type]));
  await raw.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...definitions].map(([AttributeName, AttributeType]) => ({
        AttributeName,
        AttributeType,
      })),
      KeySchema: [
        { AttributeName: spec.partitionKey.name, KeyType: 'HASH' },
        ...('sortKey' in spec
          ? [{ AttributeName: spec.sortKey.name, KeyType: 'RANGE' as const }]
          : []),
      ],
      ...(spec.indexes.length > 0
        ? {
            GlobalSecondaryIndexes: spec.indexes.map((index) => ({
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
                ...('sortKey' in index && index.sortKey
                  ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }]
                  : []),
              ],
              Projection: { ProjectionType: 'ALL' as const },
            })),
          }
        : {}),
    })
  );
  await waitUntilTableExists({ client: raw, maxWaitTime: 30 }, { TableName: tableName });
  return {
    tableName,
    // The functions' own document client, so tests see the errors the repositories see.
    documentClient: documentClientOf(raw),
    drop: async () => {
      await raw.send(new DeleteTableCommand({ TableName: tableName }));
      raw.destroy();
    },
  };
};

export { createTestTable };
