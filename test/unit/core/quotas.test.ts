import { describe, expect, it } from 'vitest';
import { QuotaExceededError } from '../../../functions/core/errors.js';
import { QUOTAS, type QuotaCounter, takeQuotas } from '../../../functions/core/quotas.js';

/** An in-memory counter with the store's semantics: at most `limit` per key. */
const memoryCounter = () => {
  const counts = new Map<string, number>();
  const counter: QuotaCounter = {
    take: async (key, limit) => {
      const count = counts.get(key) ?? 0;
      if (count >= limit) return false;
      counts.set(key, count + 1);
      return true;
    },
  };
  return { counter, counts };
};

const AT = new Date('2026-07-01T10:00:15.000Z');

describe('Function: takeQuotas', () => {
  it('counts per tenant and per link in fixed windows', async () => {
    // Prepare
    const { counter, counts } = memoryCounter();

    // Act
    await takeQuotas(
      counter,
      [QUOTAS.syncRequests, QUOTAS.linkSyncRequests],
      { tenantId: 't1', linkId: 'lnk_1' },
      AT
    );

    // Assess
    const window = Math.floor(AT.getTime() / 1000 / 60) * 60;
    expect([...counts.keys()]).toEqual([
      `link_sync_requests#t1#lnk_1#${window}`,
      `sync_requests#t1#${window}`,
    ]);
  });

  it('refuses past the limit with the quota, its limit and the seconds left in the window', async () => {
    // Prepare
    const { counter } = memoryCounter();
    const take = () =>
      takeQuotas(counter, [QUOTAS.linkSyncRequests], { tenantId: 't1', linkId: 'l' }, AT);
    for (let request = 0; request < QUOTAS.linkSyncRequests.limit; request += 1) await take();

    // Act
    const refused = take();

    // Assess
    await expect(refused).rejects.toBeInstanceOf(QuotaExceededError);
    await expect(refused).rejects.toMatchObject({
      code: 'quota_exceeded',
      details: { quota: 'link_sync_requests', limit: 6, windowSeconds: 60, retryAfterSeconds: 45 },
    });
  });

  it('keeps tenants and links apart, and starts afresh in the next window', async () => {
    // Prepare
    const { counter } = memoryCounter();
    const quota = [{ ...QUOTAS.adCreates, limit: 1 }];
    await takeQuotas(counter, quota, { tenantId: 't1' }, AT);

    // Act
    const otherTenant = takeQuotas(counter, quota, { tenantId: 't2' }, AT);
    const nextWindow = takeQuotas(
      counter,
      quota,
      { tenantId: 't1' },
      new Date(AT.getTime() + 60_000)
    );
    const sameWindow = takeQuotas(counter, quota, { tenantId: 't1' }, AT);

    // Assess
    await expect(otherTenant).resolves.toBeUndefined();
    await expect(nextWindow).resolves.toBeUndefined();
    await expect(sameWindow).rejects.toBeInstanceOf(QuotaExceededError);
  });
});
