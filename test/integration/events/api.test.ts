import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver, type Delivery, listen } from '../../../scripts/events-listen.js';
import { api, eventually, resetBreakers, runReconcilerNow } from '../../helpers/system.js';
import {
  admin,
  bodyOf,
  clearFaults,
  createAd,
  fault,
  INVALID_PARAMETER,
  linkedTenant,
  newKey,
} from '../ads/linked.js';
import { aTenant } from '../linking/journey.js';
import { editPage, editWhatsApp, linkWithSync, profileOf } from '../sync/helpers.js';

/**
 * Events through the running system: endpoints registered over the API, each event type fired by
 * the action that causes it, and delivered signed by the delivery worker to the receiver of
 * `npm run events:listen` on loopback.
 */

interface EventJson {
  id: string;
  type: string;
  data: Record<string, unknown>;
  deliveries: { endpointId: string; status: string; attempts: number }[];
}

const received: Delivery[] = [];
const secrets = new Map<string, string>();
let receiver: Server;
let receiverUrl = '';

/** One receiver for every tenant of this file: a delivery verifies with one of their secrets. */
beforeAll(async () => {
  receiver = createReceiver({
    secrets: () => [...secrets.values()],
    onDelivery: (delivery) => received.push(delivery),
  });
  receiverUrl = `http://127.0.0.1:${await listen(receiver, 0)}/`;
});
afterAll(() => receiver.close());

const registered = async (tenant: string, eventTypes: string[] = ['*']) => {
  const response = await api('/webhook-endpoints', {
    tenant,
    body: { url: receiverUrl, eventTypes, description: 'integration' },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const endpoint = (await response.json()) as { endpointId: string; secret: string };
  secrets.set(tenant, endpoint.secret);
  return endpoint;
};

const eventsOf = async (tenant: string): Promise<EventJson[]> => {
  const response = await api('/events?limit=100', { tenant });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: EventJson[] }).items;
};

/** The deliveries of `type` to the tenant's endpoint, once at least `atLeast` have arrived. */
const deliveredOfType = (tenant: string, type: string, atLeast = 1) =>
  eventually(
    () => {
      const found = received.filter(
        (delivery) => delivery.type === type && delivery.body.tenantId === tenant
      );
      expect(found.length).toBeGreaterThanOrEqual(atLeast);
      return found;
    },
    { timeoutMs: 45_000 }
  );

