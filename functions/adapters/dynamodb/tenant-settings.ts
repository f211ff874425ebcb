import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantSettingsRepository } from '../../core/linking/origins.js';
import { tenantPk } from './keys.js';

/** A tenant's settings beside its links: `TENANT#<id>` / `SETTINGS#origins`. */
const originsKey = (tenantId: string) => ({ pk: tenantPk(tenantId), sk: 'SETTINGS#origins' });

const createTenantSettingsRepository = (
  client: DynamoDBDocumentClient,
  tableName: string
): TenantSettingsRepository => ({
  getOrigins: async (tenantId) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: originsKey(tenantId), ConsistentRead: true })
    );
    return Item
      ? { origins: (Item.origins as string[]) ?? [], updatedAt: String(Item.updatedAt) }
      : undefined;
  },
  putOrigins: async (tenantId, origins) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...originsKey(tenantId), kind: 'settings', ...origins },
      })
    );
  },
});

export { createTenantSettingsRepository };
