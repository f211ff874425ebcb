import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AdOperation } from '../../core/ads/operation.js';
import type { OperationStore } from '../../core/ads/ports.js';
import * as z from '../../core/zod.js';
import { deleteByLink, queryByLink } from './by-link.js';
import { isConditionalCheckFailed } from './errors.js';
import { conditionalWrite } from './writes.js';

/**
 * Ad operations in the idempotency table (functions/adapters/dynamodb/tables.ts `idempotency`: key `id`, TTL
 * `expiration`). One item per operation, `id` = `adop#<operationId>`; the operation id is derived
 * from (tenant, Idempotency-Key), so the key alone finds it and tenants can never share one.
 */

const ID_PREFIX = 'adop#';
const itemId = (operationId: string): string => `${ID_PREFIX}${operationId}`;

/** Condition fragments, named so each write says what it relies on. */
const CONDITIONS = {
  /** First write of an operation: a second call with the same key must see the first's record. */
  isNew: 'attribute_not_exists(id)',
  /** Every later write: nobody wrote since we read, so two calls cannot both hold the lease. */
  atVersion: 'attribute_exists(id) AND #version = :expected',
} as const;

const step = z.enum(['image', 'campaign', 'adSet', 'creative', 'ad']);
const storedError = z.object({
  kind: z.enum([
    'validation',
    'permission',
    'not_found',
    'conflict',
    'rate_limit',
    'upstream',
    'internal',
  ]),
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  details: z.optional(z.record(z.string(), z.unknown())),
});

/** The item as stored; parsed on read so a malformed record fails loudly, not halfway. */
const operationItem = z.object({
  operationId: z.string(),
  tenantId: z.string(),
  linkId: z.string(),
  idempotencyKey: z.string(),
  requestHash: z.string(),
  status: z.enum(['in_progress', 'incomplete', 'completed', 'failed']),
  lease: z.optional(z.object({ owner: z.string(), expiresAt: z.string() })),
  adAccountId: z.string(),
  currency: z.optional(z.string()),
  notes: z.optional(z.array(z.string())),
  imageSource: z.enum(['uploaded', 'given']),
  adStatus: z.enum(['ACTIVE', 'PAUSED']),
  progress: z.object({
    imageHash: z.optional(z.string()),
    campaignId: z.optional(z.string()),
    adSetId: z.optional(z.string()),
    creativeId: z.optional(z.string()),
    adId: z.optional(z.string()),
  }),
  attempts: z.number().check(z.int()),
  lastError: z.optional(storedError),
  cleanedUp: z.optional(z.array(z.object({ step, id: z.string() }))),
  leftBehind: z.optional(z.array(z.object({ step, id: z.string(), reason: z.string() }))),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  version: z.number().check(z.int()),
});

/** The byLink index key: a link's operations, and only that tenant's. */
const linkKeyOf = (tenantId: string, linkId: string): string => `${tenantId}#${linkId}`;

const toItem = (operation: AdOperation): Record<string, unknown> => ({
  ...operation,
  id: itemId(operation.operationId),
  kind: 'ad_operation',
  linkKey: linkKeyOf(operation.tenantId, operation.linkId),
  // DynamoDB TTL wants epoch seconds.
  expiration: Math.floor(Date.parse(operation.expiresAt) / 1000),
});

const fromItem = (item: Record<string, unknown>): AdOperation => {
  const { id: _id, kind: _kind, expiration: _expiration, linkKey: _linkKey, ...rest } = item;
  return operationItem.parse(rest) as AdOperation;
};

/**
 * Creates the store.
 *
 * @example
 * const operations = createOperationStore(dynamoDocumentClient(), config.IDEMPOTENCY_TABLE);
 */
const createOperationStore = (
  client: DynamoDBDocumentClient,
  tableName: string
): OperationStore => {
  const get = async (operationId: string): Promise<AdOperation | undefined> => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { id: itemId(operationId) },
        ConsistentRead: true,
      })
    );
    // TTL deletion lags by days, but a record past its expiry is still a valid answer for replay.
    return Item ? fromItem(Item) : undefined;
  };

  return {
    get,

    create: async (operation) => {
      // A refused put answers the record that refused it, read in the same step: no second read
      // that a delete (a pre-check releasing its key) could slip in front of.
      const put = await conditionalWrite(client, {
        Put: {
          TableName: tableName,
          Item: toItem(operation),
          ConditionExpression: CONDITIONS.isNew,
        },
      });
      if (put.written) return { created: true };
      if (!put.existing) {
        throw new Error(`DynamoDB refused operation ${operation.operationId} but named no record`);
      }
      return { created: false, existing: fromItem(put.existing) };
    },

    update: async (operation, expectedVersion) => {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(operation),
            ConditionExpression: CONDITIONS.atVersion,
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          })
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },

    listForLink: async (tenantId, linkId) =>
      (await queryByLink(client, tableName, linkKeyOf(tenantId, linkId))).map(fromItem),

    removeForLink: (tenantId, linkId) =>
      deleteByLink(client, tableName, linkKeyOf(tenantId, linkId)),

    remove: async (operationId, expectedVersion) => {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { id: itemId(operationId) },
            ConditionExpression: CONDITIONS.atVersion,
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          })
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },
  };
};

export { CONDITIONS, createOperationStore, itemId };
