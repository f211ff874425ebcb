import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVault } from '../../../../functions/adapters/crypto/token-vault.js';
import { createGrantRepository } from '../../../../functions/adapters/dynamodb/grants.js';
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
});
