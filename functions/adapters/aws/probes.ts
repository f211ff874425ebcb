import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Check } from '../../core/readiness.js';
import type { TableSpec } from '../dynamodb/tables.js';

/**
 * The readiness checks' probes: one read each that proves the dependency answers. A table is probed
 * with a GetItem of a key no item has (`HEALTH#probe`), which is all the readiness function's role
 * may read (its IAM grant is conditioned on that partition key), so a public probe can read nothing.
 */

const PROBE_KEY = 'HEALTH#probe';

/** The probe key of a table, in the table's own key shape. */
const probeKeyOf = (spec: TableSpec): Record<string, string | number> => ({
  [spec.partitionKey.name]: spec.partitionKey.type === 'S' ? PROBE_KEY : 0,
  ...(spec.sortKey ? { [spec.sortKey.name]: spec.sortKey.type === 'S' ? PROBE_KEY : 0 } : {}),
});

const tableProbe =
  (client: DynamoDBDocumentClient, tableName: string, spec: TableSpec): Check =>
  async (signal) => {
    await client.send(new GetCommand({ TableName: tableName, Key: probeKeyOf(spec) }), {
      abortSignal: signal,
    });
  };

const queueProbe =
  (client: SQSClient, queueUrl: string): Check =>
  async (signal) => {
    await client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
      { abortSignal: signal }
    );
  };

export { PROBE_KEY, probeKeyOf, queueProbe, tableProbe };
