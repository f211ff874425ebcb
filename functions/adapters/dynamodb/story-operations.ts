import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../core/errors.js';
import type { StoryOperation } from '../../core/stories/model.js';
import type { StoryOperationStore } from '../../core/stories/ports.js';
import * as z from '../../core/zod.js';
import { deleteByLink } from './by-link.js';
import { isConditionalCheckFailed } from './errors.js';
import { conditionalWrite } from './writes.js';

/**
 * Story operations in the idempotency table (key `id`, TTL `expiration`): `id` = `stop#<operationId>`,
 * and a link key of their own on the byLink index (`stories#<tenant>#<link>`), so unlinking and
 * Meta's data deletion find them and the ad operations' clean-up never counts them.
 */

const itemId = (operationId: string): string => `stop#${operationId}`;
const linkKeyOf = (tenantId: string, linkId: string): string => `stories#${tenantId}#${linkId}`;

const target = z.object({
  status: z.enum(['pending', 'waiting_quota', 'published', 'failed', 'cancelled']),
  photoId: z.optional(z.string()),
  videoId: z.optional(z.string()),
  uploadUrl: z.optional(z.string()),
  videoUploaded: z.optional(z.boolean()),
  containerId: z.optional(z.string()),
  publishedId: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  resumeAt: z.optional(z.string()),
});

const operationItem = z.object({
  operationId: z.string(),
  tenantId: z.string(),
  linkId: z.string(),
  idempotencyKey: z.string(),
  requestHash: z.string(),
  media: z.union([
    z.object({ type: z.enum(['photo', 'video']), url: z.string() }),
    z.object({ type: z.enum(['photo', 'video']), uploadId: z.string() }),
  ]),
  targets: z.object({ facebook: z.optional(target), instagram: z.optional(target) }),
  status: z.enum(['queued', 'in_progress', 'completed', 'partial', 'failed', 'cancelled']),
  lease: z.optional(z.object({ owner: z.string(), expiresAt: z.string() })),
  attempts: z.number().check(z.int()),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  version: z.number().check(z.int()),
});

const toItem = (operation: StoryOperation): Record<string, unknown> => ({
  ...operation,
  id: itemId(operation.operationId),
  kind: 'story_operation',
  linkKey: linkKeyOf(operation.tenantId, operation.linkId),
  expiration: Math.floor(Date.parse(operation.expiresAt) / 1000),
});

const fromItem = (item: Record<string, unknown>): StoryOperation => {
  const { id: _id, kind: _kind, expiration: _e, linkKey: _l, ...rest } = item;
  return operationItem.parse(rest) as StoryOperation;
};

const decodeCursor = (cursor: string | undefined, linkKey: string) => {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (key.linkKey === linkKey && typeof key.id === 'string' && key.id.startsWith('stop#')) {
      return { linkKey, id: key.id };
    }
  } catch {
    // Falls through to the refusal.
  }
  throw new ValidationError(
    'The cursor is not valid here. Pass the nextCursor of a previous page unchanged.',
    undefined,
    'invalid_cursor'
  );
};

/**
 * Creates the store.
 *
 * @example
 * const operations = createStoryOperationStore(dynamoDocumentClient(), config.IDEMPOTENCY_TABLE);
 */
const createStoryOperationStore = (
  client: DynamoDBDocumentClient,
  tableName: string
): StoryOperationStore => ({
  get: async (operationId) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { id: itemId(operationId) },
        ConsistentRead: true,
      })
    );
    return Item ? fromItem(Item) : undefined;
  },

  create: async (operation) => {
    const put = await conditionalWrite(client, {
      Put: {
        TableName: tableName,
        Item: toItem(operation),
        ConditionExpression: 'attribute_not_exists(id)',
      },
    });
    if (put.written) return { created: true };
    if (!put.existing)
      throw new Error(`DynamoDB refused story ${operation.operationId} but named no record`);
    return { created: false, existing: fromItem(put.existing) };
  },

  update: async (operation, expectedVersion) => {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: toItem(operation),
          ConditionExpression: 'attribute_exists(id) AND #version = :expected',
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

  listForLink: async (tenantId, linkId, { limit, cursor }) => {
    const linkKey = linkKeyOf(tenantId, linkId);
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'byLink',
        KeyConditionExpression: 'linkKey = :linkKey',
        ExpressionAttributeValues: { ':linkKey': linkKey },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, linkKey),
      })
    );
    // The index holds the whole item; a page is ordered newest first within itself.
    const items = (page.Items ?? [])
      .map(fromItem)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    const last = page.LastEvaluatedKey;
    return {
      items,
      ...(last
        ? {
            nextCursor: Buffer.from(JSON.stringify({ linkKey, id: last.id })).toString('base64url'),
          }
        : {}),
    };
  },

  removeForLink: (tenantId, linkId) => deleteByLink(client, tableName, linkKeyOf(tenantId, linkId)),
});

export { createStoryOperationStore };
