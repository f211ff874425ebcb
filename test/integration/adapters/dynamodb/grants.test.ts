import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrantRepository } from '../../../../functions/adapters/dynamodb/grants.js';
import { createLinkRepository } from '../../../../functions/adapters/dynamodb/links.js';
import type { GrantRepository, LinkRepository } from '../../../../functions/core/linking/ports.js';
import { aGrant, aLink, metaId } from './fixtures.js';
import { createTestTable } from './tables.js';

let table: Awaited<ReturnType<typeof createTestTable>>;
let grants: GrantRepository;
let links: LinkRepository;

beforeAll(async () => {
  table = await createTestTable('links');
  grants = createGrantRepository(table.documentClient, table.tableName);
  links = createLinkRepository(table.documentClient, table.tableName);
});

afterAll(async () => {
  await table?.drop();
});

describe('Class: GrantRepository', () => {
  describe('Method: save', () => {
    it('creates a grant with no links', async () => {
      // Prepare
      const grant = aGrant();

      // Act
      const saved = await grants.save(grant);

      // Assess
      expect(saved).toEqual({ ...grant, linkCount: 0, createdAt: grant.updatedAt });
      expect(await grants.get(grant.tenantId, grant.grantId)).toEqual(saved);
    });

    it('refreshes the token in place, keeping the link count and creation time', async () => {
      // Prepare
      const first = aGrant({ tokenExpiresAt: '2026-08-01T00:00:00.000Z' });
      await grants.save(first);
      await links.create(aLink(first));
      const again = aGrant({
        grantId: first.grantId,
        metaUserId: first.metaUserId,
        tokenExpiresAt: undefined,
        scopes: ['pages_show_list'],
        token: { ...first.token, ciphertext: 'bmV3' },
        updatedAt: '2026-07-05T00:00:00.000Z',
      });

      // Act
      const saved = await grants.save(again);

      // Assess
      expect(saved).toMatchObject({
        linkCount: 1,
        createdAt: first.updatedAt,
        updatedAt: '2026-07-05T00:00:00.000Z',
        scopes: ['pages_show_list'],
        token: { ciphertext: 'bmV3' },
      });
      expect(saved).not.toHaveProperty('tokenExpiresAt');
    });
  });

  describe('Method: get', () => {
    it('does not return another tenant’s grant', async () => {
      // Prepare
      const grant = aGrant({ tenantId: 'tenant-a' });
      await grants.save(grant);

      // Act
      const foreign = await grants.get('tenant-b', grant.grantId);

      // Assess
      expect(foreign).toBeUndefined();
    });
  });

  describe('Method: deleteIfUnused', () => {
    it('keeps a grant a link uses', async () => {
      // Prepare
      const grant = aGrant();
      await grants.save(grant);
      await links.create(aLink(grant));

      // Act
      const deleted = await grants.deleteIfUnused(grant.tenantId, grant.grantId);

      // Assess
      expect(deleted).toBe(false);
      expect(await grants.get(grant.tenantId, grant.grantId)).toBeDefined();
    });

    it('deletes a grant once its last link is gone', async () => {
      // Prepare
      const grant = aGrant();
      await grants.save(grant);
      const link = aLink(grant);
      await links.create(link);
      await links.delete(link);

      // Act
      const deleted = await grants.deleteIfUnused(grant.tenantId, grant.grantId);

      // Assess
      expect(deleted).toBe(true);
      expect(await grants.get(grant.tenantId, grant.grantId)).toBeUndefined();
    });
  });

  describe('Method: list', () => {
    it('lists the tenant’s grants, not its links', async () => {
      // Prepare
      const tenantId = `tenant-grants-${metaId()}`;
      const grant = aGrant({ tenantId });
      await grants.save(grant);
      await links.create(aLink(grant));

      // Act
      const page = await grants.list(tenantId, { limit: 10 });

      // Assess
      expect(page.items.map((item) => item.grantId)).toEqual([grant.grantId]);
    });
  });

  describe('Method: listByMetaUser', () => {
    it('finds the Meta user’s grants in every tenant, and no links', async () => {
      // Prepare
      const user = metaId();
      const inA = aGrant({ tenantId: 'tenant-a', metaUserId: user });
      const inB = aGrant({ tenantId: 'tenant-b', metaUserId: user });
      await grants.save(inA);
      await grants.save(inB);
      await links.create(aLink(inA));

      // Act
      const found = await grants.listByMetaUser(user);

      // Assess
      expect(found.map((grant) => grant.tenantId).sort()).toEqual(['tenant-a', 'tenant-b']);
    });
  });
});
