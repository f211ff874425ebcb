import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrantRepository } from '../../../../functions/adapters/dynamodb/grants.js';
import { createLinkRepository } from '../../../../functions/adapters/dynamodb/links.js';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
} from '../../../../functions/core/errors.js';
import { SHARD_COUNT } from '../../../../functions/core/linking/model.js';
import type { GrantRepository, LinkRepository } from '../../../../functions/core/linking/ports.js';
import { aGrant, aLink, metaId } from './fixtures.js';
import { createTestTable } from './tables.js';

let table: Awaited<ReturnType<typeof createTestTable>>;
let links: LinkRepository;
let grants: GrantRepository;

beforeAll(async () => {
  table = await createTestTable('links');
  links = createLinkRepository(table.documentClient, table.tableName);
  grants = createGrantRepository(table.documentClient, table.tableName);
});

afterAll(async () => {
  await table?.drop();
});

const rawItem = async (pk: string, sk: string) =>
  (await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: { pk, sk } })))
    .Item;

const savedGrant = async (tenantId = 'tenant-a', metaUserId = metaId()) =>
  grants.save(aGrant({ tenantId, metaUserId }));

describe('Class: LinkRepository', () => {
  describe('Method: create', () => {
    it('writes the link with its guards and counts it on the grant', async () => {
      // Prepare
      const grant = await savedGrant();
      const link = aLink(grant);

      // Act
      await links.create(link);

      // Assess
      expect(await links.get('tenant-a', link.linkId)).toEqual(link);
      expect(await rawItem(`PAGE#${link.pageId}`, 'GUARD')).toMatchObject({ linkId: link.linkId });
      expect(await rawItem(`PHONE#${link.phoneNumberId}`, 'GUARD')).toMatchObject({
        tenantId: 'tenant-a',
      });
      expect((await grants.get('tenant-a', grant.grantId))?.linkCount).toBe(1);
      const item = await rawItem(`TENANT#tenant-a`, `LINK#${link.linkId}`);
      expect(item?.shard).toBeGreaterThanOrEqual(0);
      expect(item?.shard).toBeLessThan(SHARD_COUNT);
    });

    it('refuses a Page already linked in another tenant, leaving nothing behind', async () => {
      // Prepare
      const first = aLink(await savedGrant('tenant-a'));
      await links.create(first);
      const grantB = await savedGrant('tenant-b');
      const second = aLink(grantB, { pageId: first.pageId });

      // Act
      const create = links.create(second);

      // Assess
      await expect(create).rejects.toBeInstanceOf(ConflictError);
      await expect(create).rejects.toMatchObject({ code: 'page_already_linked' });
      expect(await links.get('tenant-b', second.linkId)).toBeUndefined();
      expect(await rawItem(`PHONE#${second.phoneNumberId}`, 'GUARD')).toBeUndefined();
      expect((await grants.get('tenant-b', grantB.grantId))?.linkCount).toBe(0);
    });

    it('refuses a number already linked', async () => {
      // Prepare
      const grant = await savedGrant();
      const first = aLink(grant);
      await links.create(first);

      // Act
      const create = links.create(aLink(grant, { phoneNumberId: first.phoneNumberId }));

      // Assess
      await expect(create).rejects.toMatchObject({ code: 'phone_number_already_linked' });
    });

    it('lets exactly one of many concurrent links of the same Page through', async () => {
      // Prepare
      const grant = await savedGrant();
      const pageId = metaId();
      const attempts = Array.from({ length: 8 }, () => aLink(grant, { pageId }));

      // Act
      const results = await Promise.allSettled(attempts.map((link) => links.create(link)));

      // Assess
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((result) => result.status === 'rejected');
      expect(refused).toHaveLength(7);
      for (const result of refused) expect(result.reason).toBeInstanceOf(ConflictError);
      expect((await grants.get('tenant-a', grant.grantId))?.linkCount).toBe(1);
    });

    it('counts every concurrent link of one grant to different Pages', async () => {
      // Prepare
      const grant = await savedGrant();
      const attempts = Array.from({ length: 5 }, () => aLink(grant));

      // Act
      const results = await Promise.allSettled(attempts.map((link) => links.create(link)));

      // Assess
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
      expect((await grants.get('tenant-a', grant.grantId))?.linkCount).toBe(5);
    });

    it('refuses a link whose grant is gone', async () => {
      // Prepare
      const link = aLink({ grantId: 'grt_missing', tenantId: 'tenant-a', metaUserId: metaId() });

      // Act
      const create = links.create(link);

      // Assess
      await expect(create).rejects.toBeInstanceOf(NotFoundError);
      await expect(create).rejects.toMatchObject({ code: 'grant_not_found' });
      expect(await rawItem(`PAGE#${link.pageId}`, 'GUARD')).toBeUndefined();
    });
  });

  describe('Method: get', () => {
    it('does not return another tenant’s link', async () => {
      // Prepare
      const link = aLink(await savedGrant('tenant-a'));
      await links.create(link);

      // Act
      const foreign = await links.get('tenant-b', link.linkId);

      // Assess
      expect(foreign).toBeUndefined();
    });
  });

  describe('Method: list', () => {
    it('pages through the tenant’s links only', async () => {
      // Prepare
      const tenantId = `tenant-list-${metaId()}`;
      const grant = await savedGrant(tenantId);
      const created = Array.from({ length: 5 }, () => aLink(grant));
      for (const link of created) await links.create(link);
      await links.create(aLink(await savedGrant('tenant-other')));

      // Act
      const first = await links.list(tenantId, { limit: 3 });
      const second = await links.list(tenantId, { limit: 3, cursor: first.nextCursor });

      // Assess
      expect(first.items).toHaveLength(3);
      expect(first.nextCursor).toBeDefined();
      expect(second.items).toHaveLength(2);
      expect(second.nextCursor).toBeUndefined();
      expect([...first.items, ...second.items].map((link) => link.linkId).sort()).toEqual(
        created.map((link) => link.linkId).sort()
      );
    });

    it('refuses another tenant’s cursor', async () => {
      // Prepare
      const tenantId = `tenant-cursor-${metaId()}`;
      const grant = await savedGrant(tenantId);
      for (let i = 0; i < 2; i += 1) await links.create(aLink(grant));
      const { nextCursor } = await links.list(tenantId, { limit: 1 });

      // Act
      const foreign = links.list('tenant-b', { limit: 1, cursor: nextCursor });

      // Assess
      await expect(foreign).rejects.toBeInstanceOf(ValidationError);
      await expect(foreign).rejects.toMatchObject({ code: 'invalid_cursor' });
    });

    it('refuses a cursor that is not one', async () => {
      // Act
      const bad = links.list('tenant-a', { limit: 1, cursor: 'not-a-cursor' });

      // Assess
      await expect(bad).rejects.toMatchObject({ code: 'invalid_cursor' });
    });
  });

  describe('Method: update', () => {
    it('replaces the link at the expected version and drops the shard when paused', async () => {
      // Prepare
      const link = aLink(await savedGrant());
      await links.create(link);
      const paused = {
        ...link,
        status: 'paused' as const,
        pause: { reason: 'local_override' as const, since: '2026-07-02T00:00:00.000Z' },
        version: 2,
      };

      // Act
      await links.update(paused, 1);

      // Assess
      expect(await links.get('tenant-a', link.linkId)).toEqual(paused);
      expect(await rawItem('TENANT#tenant-a', `LINK#${link.linkId}`)).not.toHaveProperty('shard');
    });

    it('refuses a stale version, saying the version the link holds now', async () => {
      // Prepare
      const link = aLink(await savedGrant());
      await links.create(link);
      await links.update({ ...link, version: 2 }, 1);

      // Act
      const stale = links.update({ ...link, version: 2 }, 1);

      // Assess: read from the refused write itself (ALL_OLD), not from a second read.
      await expect(stale).rejects.toMatchObject({
        code: 'version_mismatch',
        details: { linkId: link.linkId, currentVersion: 2 },
      });
    });

    it('does not resurrect a deleted link', async () => {
      // Prepare
      const link = aLink(await savedGrant());

      // Act
      const update = links.update({ ...link, version: 2 }, 1);

      // Assess
      await expect(update).rejects.toMatchObject({ code: 'link_not_found' });
      expect(await links.get('tenant-a', link.linkId)).toBeUndefined();
    });
  });

  describe('Method: delete', () => {
    it('removes the link and its guards and answers the grant’s remaining count', async () => {
      // Prepare
      const grant = await savedGrant();
      const [kept, removed] = [aLink(grant), aLink(grant)];
      await links.create(kept);
      await links.create(removed);

      // Act
      const result = await links.delete(removed);

      // Assess
      expect(result).toEqual({ grantLinkCount: 1 });
      expect(await links.get('tenant-a', removed.linkId)).toBeUndefined();
      expect(await rawItem(`PAGE#${removed.pageId}`, 'GUARD')).toBeUndefined();
      expect(await rawItem(`PHONE#${removed.phoneNumberId}`, 'GUARD')).toBeUndefined();
      expect(await rawItem(`PAGE#${kept.pageId}`, 'GUARD')).toBeDefined();
    });

    it('removes the sync state with the link, so no profile values it wrote outlive it', async () => {
      // Prepare
      const link = aLink(await savedGrant());
      await links.create(link);
      const syncState = { pk: 'TENANT#tenant-a', sk: `SYNC#${link.linkId}` };
      await table.documentClient.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { ...syncState, kind: 'sync', lastWritten: { fields: { email: 'a@b.example' } } },
        })
      );

      // Act
      await links.delete(link);

      // Assess
      expect(await rawItem(syncState.pk, syncState.sk)).toBeUndefined();
    });

    it('answers not found the second time', async () => {
      // Prepare
      const link = aLink(await savedGrant());
      await links.create(link);
      await links.delete(link);

      // Act
      const again = links.delete(link);

      // Assess
      await expect(again).rejects.toMatchObject({ code: 'link_not_found' });
    });

    it('still removes the link when its grant was deleted first', async () => {
      // Prepare
      const grant = await savedGrant();
      const link = aLink(grant);
      await links.create(link);
      await grants.delete('tenant-a', grant.grantId);

      // Act
      const result = await links.delete(link);

      // Assess
      expect(result).toEqual({ grantLinkCount: undefined });
      expect(await links.get('tenant-a', link.linkId)).toBeUndefined();
      expect(await rawItem(`TENANT#tenant-a`, `GRANT#${grant.grantId}`)).toBeUndefined();
    });
  });

  describe('Method: listByMetaUser', () => {
    it('finds the Meta user’s links in every tenant', async () => {
      // Prepare
      const user = metaId();
      const inA = aLink(await savedGrant('tenant-a', user));
      const inB = aLink(await savedGrant('tenant-b', user));
      await links.create(inA);
      await links.create(inB);

      // Act
      const found = await links.listByMetaUser(user);

      // Assess
      expect(found.map((link) => link.linkId).sort()).toEqual([inA.linkId, inB.linkId].sort());
    });
  });

  describe('Method: taken', () => {
    it('tells which Pages and numbers are in a link', async () => {
      // Prepare
      const link = aLink(await savedGrant());
      await links.create(link);
      const freePage = metaId();

      // Act
      const taken = await links.taken([link.pageId, freePage], [link.phoneNumberId]);

      // Assess
      expect([...taken.pageIds]).toEqual([link.pageId]);
      expect([...taken.phoneNumberIds]).toEqual([link.phoneNumberId]);
    });
  });
});
