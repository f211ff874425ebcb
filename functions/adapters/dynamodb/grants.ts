import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Grant } from '../../core/linking/model.js';
import type { GrantRepository } from '../../core/linking/ports.js';
import { isConditionalCheckFailed } from './errors.js';
import { GRANT_PREFIX, grantKey, stripKeys, TENANT_PREFIX, tenantPk } from './keys.js';
import { queryAllPrefix, queryPrefixPage } from './query.js';

/** Delete only a grant no link uses; the count is kept in the links' own transactions. */
const UNUSED = 'attribute_exists(pk) AND linkCount <= :zero';

/**
 * A grant's tenant and id are read from its key, never from its attributes: the vault binds the
 * sealed token to them (the encryption context), so an item copied under another tenant's key opens
 * with that tenant's context, and fails, instead of carrying its original owner's context along.
 */
const toGrant = (item: Record<string, unknown>): Grant => {
  const { pk, sk } = item as { pk: string; sk: string };
  return {
    ...(stripKeys(item) as unknown as Grant),
    tenantId: pk.slice(TENANT_PREFIX.length),
    grantId: sk.slice(GRANT_PREFIX.length),
  };
};

/**
 * Grants in the links table (see keys.ts for the layout), each holding its sealed token.
 *
 * @example
 * const grants = createGrantRepository(dynamoDocumentClient(), config.LINKS_TABLE);
 */
const createGrantRepository = (
  client: DynamoDBDocumentClient,
  tableName: string
): GrantRepository => ({
  save: async (grant) => {
    // An upsert: signing in again replaces token, scopes and expiry but keeps the link count and the
    // creation time, which concurrent link writes and the first sign-in own.
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const removes: string[] = [];
    Object.entries({ ...grant, kind: 'grant' })
      .filter(([name]) => name !== 'tenantId' && name !== 'grantId')
      .forEach(([name, value], index) => {
        names[`#f${index}`] = name;
        if (value === undefined) {
          removes.push(`#f${index}`);
        } else {
          values[`:f${index}`] = value;
          sets.push(`#f${index} = :f${index}`);
        }
      });
    const expression = [
      `SET ${[
        ...sets,
        'tenantId = :tenantId',
        'grantId = :grantId',
        'linkCount = if_not_exists(linkCount, :zero)',
        'createdAt = if_not_exists(createdAt, :now)',
      ].join(', ')}`,
      ...(removes.length > 0 ? [`REMOVE ${removes.join(', ')}`] : []),
    ].join(' ');
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: grantKey(grant.tenantId, grant.grantId),
        UpdateExpression: expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ...values,
          ':tenantId': grant.tenantId,
          ':grantId': grant.grantId,
          ':zero': 0,
          ':now': grant.updatedAt,
        },
        ReturnValues: 'ALL_NEW',
      })
    );
    return toGrant(Attributes ?? {});
  },

  get: async (tenantId, grantId) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: grantKey(tenantId, grantId),
        ConsistentRead: true,
      })
    );
    return Item ? toGrant(Item) : undefined;
  },

  list: async (tenantId, page) => {
    const found = await queryPrefixPage(
      client,
      { tableName, pk: tenantPk(tenantId), prefix: GRANT_PREFIX },
      page
    );
    return { ...found, items: found.items.map(toGrant) };
  },

  deleteIfUnused: async (tenantId, grantId) => {
    try {
      await client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: grantKey(tenantId, grantId),
          ConditionExpression: UNUSED,
          ExpressionAttributeValues: { ':zero': 0 },
        })
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  },

  delete: async (tenantId, grantId) => {
    await client.send(
      new DeleteCommand({ TableName: tableName, Key: grantKey(tenantId, grantId) })
    );
  },

  listByMetaUser: async (metaUserId) =>
    (
      await queryAllPrefix(client, {
        tableName,
        index: { name: 'byMetaUser', partitionKey: 'metaUserId' },
        pk: metaUserId,
        prefix: GRANT_PREFIX,
      })
    ).map(toGrant),
});

export { createGrantRepository };
