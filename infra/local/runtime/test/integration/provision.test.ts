import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { type TableName, tables } from '../../../../../functions/adapters/dynamodb/tables.js';
import { queues } from '../../../../../functions/adapters/sqs/queues.js';
import { applySystemEnv, awsClients, useSystem } from '../../../../../test/helpers/system.js';

describe('Provision: tables', () => {
  it.each(Object.keys(tables) as TableName[])(
    'creates %s with the spec keys, indexes and TTL',
    async (name) => {
      // Prepare
      const spec = tables[name];
      const tableName = useSystem().tables[name];

      // Act
      const { Table } = await awsClients().dynamodb.send(
        new DescribeTableCommand({ TableName: tableName })
      );
      const ttl = await awsClients().dynamodb.send(
        new DescribeTimeToLiveCommand({ TableName: tableName })
      );

      // Assess
      expect(Table?.KeySchema).toEqual([
        { AttributeName: spec.partitionKey.name, KeyType: 'HASH' },
        ...('sortKey' in spec ? [{ AttributeName: spec.sortKey.name, KeyType: 'RANGE' }] : []),
      ]);
      expect((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName).sort()).toEqual(
        spec.indexes.map((index) => index.name).sort()
      );
      for (const index of spec.indexes) {
        const described = Table?.GlobalSecondaryIndexes?.find(
          (item) => item.IndexName === index.name
        );
        expect(described?.KeySchema?.[0]).toEqual({
          AttributeName: index.partitionKey.name,
          KeyType: 'HASH',
        });
      }
      if ('ttlAttribute' in spec) {
        expect(ttl.TimeToLiveDescription).toEqual({
          AttributeName: spec.ttlAttribute,
          TimeToLiveStatus: 'ENABLED',
        });
      }
    }
  );

  it('declares the byShard partition key as a number', async () => {
    // Act
    const { Table } = await awsClients().dynamodb.send(
      new DescribeTableCommand({ TableName: useSystem().tables.links })
    );

    // Assess
    expect(Table?.AttributeDefinitions).toContainEqual({
      AttributeName: 'shard',
      AttributeType: 'N',
    });
  });
});

describe('Provision: queues', () => {
  it('creates the sync queue with the test visibility timeout and a redrive policy to its DLQ', async () => {
    // Prepare
    const system = useSystem();

    // Act
    const { Attributes } = await awsClients().sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: system.queues.syncUrl, AttributeNames: ['All'] })
    );

    // Assess
    expect(Attributes?.VisibilityTimeout).toBe('2');
    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: system.queues.dlqArn,
      maxReceiveCount: queues.sync.maxReceiveCount,
    });
  });

  it('keeps dead letters for the spec retention', async () => {
    // Act
    const { Attributes } = await awsClients().sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: useSystem().queues.dlqUrl,
        AttributeNames: ['MessageRetentionPeriod'],
      })
    );

    // Assess
    expect(Attributes?.MessageRetentionPeriod).toBe(String(queues.sync.dlqRetentionDays * 86_400));
  });
});

describe('Runtime: SDK endpoints from the environment', () => {
  it('reaches the local services with clients built from the function environment alone', async () => {
    // Prepare
    applySystemEnv();
    const dynamodb = new DynamoDBClient({});
    const sqs = new SQSClient({});

    // Act
    const listed = await dynamodb.send(new ListTablesCommand({}));
    const attributes = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: useSystem().queues.syncUrl,
        AttributeNames: ['QueueArn'],
      })
    );

    // Assess
    expect(listed.TableNames).toEqual(expect.arrayContaining(Object.values(useSystem().tables)));
    expect(attributes.Attributes?.QueueArn).toBe(useSystem().queues.syncArn);
  });
});