describe('Webhook endpoints API', () => {
  it('refuses private, plain-http and malformed URLs with a 400 naming the rule', async () => {
    const tenant = aTenant('events');
    for (const url of [
      'http://hooks.example.com/x',
      'https://10.0.0.1/x',
      'https://169.254.169.254/latest',
      'https://hooks.example.com:8443/x',
      'not a url',
    ]) {
      const response = await api('/webhook-endpoints', {
        tenant,
        body: { url, eventTypes: ['*'] },
      });
      expect(response.status, url).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'endpoint_url_not_allowed'
      );
    }
  });

  it('lists, reads, changes, rotates and deletes, never showing a secret but on create and rotate', async () => {
    // Prepare
    const tenant = aTenant('events');
    const { endpointId, secret } = await registered(tenant, ['link.created']);

    // Act
    const list = (await (await api('/webhook-endpoints', { tenant })).json()) as {
      items: Record<string, unknown>[];
    };
    const patched = await api(`/webhook-endpoints/${endpointId}`, {
      tenant,
      method: 'PATCH',
      body: { eventTypes: ['link.deleted', 'link.created'], description: 'changed' },
    });
    const rotated = await api(`/webhook-endpoints/${endpointId}/rotate-secret`, {
      tenant,
      body: { graceSeconds: 60 },
    });
    const otherTenant = await api(`/webhook-endpoints/${endpointId}`, {
      tenant: aTenant('events'),
    });
    const unknownType = await api(`/webhook-endpoints/${endpointId}`, {
      tenant,
      method: 'PATCH',
      body: { eventTypes: ['link.exploded'] },
    });
    const deleted = await api(`/webhook-endpoints/${endpointId}`, { tenant, method: 'DELETE' });
    const gone = await api(`/webhook-endpoints/${endpointId}`, { tenant });

    // Assess
    expect(secret).toMatch(/^whsec_/);
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      eventTypes: ['link.created', 'link.deleted'],
      description: 'changed',
      version: 2,
    });
    expect(rotated.status).toBe(200);
    const rotatedBody = (await rotated.json()) as {
      secret: string;
      previousSecretExpiresAt: string;
    };
    expect(rotatedBody.secret).not.toBe(secret);
    expect(rotatedBody.previousSecretExpiresAt).toEqual(expect.any(String));
    expect(otherTenant.status).toBe(404);
    expect(unknownType.status).toBe(400);
    expect(deleted.status).toBe(204);
    expect(gone.status).toBe(404);
  });

  it('sends a signed test event the receiver verifies, and records its delivery', async () => {
    // Prepare
    const tenant = aTenant('events');
    const { endpointId } = await registered(tenant);

    // Act
    const response = await api(`/webhook-endpoints/${endpointId}/test`, { tenant, method: 'POST' });

    // Assess
    expect(response.status).toBe(202);
    const { eventId } = (await response.json()) as { eventId: string };
    const [delivery] = await deliveredOfType(tenant, 'endpoint.test');
    expect(delivery?.id).toBe(eventId);
    const event = await eventually(async () => {
      const read = (await (await api(`/events/${eventId}`, { tenant })).json()) as EventJson;
      expect(read.deliveries[0]?.status).toBe('delivered');
      return read;
    });
    expect(event.deliveries).toEqual([
      expect.objectContaining({ endpointId, status: 'delivered', attempts: 1 }),
    ]);
    expect((await api(`/events/${eventId}`, { tenant: aTenant('events') })).status).toBe(404);
  });
});

/** A tenant with a link able to create ads, listening for the ads events. */
const adsTenant = async () => {
  // These tests fail Meta calls: a breaker opened by other files' failures would answer 503.
  await resetBreakers();
  const linked = await linkedTenant();
  await registered(linked.tenant, ['ad.completed', 'ad.failed']);
  return linked;
};

