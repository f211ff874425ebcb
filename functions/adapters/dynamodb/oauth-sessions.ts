import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import type { OAuthSession, OAuthSessionRepository } from '../../core/linking/ports.js';
import * as z from '../../core/zod.js';
import { isConditionalCheckFailed } from './errors.js';
import { conditionalWrite } from './writes.js';

/**
 * OAuth states and picker sessions in the oauthState table, keyed by their random id (`state`),
 * expiring through the `expiresAt` TTL attribute. Consuming is one conditional delete that returns
 * the old item, so of two concurrent callbacks with the same state exactly one gets it; binding a
 * browser is one conditional update, so of two browsers continuing with one state exactly one does.
 */

const sessionItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('authorize'),
    state: z.string(),
    tenantId: z.string(),
    // Sessions opened before tenant names existed show the tenant id.
    tenantName: z.optional(z.string()),
    codeVerifier: z.string(),
    purpose: z.optional(z.literal('stories')),
    browserHash: z.optional(z.string()),
    returnUrl: z.optional(z.string()),
    expiresAt: z.number(),
  }),
  z.object({
    kind: z.literal('selection'),
    state: z.string(),
    tenantId: z.string(),
    tenantName: z.string(),
    grantId: z.string(),
    browserHash: z.string(),
    returnUrl: z.optional(z.string()),
    expiresAt: z.number(),
  }),
]);

const toSession = (item: unknown): OAuthSession => {
  const { state, ...session } = sessionItem.parse(item);
  return { id: state, ...session, tenantName: session.tenantName ?? session.tenantId };
};

/** A session is consumed only as the kind it was issued as: a picker id is not an OAuth state. */
const OF_KIND = 'attribute_exists(#state) AND #kind = :kind';
/** Ids are random; refusing to overwrite makes a collision loud instead of silent. */
const NEW_ID = 'attribute_not_exists(#state)';

/**
 * @example
 * const sessions = createOAuthSessionRepository(dynamoDocumentClient(), config.OAUTH_STATE_TABLE);
 */
const createOAuthSessionRepository = (
  client: DynamoDBDocumentClient,
  tableName: string
): OAuthSessionRepository => ({
  put: async ({ id, ...session }) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { state: id, ...session },
        ConditionExpression: NEW_ID,
        ExpressionAttributeNames: { '#state': 'state' },
      })
    );
  },

  get: async (kind, id) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { state: id }, ConsistentRead: true })
    );
    if (!Item || Item.kind !== kind) return undefined;
    return toSession(Item) as Extract<OAuthSession, { kind: typeof kind }>;
  },

  bindBrowser: async (id, browserHash) => {
    const bound = await conditionalWrite(client, {
      Update: {
        TableName: tableName,
        Key: { state: id },
        UpdateExpression: 'SET #browser = :browser',
        ConditionExpression:
          'attribute_exists(#state) AND #kind = :kind AND (attribute_not_exists(#browser) OR #browser = :browser)',
        ExpressionAttributeNames: {
          '#state': 'state',
          '#kind': 'kind',
          '#browser': 'browserHash',
        },
        ExpressionAttributeValues: { ':kind': 'authorize', ':browser': browserHash },
      },
    });
    if (bound.written) return 'bound';
    // What refused the update came back with it: another browser's state, or no state at all.
    return bound.existing?.kind === 'authorize' ? 'taken' : 'missing';
  },

  consume: async (kind, id) => {
    try {
      const { Attributes } = await client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: { state: id },
          ConditionExpression: OF_KIND,
          ExpressionAttributeNames: { '#state': 'state', '#kind': 'kind' },
          ExpressionAttributeValues: { ':kind': kind },
          ReturnValues: 'ALL_OLD',
        })
      );
      return toSession(Attributes) as Extract<OAuthSession, { kind: typeof kind }>;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  },
});

export { createOAuthSessionRepository };
