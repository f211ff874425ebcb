import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBreakerStore } from '../../../../functions/adapters/dynamodb/breakers.js';
import { MetaOutageError } from '../../../../functions/core/errors.js';
import type { BreakerPolicy } from '../../../../functions/core/outages/breaker.js';
import { createOutageGuard } from '../../../../functions/core/outages/guard.js';
import { createTestTable } from './tables.js';

let table: Awaited<ReturnType<typeof createTestTable>>;

beforeAll(async () => {
  table = await createTestTable('breakers');
});

afterAll(async () => {
  await table?.drop();
});

const POLICY: BreakerPolicy = {
  windowSeconds: 60,
  minCallers: 3,
  coolDownSeconds: 30,
  maxCoolDownSeconds: 300,
  probeTimeoutSeconds: 45,
};

/** Guards of several "functions" sharing one table and one hand-moved clock. */
const functionsSharing = (count: number) => {
  const clock = { time: new Date('2026-12-02T01:00:00.000Z'), now: () => clock.time };
  const store = createBreakerStore(table.documentClient, table.tableName, clock.now);
  const guards = Array.from({ length: count }, () =>
    createOutageGuard({ store, clock, policy: POLICY, cacheMs: 0 })
  );
  return { guards, store, clock };
};

describe('Class: BreakerStore (DynamoDB)', () => {
  it('opens once for everyone when several tenants fail at the same moment, in different functions', async () => {
    // Prepare
    const { guards, store } = functionsSharing(6);

    // Act: six functions record six tenants' failures at once.
    await Promise.all(guards.map((guard, index) => guard.failed('marketing', `tenant-${index}`)));

    // Assess
    const state = await store.read('marketing');
    expect(state).toMatchObject({ status: 'open', openings: 1 });
    expect(state?.version).toBe(1);
    await expect(guards[5]?.admit(['marketing'])).rejects.toBeInstanceOf(MetaOutageError);
  });

  it('lets exactly one of many concurrent callers probe after the cool-down', async () => {
    // Prepare
    const { guards, store, clock } = functionsSharing(8);
    for (const tenant of ['a', 'b', 'c']) await guards[0]?.failed('login', tenant);
    clock.time = new Date(clock.time.getTime() + 31_000);

    // Act
    const outcomes = await Promise.allSettled(guards.map((guard) => guard.admit(['login'])));

    // Assess
    const probes = outcomes.filter(
      (outcome) => outcome.status === 'fulfilled' && outcome.value.includes('login')
    );
    expect(probes).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(7);
    expect((await store.read('login'))?.status).toBe('half_open');
  });

  it("keeps one tenant's repeated failures as one caller, and forgets stale ones", async () => {
    // Prepare
    const { guards, store } = functionsSharing(1);
    for (let i = 0; i < 5; i += 1) await guards[0]?.failed('pages', 'tenant-a');

    // Act
    await store.forget('pages', ['tenant-a']);

    // Assess
    expect((await store.read('pages'))?.status).toBe('closed');
    expect((await store.read('pages'))?.failures).toEqual({});
  });
});
