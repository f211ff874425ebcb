import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  createOperationStore,
  itemId,
} from '../../../../functions/adapters/dynamodb/ad-operations.js';
import type { AdOperation } from '../../../../functions/core/ads/operation.js';
import { awsClients, useSystem } from '../../../helpers/system.js';

/** The DynamoDB operation store against DynamoDB Local: conditional create and versioned writes. */

const store = () => createOperationStore(awsClients().documents, useSystem().tables.idempotency);

const anOperation = (overrides: Partial<AdOperation> = {}): AdOperation => ({
  operationId: `adop_${randomBytes(16).toString('hex')}`,
  tenantId: 'tenant-a',
  linkId: `lnk_${'a'.repeat(32)}`,
  idempotencyKey: 'key-0001',
  requestHash: 'f'.repeat(64),
  status: 'in_progress',
  lease: { owner: 'call-1', expiresAt: '2026-11-20T12:01:00.000Z' },
  adAccountId: 'act_1',
  imageSource: 'given',
  adStatus: 'PAUSED',
  progress: {},
  attempts: 1,
  createdAt: '2026-11-20T12:00:00.000Z',
  updatedAt: '2026-11-20T12:00:00.000Z',
  expiresAt: '2026-11-27T12:00:00.000Z',
  version: 1,
  ...overrides,
});

describe('Function: createOperationStore', () => {
  it("deletes a link's operations, and only that link's, when the link goes", async () => {
    // Prepare
    const operations = store();
    const linkId = `lnk_${randomBytes(16).toString('hex')}`;
    const mine = [anOperation({ linkId }), anOperation({ linkId, status: 'completed' })];
    const otherLink = anOperation();
    const otherTenant = anOperation({ linkId, tenantId: 'tenant-b' });
    for (const operation of [...mine, otherLink, otherTenant]) await operations.create(operation);

    // Act
    const removed = await operations.removeForLink('tenant-a', linkId);

    // Assess
    expect(removed).toBe(2);
    for (const operation of mine)
      expect(await operations.get(operation.operationId)).toBeUndefined();
    expect(await operations.get(otherLink.operationId)).toEqual(otherLink);
    expect(await operations.get(otherTenant.operationId)).toEqual(otherTenant);
  });

  it('creates once and answers the existing record to a second create', async () => {
    // Prepare
    const operations = store();
    const first = anOperation();

    // Act
    const created = await operations.create(first);
    const again = await operations.create({ ...first, requestHash: '0'.repeat(64) });

    // Assess
    expect(created).toEqual({ created: true });
    expect(again).toEqual({ created: false, existing: first });
  });

  it('stores the TTL attribute in epoch seconds', async () => {
    // Prepare
    const operation = anOperation();

    // Act
    await store().create(operation);

    // Assess
    const { Item } = await awsClients().documents.send(
      new GetCommand({
        TableName: useSystem().tables.idempotency,
        Key: { id: itemId(operation.operationId) },
      })
    );
    expect(Item?.expiration).toBe(Date.parse(operation.expiresAt) / 1000);
  });

  it('writes only over the version it read', async () => {
    // Prepare
    const operations = store();
    const operation = anOperation();
    await operations.create(operation);
    const next = { ...operation, progress: { campaignId: '1' }, version: 2 };

    // Act
    const won = await operations.update(next, 1);
    const lost = await operations.update(
      { ...operation, progress: { campaignId: '9' }, version: 2 },
      1
    );

    // Assess
    expect(won).toBe(true);
    expect(lost).toBe(false);
    expect((await operations.get(operation.operationId))?.progress).toEqual({ campaignId: '1' });
  });

  it('removes only at the expected version', async () => {
    // Prepare
    const operations = store();
    const operation = anOperation();
    await operations.create(operation);

    // Act
    const stale = await operations.remove(operation.operationId, 7);
    const removed = await operations.remove(operation.operationId, 1);

    // Assess
    expect(stale).toBe(false);
    expect(removed).toBe(true);
    expect(await operations.get(operation.operationId)).toBeUndefined();
  });
});
