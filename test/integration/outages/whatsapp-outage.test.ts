import type { Server } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver, type Delivery, listen } from '../../../scripts/events-listen.js';
import { admin } from '../../helpers/sandbox.js';
import { api, awsClients, eventually, resetBreakers, useSystem } from '../../helpers/system.js';
import { aTenant } from '../linking/journey.js';
import { history, readRun, startRun } from '../reconcile/fixtures.js';
import { deadLettersOf, editPage, linkWithSync, profileOf, syncStatus } from '../sync/helpers.js';

/**
 * A ten-minute outage of Meta's WhatsApp Cloud API during a burst of Page webhooks, end to end: the
 * sandbox takes the surface down, Tandem's breaker opens on several tenants' failures, jobs wait
 * without using their attempts, the API answers 503 with Retry-After, probes go out after each
 * cool-down and fail while the surface is down, and the first probe after it comes back closes the
 * breaker and lets every job through. The ten minutes pass on the breakers' clock, which the local
 * gateway moves forward (POST /_local/clock): no test waits for a cool-down in real time, and every
 * wait is on an outcome, never on a duration.
 */

interface SurfaceView {
  surface: string;
  status: 'closed' | 'open' | 'half_open';
  since: string | null;
  retryAfterSeconds?: number;
}

const TENANTS = 6;
const OUTAGE_SECONDS = 600;

const metaStatus = async (): Promise<Record<string, SurfaceView>> => {
  const response = await api('/status');
  expect(response.status).toBe(200);
  const body = (await response.json()) as { surfaces: SurfaceView[] };
  return Object.fromEntries(body.surfaces.map((view) => [view.surface, view]));
};

/** GET /status caches for 5 s; the breakers table is the truth the tests wait on. */
const whatsapp = async (): Promise<SurfaceView> => {
  const { Item } = await awsClients().documents.send(
    new GetCommand({
      TableName: useSystem().tables.breakers,
      Key: { pk: 'breaker#whatsapp' },
      ConsistentRead: true,
    })
  );
  return (
    (Item as SurfaceView | undefined) ?? { surface: 'whatsapp', status: 'closed', since: null }
  );
};

const advanceClock = async (seconds: number): Promise<void> => {
  const response = await fetch(`${useSystem().urls.api}/_local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
};

/** When the open breaker lets its next probe go, in seconds from now on the breakers' clock. */
const secondsToProbe = async (): Promise<number> => {
  const state = (await whatsapp()) as SurfaceView & { retryAt?: string };
  const { aheadSeconds } = (await (
    await fetch(`${useSystem().urls.api}/_local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 0 }),
    })
  ).json()) as { aheadSeconds: number };
  const breakerNow = Date.now() + aheadSeconds * 1000;
  return Math.max(0, Math.ceil((Date.parse(state.retryAt ?? '') - breakerNow) / 1000));
};

/** Verified deliveries to the tenants' endpoints, on loopback. */
const received: Delivery[] = [];
const secrets: string[] = [];
let receiver: Server;
let receiverUrl = '';

