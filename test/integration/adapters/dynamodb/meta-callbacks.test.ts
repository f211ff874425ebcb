import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cryptoIds } from '../../../../functions/adapters/crypto/ids.js';
import {
  createCallbackLedger,
  createDeletionRequestRepository,
} from '../../../../functions/adapters/dynamodb/meta-callbacks.js';
import { createTestTable } from './tables.js';

let table: Awaited<ReturnType<typeof createTestTable>>;

beforeAll(async () => {
  table = await createTestTable('metaCallbacks');
});

afterAll(async () => {
  await table?.drop();
});

describe('Class: DeletionRequestRepository', () => {
  it('keeps a deletion request by its confirmation code', async () => {
    // Prepare
    const deletions = createDeletionRequestRepository(table.documentClient, table.tableName);
    const request = {
      confirmationCode: cryptoIds.confirmationCode(),
      status: 'completed' as const,
      requestedAt: '2026-07-01T10:00:00.000Z',
      completedAt: '2026-07-01T10:00:01.000Z',
      deletedLinks: 1,
      deletedGrants: 1,
    };

    // Act
    await deletions.put(request);

    // Assess
    expect(await deletions.get(request.confirmationCode)).toEqual(request);
    expect(await deletions.get(cryptoIds.confirmationCode())).toBeUndefined();
  });
});

describe('Class: CallbackLedger', () => {
  const aRecord = () => ({
    key: cryptoIds.confirmationCode(),
    kind: 'data_deletion' as const,
    confirmationCode: cryptoIds.confirmationCode(),
    expiresAt: 1_900_000_000,
  });

  it('claims a request once; a repeat reads back the first record, and its result once done', async () => {
    // Prepare
    const ledger = createCallbackLedger(table.documentClient, table.tableName);
    const first = aRecord();

    // Act
    const claimed = await ledger.claim(first);
    const whileRunning = await ledger.claim({ ...first, confirmationCode: 'another' });
    await ledger.complete(first.key, { deletedLinks: 2, deletedGrants: 1 });
    const afterwards = await ledger.claim({ ...first, confirmationCode: 'another' });

    // Assess
    expect(claimed).toBeUndefined();
    expect(whileRunning).toEqual(first);
    expect(afterwards).toEqual({ ...first, result: { deletedLinks: 2, deletedGrants: 1 } });
  });

  it('lets exactly one of two concurrent deliveries claim the request', async () => {
    // Prepare
    const ledger = createCallbackLedger(table.documentClient, table.tableName);
    const record = aRecord();

    // Act
    const results = await Promise.all([ledger.claim(record), ledger.claim(record)]);

    // Assess
    expect(results.filter((result) => result === undefined)).toHaveLength(1);
  });
});