describe('Events fired by the actions that cause them', () => {
  it('link.created, sync.applied, link.paused, link.resumed, link.deleted and grant.revoked', async () => {
    // Prepare
    const tenant = aTenant('events');
    await registered(tenant);

    // Act: link, sync once, edit WhatsApp directly, resume, unlink.
    const linked = await linkWithSync(tenant);
    await editPage(linked.pageId, { description: 'Fresh bread daily.' });
    await eventually(async () => {
      expect((await profileOf(linked.phoneNumberId)).description).toBe('Fresh bread daily.');
    });
    // Turning sync on ran a first sync (trigger `enabled`); the Page edit's is the webhook's.
    const applied = await eventually(async () => {
      const found = (await deliveredOfType(tenant, 'sync.applied')).find(
        (delivery) => (delivery.body.data as { trigger?: string }).trigger === 'webhook'
      );
      expect(found).toBeDefined();
      return found;
    });
    const [first] = await deliveredOfType(tenant, 'sync.applied');
    expect(first?.body.data).toMatchObject({ trigger: 'enabled' });
    await editWhatsApp(linked.phoneNumberId, { about: 'Edited on the phone' });
    await editPage(linked.pageId, { description: 'Fresh bread daily, since 1982.' });
    const [paused] = await deliveredOfType(tenant, 'link.paused');
    const resume = await api(`/links/${linked.link.linkId}/resume`, {
      tenant,
      body: { overwrite: false },
    });
    expect(resume.status, await resume.clone().text()).toBe(202);
    const [resumed] = await deliveredOfType(tenant, 'link.resumed');
    const unlinked = await api(`/links/${linked.link.linkId}`, { tenant, method: 'DELETE' });
    expect(unlinked.status).toBe(200);
    const [deleted] = await deliveredOfType(tenant, 'link.deleted');

    // Assess
    const [created] = await deliveredOfType(tenant, 'link.created');
    expect(created?.body.data).toMatchObject({
      linkId: linked.link.linkId,
      pageId: linked.pageId,
      phoneNumberId: linked.phoneNumberId,
    });
    expect(applied?.body.data).toMatchObject({
      linkId: linked.link.linkId,
      changedFields: expect.arrayContaining(['description']),
    });
    expect(paused?.body.data).toMatchObject({
      linkId: linked.link.linkId,
      reason: 'local_override',
      fields: [expect.objectContaining({ field: 'about', actual: 'Edited on the phone' })],
    });
    expect(resumed?.body.data).toEqual({
      linkId: linked.link.linkId,
      overwrite: false,
      optedOutFields: ['about'],
    });
    expect(deleted?.body.data).toMatchObject({ linkId: linked.link.linkId, cause: 'unlinked' });
    if (((await unlinked.json()) as { revocation: string }).revocation === 'revoked') {
      await deliveredOfType(tenant, 'grant.revoked');
    }
    const kept = await eventsOf(tenant);
    expect(kept.map((event) => event.type)).toEqual(
      expect.arrayContaining(['link.created', 'sync.applied', 'link.paused', 'link.resumed'])
    );
    // Newest first.
    expect(kept[0]?.id.localeCompare(kept.at(-1)?.id ?? '')).toBeGreaterThan(0);
  });

  it('drift.detected per drifted link and reconcile.completed for an on-demand run', async () => {
    // Prepare: a link whose WhatsApp profile was edited behind Tandem's back, sync off.
    const tenant = aTenant('events');
    await registered(tenant, ['drift.detected', 'reconcile.completed']);
    const linked = await linkWithSync(tenant, { enabled: false });
    await editWhatsApp(linked.phoneNumberId, { about: 'Edited behind our back' });

    // Act
    const run = await api('/reconcile/runs', { tenant, body: {} });
    expect(run.status, await run.clone().text()).toBe(202);
    const { runId } = (await run.json()) as { runId: string };

    // Assess
    const [completed] = await deliveredOfType(tenant, 'reconcile.completed');
    expect(completed?.body.data).toMatchObject({ runId, linksChecked: 1 });
    const counts =
      (completed?.body.data as { drift: Record<string, number> } | undefined)?.drift ?? {};
    const drifted = Object.entries(counts)
      .filter(([kind]) => kind !== 'in_sync')
      .reduce((sum, [, count]) => sum + count, 0);
    expect(drifted).toBeGreaterThan(0);
    // Each event is delivered on its own: the run's completion may arrive before its drift.
    const drift = await deliveredOfType(tenant, 'drift.detected', drifted);
    expect(drift).toHaveLength(drifted);
    for (const delivery of drift) {
      expect(delivery.body.data).toMatchObject({ runId, linkId: linked.link.linkId });
    }
  });

  it('reconcile.completed for a scheduled run, to each tenant it covered, with its own counts', async () => {
    // Prepare: two tenants with a link each, listening for reconcile.completed only.
    const tenants = [aTenant('events'), aTenant('events')];
    for (const tenant of tenants) {
      await registered(tenant, ['reconcile.completed']);
      await linkWithSync(tenant, { enabled: false });
    }

    // Act: the schedule's run, over every tenant's links.
    const started = (await runReconcilerNow()) as { status: string; runId: string };

    // Assess
    expect(started.status).toBe('started');
    for (const tenant of tenants) {
      const completed = await eventually(
        () => {
          const found = received.filter(
            (delivery) =>
              delivery.type === 'reconcile.completed' &&
              delivery.body.tenantId === tenant &&
              (delivery.body.data as { runId: string }).runId === started.runId
          );
          expect(found).toHaveLength(1);
          return found[0];
        },
        { timeoutMs: 55_000 }
      );
      expect(completed?.body.data).toMatchObject({ runId: started.runId, linksChecked: 1 });
    }
  }, 90_000);

  it('ad.completed for a Click-to-WhatsApp ad created through the API, with the ids Meta gave', async () => {
    // Prepare
    const linked = await adsTenant();

    // Act
    const response = await createAd(linked, newKey());

    // Assess
    const created = await bodyOf(response);
    expect(response.status, JSON.stringify(created)).toBe(201);
    const [completed] = await deliveredOfType(linked.tenant, 'ad.completed');
    expect(completed?.body.data).toEqual({
      linkId: linked.linkId,
      operationId: created.operationId,
      campaignId: created.created.campaignId,
      adSetId: created.created.adSetId,
      creativeId: created.created.creativeId,
      adId: created.created.adId,
      adStatus: 'PAUSED',
    });
    const kept = await eventsOf(linked.tenant);
    expect(kept.map((event) => event.type)).toEqual(['ad.completed']);
    expect(kept[0]?.id).toBe(completed?.id);
  });

  it('ad.failed when Meta refuses a step for good, naming the code and what was cleaned up', async () => {
    // Prepare: Meta refuses the ad set as invalid, a caller's error no retry can fix.
    const linked = await adsTenant();
    await fault({
      match: { method: 'POST', path: '/adsets$' },
      times: 1,
      error: INVALID_PARAMETER,
    });

    // Act
    const key = newKey();
    const response = await createAd(linked, key).finally(clearFaults);
    const replay = await createAd(linked, key);

    // Assess
    const failed = await bodyOf(response);
    expect(response.status, JSON.stringify(failed)).toBe(400);
    const [delivery] = await deliveredOfType(linked.tenant, 'ad.failed');
    expect(delivery?.body.data).toEqual({
      linkId: linked.linkId,
      operationId: failed.operationId,
      code: 'meta_rejected',
      message: 'Meta does not accept this.',
      cleanedUp: 1,
      leftBehind: 0,
    });
    // Failed for good: the replay answers the stored failure and announces nothing new.
    expect(replay.status).toBe(400);
    const kept = await eventsOf(linked.tenant);
    expect(kept.map((event) => event.type)).toEqual(['ad.failed']);
    expect(kept[0]?.id).toBe(delivery?.id);
  });

  it('link.meta_changed, link.paused and link.resumed when Meta offboards and reconnects a coexistence number', async () => {
    // Prepare
    const tenant = aTenant('events');
    await registered(tenant, ['link.meta_changed', 'link.paused', 'link.resumed']);
    const { link } = await linkWithSync(tenant);
    const read = await api(`/links/${link.linkId}`, { tenant });
    expect(read.status).toBe(200);
    const { wabaId } = (await read.json()) as { wabaId: string };

    // Act: the WhatsApp Business app's primary device went quiet; Meta offboards, then reconnects.
    await admin('POST', `/wabas/${wabaId}/disconnect`, { reason: 'PRIMARY_INACTIVITY' });
    const [paused] = await deliveredOfType(tenant, 'link.paused');
    await admin('POST', `/wabas/${wabaId}/reconnect`, {});
    const [resumed] = await deliveredOfType(tenant, 'link.resumed');

    // Assess: each event is delivered on its own, so the reconnection's change may land after the
    // resumption.
    const changes = (await deliveredOfType(tenant, 'link.meta_changed', 2)).map(
      (delivery) => delivery.body.data
    );
    expect(changes).toEqual([
      expect.objectContaining({ linkId: link.linkId, state: 'connection_account_offboarded' }),
      expect.objectContaining({
        linkId: link.linkId,
        state: 'connection_account_reconnected',
        previous: 'connection_account_offboarded',
      }),
    ]);
    expect(changes[0]).not.toHaveProperty('previous');
    expect(paused?.body.data).toMatchObject({
      linkId: link.linkId,
      reason: 'whatsapp_disconnected',
      fields: [],
    });
    expect(resumed?.body.data).toEqual({
      linkId: link.linkId,
      overwrite: false,
      optedOutFields: [],
    });
    // Stored whatever the endpoint subscribes to; these are the WABA webhooks' own.
    const kept = (await eventsOf(tenant)).filter((event) => event.type.startsWith('link.'));
    expect(kept.map((event) => event.type).sort()).toEqual([
      'link.created',
      'link.meta_changed',
      'link.meta_changed',
      'link.paused',
      'link.resumed',
    ]);
  });
});
