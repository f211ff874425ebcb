import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVault } from '../../../../functions/adapters/crypto/token-vault.js';
import { createGrantRepository } from '../../../../functions/adapters/dynamodb/grants.js';
import { openGrantToken } from '../../../../functions/core/linking/grants.js';
import type { GrantRepository, TokenVault } from '../../../../functions/core/linking/ports.js';
import { aGrant } from '../dynamodb/fixtures.js';
import { createTestTable } from '../dynamodb/tables.js';

let table: Awaited<ReturnType<typeof createTestTable>>;
let grants: GrantRepository;
let vault: TokenVault;

beforeAll(async () => {
  table = await createTestTable('links');
  grants = createGrantRepository(table.documentClient, table.tableName);
  vault = createTokenVault({ TOKEN_KEY_LOCAL: randomBytes(32).toString('base64') });
});

afterAll(async () => {
  await table?.drop();
});

const TOKEN = 'EAAG-a-long-lived-user-token';

describe('Class: TokenVault with stored grants', () => {
  it('opens a token sealed into a grant after a round trip through DynamoDB', async () => {
    // Prepare
    const grant = aGrant({ tenantId: 'tenant-a' });
    const context = {
      tenantId: 'tenant-a',
      grantId: grant.grantId,
      purpose: 'meta_user_token' as const,
    };
    await grants.save({ ...grant, token: await vault.seal(TOKEN, context) });

    // Act
    const stored = await grants.get('tenant-a', grant.grantId);
    const opened = await vault.open(stored?.token ?? grant.token, context);

    // Assess
    expect(opened).toBe(TOKEN);
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
  });

  it('refuses a sealed token copied onto another tenant’s grant', async () => {
    // Prepare
    const victim = aGrant({ tenantId: 'tenant-a' });
    const sealed = await vault.seal(TOKEN, {
      tenantId: 'tenant-a',
      grantId: victim.grantId,
      purpose: 'meta_user_token',
    });
    const attacker = aGrant({ tenantId: 'tenant-b', token: sealed });
    await grants.save(attacker);
    const stored = await grants.get('tenant-b', attacker.grantId);

    // Act
    const open = vault.open(stored?.token ?? sealed, {
      tenantId: 'tenant-b',
      grantId: attacker.grantId,
      purpose: 'meta_user_token',
    });

    // Assess
    await expect(open).rejects.toThrow();
  });

  it('refuses a grant item copied whole, attributes and all, under another tenant’s key', async () => {
    // Prepare: the copy still says tenant-a in its attributes; only its key says tenant-b.
    const victim = aGrant({ tenantId: 'tenant-a' });
    const context = {
      tenantId: 'tenant-a',
      grantId: victim.grantId,
      purpose: 'meta_user_token' as const,
    };
    await grants.save({ ...victim, token: await vault.seal(TOKEN, context) });
    const { Item } = await table.documentClient.send(
      new GetCommand({
        TableName: table.tableName,
        Key: { pk: 'TENANT#tenant-a', sk: `GRANT#${victim.grantId}` },
      })
    );
    await table.documentClient.send(
      new PutCommand({ TableName: table.tableName, Item: { ...Item, pk: 'TENANT#tenant-b' } })
    );

    // Act
    const copy = await grants.get('tenant-b', victim.grantId);
    const open = copy ? openGrantToken({ vault }, copy) : Promise.resolve('no copy');

    // Assess
    expect(copy?.tenantId).toBe('tenant-b');
    await expect(open).rejects.toThrow();
  });
});
