import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OAuthSession, OAuthSessionRepository } from '../../core/linking/ports.js';
import * as z from '../../core/zod.js';
import { isConditionalCheckFailed } from './errors.js';

/**
 * OAuth states and picker sessions in the oauthState table, keyed by their random id (`state`),
 * expiring through the `expiresAt` TTL attribute. Consuming is one conditional delete that returns
 * the old item, so of two concurrent callbacks with the same state exactly one gets it.
 */

const sessionItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('authorize'),
    state: z.string(),
    tenantId: z.string(),
    codeVerifier: z.string(),
    expiresAt: z.number(),
  }),
  z.object({
    kind: z.literal('selection'),
    state: z.string(),
    tenantId: z.string(),
    grantId: z.string(),
    expiresAt: z.number(),
  }),
]);

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
      const { state, ...session } = sessionItem.parse(Attributes);
      return { id: state, ...session } as Extract<OAuthSession, { kind: typeof kind }>;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  },
});

export { createOAuthSessionRepository };
