import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncStateRepository } from '../../../../functions/adapters/dynamodb/sync-state.js';
import type { SyncStateRepository } from '../../../../functions/core/sync/ports.js';
import { hexId } from './fixtures.js';
import { createTestTable } from './tables.js';

let linksTable: Awaited<ReturnType<typeof createTestTable>>;
let state: SyncStateRepository;

beforeAll(async () => {
  linksTable = await createTestTable('links');
  state = createSyncStateRepository(linksTable.documentClient, linksTable.tableName);
});

afterAll(async () => {
  await linksTable?.drop();
});

/** A minute's lease taken by `owner` at `at`, as a sync run takes it. */
const leaseAt = (owner: string, at: string) => ({
  owner,
  acquiredAt: at,
  until: new Date(Date.parse(at) + 60_000).toISOString(),
});

const take = (linkId: string, lease: ReturnType<typeof leaseAt>) =>
  state.acquire('tenant-a', linkId, lease, lease.acquiredAt);

describe('Class: SyncStateRepository', () => {
  describe('Method: acquire', () => {
    it('answers the lease another run holds, as that run wrote it, with the refusal', async () => {
      // Prepare
      const linkId = hexId('lnk');
      const held = leaseAt('run-1', '2026-07-01T10:00:00.000Z');
      await take(linkId, held);

      // Act
      const second = await take(linkId, leaseAt('run-2', '2026-07-01T10:00:05.000Z'));

      // Assess: the times the core compares, not DynamoDB's wire format.
      expect(second).toEqual({ acquired: false, lease: held });
    });

    it('takes a lease that ran out', async () => {
      // Prepare
      const linkId = hexId('lnk');
      await take(linkId, leaseAt('run-1', '2026-07-01T10:00:00.000Z'));

      // Act
      const later = await take(linkId, leaseAt('run-2', '2026-07-01T10:05:00.000Z'));

      // Assess
      expect(later).toEqual({ acquired: true, record: undefined });
    });
  });
});
