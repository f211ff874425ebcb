import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  paginateListTables,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  type KeySpec,
  type TableName,
  type TableSpec,
  tables,
} from '../../../../functions/adapters/dynamodb/tables.js';
import { type QueueName, queues } from '../../../../functions/adapters/sqs/queues.js';

type LocalTables = Record<TableName, string>;
type LocalQueues = Record<QueueName, { url: string; arn: string; dlqUrl: string; dlqArn: string }>;

const kebab = (name: string): string =>
  name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Local resource names: `tandem-local-links`, `tandem-local-drift-reports`, `tandem-local-sync-dlq`. */
const localTableName = (name: TableName, prefix = 'tandem-local'): string =>
  `${prefix}-${kebab(name)}`;
const localQueueName = (name: QueueName, prefix = 'tandem-local'): string =>
  `${prefix}-${kebab(name)}`;

const attributeDefinitions = (spec: TableSpec): AttributeDefinition[] => {
  const keys: KeySpec[] = [spec.partitionKey, ...(spec.sortKey ? [spec.sortKey] : [])];
  for (const index of spec.indexes) {
    keys.push(index.partitionKey, ...(index.sortKey ? [index.sortKey] : []));
  }
  const unique = new Map(keys.map((key) => [key.name, key.type]));
  return [...unique].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
};

const keySchema = (partitionKey: KeySpec, sortKey?: KeySpec) => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' as const },
  ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : []),
];

const createTable = async (client: DynamoDBClient, tableName: string, spec: TableSpec) => {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions(spec),
        KeySchema: keySchema(spec.partitionKey, spec.sortKey),
        GlobalSecondaryIndexes:
          spec.indexes.length > 0
            ? spec.indexes.map((index) => ({
                IndexName: index.name,
                KeySchema: keySchema(index.partitionKey, index.sortKey),
                Projection: { ProjectionType: 'ALL' },
              }))
            : undefined,
      })
    );
  } catch (error) {
    // Idempotent: a table left by an earlier provision of this DynamoDB is kept as it is.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  if (spec.ttlAttribute) {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: spec.ttlAttribute, Enabled: true },
        })
      );
    }
  }
};

const queueArn = async (client: SQSClient, url: string): Promise<string> => {
  const result = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] })
  );
  const arn = result.Attributes?.QueueArn;
  if (!arn) throw new Error(`The queue ${url} reported no QueueArn`);
  return arn;
};

interface ProvisionOptions {
  dynamodb: DynamoDBClient;
  sqs: SQSClient;
  prefix?: string;
  /** Overrides every queue's visibility timeout (tests use a few seconds); the spec is unchanged. */
  visibilityTimeoutSeconds?: number;
}

/** Creates every table (keys, GSIs, TTL) of functions/adapters/dynamodb/tables.ts that is missing; keeps the rest. */
const provisionTables = async (dynamodb: DynamoDBClient, prefix?: string): Promise<LocalTables> => {
  const tableEntries = Object.entries(tables) as [TableName, TableSpec][];
  const localTables = Object.fromEntries(
    tableEntries.map(([name]) => [name, localTableName(name, prefix)])
  ) as LocalTables;
  await Promise.all(
    tableEntries.map(([name, spec]) => createTable(dynamodb, localTables[name], spec))
  );
  return localTables;
};

const missingTables = async (dynamodb: DynamoDBClient, prefix?: string): Promise<string[]> => {
  const present = new Set<string>();
  for await (const page of paginateListTables({ client: dynamodb }, {})) {
    for (const name of page.TableNames ?? []) present.add(name);
  }
  return (Object.keys(tables) as TableName[])
    .map((name) => localTableName(name, prefix))
    .filter((name) => !present.has(name));
};

/**
 * Checks every `everyMs` that the tables are all there, and creates again any that went missing
 * (deleted by hand, lost with an in-memory DynamoDB Local that was restarted). A check that fails
 * (DynamoDB Local briefly away) is tried again on the next tick.
 */
const keepTablesProvisioned = (options: {
  dynamodb: DynamoDBClient;
  prefix?: string;
  everyMs: number;
  log?: (line: string) => void;
}): { stop(): void } => {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const missing = await missingTables(options.dynamodb, options.prefix);
      if (missing.length > 0) {
        await provisionTables(options.dynamodb, options.prefix);
        options.log?.(`re-created missing tables: ${missing.join(', ')}`);
      }
    } catch {
      // DynamoDB Local is restarting or busy: the next tick looks again.
    } finally {
      busy = false;
    }
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};

/**
 * Creates every table (keys, GSIs, TTL) and every queue with its DLQ (redrive policy, visibility
 * timeout, retention) described in functions/adapters/dynamodb/tables.ts and sqs/queues.ts, with the
 * real AWS SDK. Safe to run again: existing resources are kept.
 */
const provision = async ({
  dynamodb,
  sqs,
  prefix,
  visibilityTimeoutSeconds,
}: ProvisionOptions): Promise<{ tables: LocalTables; queues: LocalQueues }> => {
  const localTables = await provisionTables(dynamodb, prefix);

  const localQueues = {} as LocalQueues;
  for (const [name, spec] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
    const queueName = localQueueName(name, prefix);
    const dlq = await sqs.send(
      new CreateQueueCommand({
        QueueName: `${queueName}-dlq`,
        Attributes: { MessageRetentionPeriod: String(spec.dlqRetentionDays * 86_400) },
      })
    );
    if (!dlq.QueueUrl) throw new Error(`CreateQueue returned no URL for ${queueName}-dlq`);
    const dlqArn = await queueArn(sqs, dlq.QueueUrl);
    const main = await sqs.send(
      new CreateQueueCommand({
        QueueName: queueName,
        Attributes: {
          VisibilityTimeout: String(visibilityTimeoutSeconds ?? spec.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: dlqArn,
            maxReceiveCount: spec.maxReceiveCount,
          }),
        },
      })
    );
    if (!main.QueueUrl) throw new Error(`CreateQueue returned no URL for ${queueName}`);
    localQueues[name] = {
      url: main.QueueUrl,
      arn: await queueArn(sqs, main.QueueUrl),
      dlqUrl: dlq.QueueUrl,
      dlqArn,
    };
  }
  return { tables: localTables, queues: localQueues };
};

export type { LocalQueues, LocalTables };
export { keepTablesProvisioned, localQueueName, localTableName, provision, provisionTables };
