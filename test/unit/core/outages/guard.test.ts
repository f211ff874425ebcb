import { describe, expect, it } from 'vitest';
import { MetaOutageError } from '../../../../functions/core/errors.js';
import type {
  BreakerState,
  BreakerTransition,
  Surface,
} from '../../../../functions/core/outages/breaker.js';
import { initialState } from '../../../../functions/core/outages/breaker.js';
import { type BreakerStore, createOutageGuard } from '../../../../functions/core/outages/guard.js';
import { POLICY } from './policy.js';

/** An in-memory store with the DynamoDB store's semantics (conditional replace on version). */
const memoryStore = (now: () => Date) => {
  const items = new Map<Surface, BreakerState>();
  const store: BreakerStore = {
    read: async (surface) => items.get(surface),
    recordFailure: async (surface, caller, at) => {
      const state = items.get(surface) ?? initialState(surface, now());
      const next = { ...state, failures: { ...state.failures, [caller]: at.toISOString() } };
      items.set(surface, next);
      return next;
    },
    replace: async (next, expectedVersion) => {
      if ((items.get(next.surface)?.version ?? 0) !== expectedVersion) return false;
      items.set(next.surface, next);
      return true;
    },
    forget: async () => undefined,
  };
  return { store, items };
};

const setup = () => {
  const clock = { time: new Date('2026-12-02T01:00:00.000Z'), now: () => clock.time };
  const advance = (seconds: number) => {
    clock.time = new Date(clock.time.getTime() + seconds * 1000);
  };
  const { store, items } = memoryStore(clock.now);
  const transitions: BreakerTransition[] = [];
  const options = {
    store,
    clock,
    policy: POLICY,
    onTransition: (t: BreakerTransition) => {
      transitions.push(t);
    },
  };
  return { guard: createOutageGuard(options), options, advance, items, transitions };
};

describe('OutageGuard', () => {
  it("never opens on one tenant's failures, however many", async () => {
    const { guard } = setup();
    for (let i = 0; i < 50; i += 1) await guard.failed('whatsapp', 'tenant-a');
    await expect(guard.admit(['whatsapp'])).resolves.toEqual([]);
  });

  it('opens for every function sharing the store once several tenants failed', async () => {
    const { guard, options, transitions } = setup();
    for (const tenant of ['a', 'b', 'c']) await guard.failed('whatsapp', tenant);
    const other = createOutageGuard(options);

    await expect(other.admit(['pages', 'whatsapp'])).rejects.toMatchObject({
      code: 'meta_outage',
      surface: 'whatsapp',
      retryAfterSeconds: 30,
    });
    await expect(guard.admit(['pages'])).resolves.toEqual([]);
    expect(transitions.map((t) => `${t.surface}:${t.from}->${t.to}`)).toEqual([
      'whatsapp:closed->open',
    ]);
  });

  it('lets exactly one probe through after the cool-down and closes on its success', async () => {
    const { guard, options, advance, transitions } = setup();
    for (const tenant of ['a', 'b', 'c']) await guard.failed('whatsapp', tenant);
    advance(31);
    const other = createOutageGuard(options);

    const probes = await guard.admit(['whatsapp']);
    const second = other.admit(['whatsapp']);

    expect(probes).toEqual(['whatsapp']);
    await expect(second).rejects.toBeInstanceOf(MetaOutageError);
    await guard.answered('whatsapp', true);
    await expect(other.admit(['whatsapp'])).resolves.toEqual([]);
    expect(transitions.map((t) => t.to)).toEqual(['open', 'half_open', 'closed']);
  });

  it('reopens for longer when the probe fails', async () => {
    const { guard, advance, items } = setup();
    for (const tenant of ['a', 'b', 'c']) await guard.failed('whatsapp', tenant);
    advance(31);
    await guard.admit(['whatsapp']);

    await guard.failed('whatsapp', 'a');

    expect(items.get('whatsapp')).toMatchObject({ status: 'open', openings: 2 });
    await expect(guard.admit(['whatsapp'])).rejects.toMatchObject({ retryAfterSeconds: 60 });
  });

  it('shows every surface', async () => {
    const { guard } = setup();
    for (const tenant of ['a', 'b', 'c']) await guard.failed('marketing', tenant);
    const status = await guard.status();
    expect(status.map((s) => [s.surface, s.status])).toEqual([
      ['pages', 'closed'],
      ['whatsapp', 'closed'],
      ['marketing', 'open'],
      ['login', 'closed'],
    ]);
  });
});
