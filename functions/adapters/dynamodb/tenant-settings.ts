import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { TenantSettingsRepository } from '../../core/linking/origins.js';
import { tenantPk } from './keys.js';

/** A tenant's settings beside its links: `TENANT#<id>` / `SETTINGS#origins`. */
const originsKey = (tenantId: string) => ({ pk: tenantPk(tenantId), sk: 'SETTINGS#origins' });

/**
 * The index of registered origins: `ORIGIN#<origin>` / `TENANT#<id>`, one item per tenant that
 * registered it, so a CORS preflight (no token, no tenant) can ask whether anyone did.
 */
const ORIGIN_PREFIX = 'ORIGIN#';
const originIndexKey = (origin: string, tenantId: string) => ({
  pk: `${ORIGIN_PREFIX}${origin}`,
  sk: tenantPk(tenantId),
});

const createTenantSettingsRepository = (
  client: DynamoDBDocumentClient,
  tableName: string
): TenantSettingsRepository => {
  const getOrigins: TenantSettingsRepository['getOrigins'] = async (tenantId) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: originsKey(tenantId), ConsistentRead: true })
    );
    return Item
      ? { origins: (Item.origins as string[]) ?? [], updatedAt: String(Item.updatedAt) }
      : undefined;
  };
  return {
    getOrigins,
    putOrigins: async (tenantId, origins) => {
      const before = (await getOrigins(tenantId))?.origins ?? [];
      const removed = before.filter((origin) => !origins.origins.includes(origin));
      // The settings and their index change together (at most 10 + 10 + 1 items).
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...originsKey(tenantId), kind: 'settings', ...origins },
              },
            },
            ...origins.origins.map((origin) => ({
              Put: {
                TableName: tableName,
                Item: { ...originIndexKey(origin, tenantId), kind: 'origin', tenantId },
              },
            })),
            ...removed.map((origin) => ({
              Delete: { TableName: tableName, Key: originIndexKey(origin, tenantId) },
            })),
          ],
        })
      );
    },
    isRegistered: async (origin) => {
      const { Items } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `${ORIGIN_PREFIX}${origin}` },
          Limit: 1,
        })
      );
      return (Items?.length ?? 0) > 0;
    },
  };
};

export { createTenantSettingsRepository };
