import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { BulkOperation, BulkOperationStore } from '../../core/sync/bulk.js';
import { isConditionalCheckFailed } from './errors.js';

/**
 * Bulk operations in the idempotency table (it expires its items by TTL, as the operations should):
 * `bulkop#<tenantId>#<operationId>`, so a tenant reads only its own operations.
 */

const idOf = (tenantId: string, operationId: string) => `bulkop#${tenantId}#${operationId}`;

const createBulkOperationStore = (
  client: DynamoDBDocumentClient,
  tableName: string
): BulkOperationStore => ({
  create: async (operation) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          id: idOf(operation.tenantId, operation.operationId),
          expiration: operation.expiresAt,
          ...operation,
        },
        ConditionExpression: 'attribute_not_exists(id)',
      })
    );
  },

  get: async (tenantId, operationId) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { id: idOf(tenantId, operationId) },
        ConsistentRead: true,
      })
    );
    if (!Item) return undefined;
    const { id: _id, expiration: _expiration, ...operation } = Item;
    return operation as BulkOperation;
  },

  commitPage: async (tenantId, operationId, commit) => {
    const done = commit.cursor === undefined;
    const counters = ['pages', 'matched', 'changed', 'skipped', 'failed'] as const;
    const sets = [
      ...counters.map((name) => `progress.#${name} = progress.#${name} + :${name}`),
      'failures = list_append(failures, :failures)',
      'nextSeq = :next',
      'updatedAt = :at',
      ...(done ? ['#status = :completed', 'completedAt = :at'] : ['#cursor = :cursor']),
    ];
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { id: idOf(tenantId, operationId) },
          UpdateExpression: `SET ${sets.join(', ')}${done ? ' REMOVE #cursor' : ''}`,
          ConditionExpression: 'nextSeq = :seq AND #status = :running',
          ExpressionAttributeNames: {
            '#status': 'status',
            ...Object.fromEntries(counters.map((name) => [`#${name}`, name])),
            '#cursor': 'cursor',
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(counters.map((name) => [`:${name}`, commit.progress[name]])),
            ':failures': commit.failures,
            ':next': commit.seq + 1,
            ':seq': commit.seq,
            ':at': commit.at,
            ':running': 'running',
            ...(done ? { ':completed': 'completed' } : { ':cursor': commit.cursor }),
          },
        })
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  },
});

export { createBulkOperationStore };