const subscribe = async (tenant: string, eventTypes: string[]) => {
  const response = await api('/webhook-endpoints', {
    tenant,
    body: { url: receiverUrl, eventTypes },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  secrets.push(((await response.json()) as { secret: string }).secret);
};

const outageEventsOf = async (tenant: string) => {
  const response = await api('/events?limit=100', { tenant });
  const { items } = (await response.json()) as {
    items: { type: string; data: Record<string, unknown>; deliveries: { status: string }[] }[];
  };
  return items.filter((event) => event.type.startsWith('meta.outage.'));
};

describe('Outages: a ten-minute outage of the WhatsApp Cloud API during a webhook burst', () => {
  beforeAll(async () => {
    await admin('DELETE', '/outages/whatsapp');
    await resetBreakers();
    receiver = createReceiver({
      secrets: () => secrets,
      onDelivery: (delivery) => received.push(delivery),
    });
    receiverUrl = `http://127.0.0.1:${await listen(receiver, 0)}/`;
  });

  afterAll(async () => {
    await admin('DELETE', '/outages/whatsapp');
    await resetBreakers();
    receiver.close();
  });

  it('holds every job while it lasts and ends with every profile correct, nothing dead-lettered and no pause', async () => {
    // Prepare: six businesses, each with a linked Page and number, sync on.
    const linked: (Awaited<ReturnType<typeof linkWithSync>> & { tenant: string })[] = [];
    for (let index = 0; index < TENANTS; index += 1) {
      const tenant = aTenant('outage');
      linked.push({ tenant, ...(await linkWithSync(tenant)) });
    }
    const first = linked[0];
    if (!first) throw new Error('no link');
    // One business listens for Meta's outages, one tenant with no link at all listens for every
    // event, and one listens only for its links: the outage reaches the first two, once each.
    const bystander = aTenant('outage-bystander');
    const linksOnly = aTenant('outage-links-only');
    await subscribe(first.tenant, ['meta.outage.started', 'meta.outage.ended']);
    await subscribe(bystander, ['*']);
    await subscribe(linksOnly, ['link.paused']);
    await admin('POST', '/outages', { surface: 'whatsapp' });

    // Act: a burst of Page edits (webhooks) from every business at once, while WhatsApp is down.
    await Promise.all(
      linked.map(async ({ pageId }, index) => {
        for (let edit = 1; edit <= 3; edit += 1) {
          await editPage(pageId, { description: `Outage edit ${edit} of business ${index}.` });
        }
      })
    );

    // Assess: the breaker opens for WhatsApp only, from several tenants' failures.
    await eventually(async () => expect((await whatsapp()).status).toBe('open'), {
      timeoutMs: 60_000,
    });
    await eventually(async () => {
      const status = await metaStatus();
      expect(status.whatsapp).toMatchObject({ status: 'open' });
      expect(status.whatsapp?.retryAfterSeconds).toBeGreaterThan(0);
      expect(status.pages).toMatchObject({ status: 'closed' });
    });

    // A call that needs WhatsApp is answered 503 with Retry-After, naming the outage.
    const profiles = await api(`/links/${first.link.linkId}/profiles`, { tenant: first.tenant });
    expect(profiles.status).toBe(503);
    expect(Number(profiles.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await profiles.json()).toMatchObject({
      error: { code: 'meta_outage', details: { surface: 'whatsapp' } },
    });

    // A reconcile started during the outage records no drift and pauses nothing: it waits.
    const run = await startRun(first.tenant);
    expect(run.status).toBe(202);

    // Ten minutes pass on the breakers' clock: each cool-down ends, a probe goes, fails, and the
    // breaker reopens for longer.
    let elapsed = 0;
    while (elapsed < OUTAGE_SECONDS) {
      const before = await whatsapp();
      const wait = Math.min((await secondsToProbe()) + 1, OUTAGE_SECONDS - elapsed);
      await advanceClock(wait);
      elapsed += wait;
      if (elapsed >= OUTAGE_SECONDS) break;
      await eventually(
        async () => {
          const now = await whatsapp();
          expect(now.status).toBe('open');
          expect(now.since).not.toBe(before.since);
        },
        { timeoutMs: 60_000 }
      );
    }
    for (const { link, tenant } of linked) {
      expect((await syncStatus(tenant, link.linkId)).status).toBe('active');
    }

    // WhatsApp comes back; after the cool-down the next probe succeeds and closes the breaker.
    await admin('DELETE', '/outages/whatsapp');
    await advanceClock((await secondsToProbe()) + 1);
    await eventually(async () => expect((await whatsapp()).status).toBe('closed'), {
      timeoutMs: 60_000,
    });

    // Every profile carries its Page's last edit; nothing dead-lettered; no link paused.
    await eventually(
      async () => {
        for (const [index, { phoneNumberId }] of linked.entries()) {
          expect((await profileOf(phoneNumberId)).description).toBe(
            `Outage edit 3 of business ${index}.`
          );
        }
      },
      { timeoutMs: 60_000 }
    );
    for (const { link, tenant } of linked) {
      const status = await syncStatus(tenant, link.linkId);
      expect(status.status).toBe('active');
      expect(status.pause).toBeNull();
      expect(status.lastResult?.outcome).toBe('applied');
      expect(await deadLettersOf(link.linkId)).toEqual([]);
    }
    const finished = await eventually(
      async () => {
        const current = await readRun(first.tenant, String(run.body.runId));
        expect(current.status).toBe('completed');
        return current;
      },
      { timeoutMs: 60_000 }
    );
    expect(finished.counts.drift.whatsapp_edited ?? 0).toBe(0);
    const classes = (await history({ tenant: first.tenant, linkId: first.link.linkId })).items.map(
      (item) => item.class
    );
    expect(classes).not.toContain('whatsapp_edited');
    expect((await metaStatus()).whatsapp?.status).not.toBe('open');

    // meta.outage.started when it opened and meta.outage.ended when the probe closed it (the
    // failed probes between are the same outage), kept and delivered signed to each listener.
    for (const tenant of [first.tenant, bystander]) {
      const events = await eventually(
        async () => {
          const found = await outageEventsOf(tenant);
          expect(found.map((event) => event.type).sort()).toEqual([
            'meta.outage.ended',
            'meta.outage.started',
          ]);
          for (const event of found) expect(event.deliveries[0]?.status).toBe('delivered');
          return found;
        },
        { timeoutMs: 45_000 }
      );
      const started = events.find((event) => event.type === 'meta.outage.started');
      const ended = events.find((event) => event.type === 'meta.outage.ended');
      expect(started?.data).toMatchObject({ surface: 'whatsapp', since: expect.any(String) });
      expect(ended?.data).toMatchObject({ surface: 'whatsapp', endedAt: expect.any(String) });
      expect(Date.parse(String(ended?.data.endedAt))).toBeGreaterThan(
        Date.parse(String(started?.data.since))
      );
      expect(
        received
          .filter((delivery) => delivery.body.tenantId === tenant)
          .map((d) => d.type)
          .sort()
      ).toEqual(['meta.outage.ended', 'meta.outage.started']);
    }
    expect(await outageEventsOf(linksOnly)).toEqual([]);
  });
});
