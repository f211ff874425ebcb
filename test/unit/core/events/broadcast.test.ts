import { describe, expect, it } from 'vitest';
import { broadcast } from '../../../../functions/core/events/delivery.js';
import type { EventsDeps } from '../../../../functions/core/events/model.js';
import type { EventBroadcastJob, Job } from '../../../../functions/core/jobs.js';
import type { EventEnvelope } from '../../../../functions/core/linking/events.js';
import {
  type BreakerTransition,
  outageBroadcastOf,
} from '../../../../functions/core/outages/breaker.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');

/** Subscribed tenants answered `size` at a time, the cursor naming the last one answered. */
const harness = (tenants: string[], size: number) => {
  const stored: EventEnvelope[] = [];
  const queued: Job[] = [];
  let ids = 0;
  const deps = {
    events: { put: async (event: EventEnvelope) => void stored.push(event) },
    endpoints: {
      outageSubscribers: async ({ cursor }: { cursor?: string }) => {
        const rest = tenants.filter((tenant) => (cursor ? tenant > cursor : true));
        const items = rest.slice(0, size);
        return rest.length > size ? { items, nextCursor: items.at(-1) } : { items };
      },
    },
    queue: { send: async (jobs: Job[]) => void queued.push(...jobs) },
    ids: { eventId: () => `evt_${String(++ids).padStart(32, '0')}` },
    clock: { now: () => NOW },
    retentionDays: 30,
  } as unknown as EventsDeps;
  return { deps, stored, queued };
};

const opened: BreakerTransition = {
  surface: 'whatsapp',
  from: 'closed',
  to: 'open',
  at: NOW.toISOString(),
  retryAt: '2026-12-01T10:00:30.000Z',
  callers: 5,
};

describe('Function: outageBroadcastOf', () => {
  it('announces an outage when a closed breaker opens and its end when a probe closes it', () => {
    // Act
    const started = outageBroadcastOf(opened);
    const ended = outageBroadcastOf({ ...opened, from: 'half_open', to: 'closed' });
    const reopened = outageBroadcastOf({ ...opened, from: 'half_open', to: 'open' });

    // Assess
    expect(started).toMatchObject({
      kind: 'event-broadcast',
      type: 'meta.outage.started',
      data: { surface: 'whatsapp', since: opened.at, retryAt: opened.retryAt },
    });
    expect(ended).toMatchObject({
      type: 'meta.outage.ended',
      data: { surface: 'whatsapp', endedAt: opened.at },
    });
    expect(reopened).toBeUndefined();
  });
});

describe('Function: broadcast', () => {
  it('publishes one event per subscribed tenant, each its own, a page at a time', async () => {
    // Prepare
    const h = harness(['tenant-a', 'tenant-b', 'tenant-c'], 2);
    const job = outageBroadcastOf(opened) as EventBroadcastJob;

    // Act
    const first = await broadcast(h.deps, job);
    const next = h.queued.find((queued) => queued.kind === 'event-broadcast') as EventBroadcastJob;
    const second = await broadcast(h.deps, next);

    // Assess
    expect(first).toEqual({ tenants: 2, more: true });
    expect(next).toMatchObject({ broadcastId: job.broadcastId, cursor: 'tenant-b' });
    expect(second).toEqual({ tenants: 1, more: false });
    expect(h.stored.map((event) => [event.tenantId, event.type])).toEqual([
      ['tenant-a', 'meta.outage.started'],
      ['tenant-b', 'meta.outage.started'],
      ['tenant-c', 'meta.outage.started'],
    ]);
    expect(new Set(h.stored.map((event) => event.id)).size).toBe(3);
    expect(h.queued.filter((queued) => queued.kind === 'event-fanout')).toHaveLength(3);
  });

  it('refuses a payload the catalogue does not allow', async () => {
    // Prepare
    const h = harness(['tenant-a'], 10);
    const job = { ...(outageBroadcastOf(opened) as EventBroadcastJob), data: { surface: 'fax' } };

    // Act + Assess
    await expect(broadcast(h.deps, job)).rejects.toThrow();
    expect(h.stored).toEqual([]);
  });
});
