import { afterEach, describe, expect, it } from 'vitest';
import { queueDepth } from '../../helpers/queues.js';
import { api, eventually, useSystem } from '../../helpers/system.js';
import { aTenant } from '../linking/journey.js';
import {
  admin,
  clearFaults,
  deadLettersOf,
  editPage,
  linkWithSync,
  postWebhook,
  profileOf,
  profileWrites,
  signedWebhook,
  syncStatus,
} from './helpers.js';

const uploadsOf = async (): Promise<number> =>
  (
    await admin<{ requests: { method: string; path: string }[] }>('GET', '/requests')
  ).requests.filter((request) => request.method === 'POST' && /\/uploads$/.test(request.path))
    .length;

/** Waits until the sync queue holds nothing: every job sent so far has been handled. */
const queueSettled = () =>
  eventually(async () => (await queueDepth(useSystem().queues.syncUrl)) === 0);

describe('Sync: Page -> WhatsApp through webhooks, the queue and the worker', () => {
  afterEach(async () => {
    await clearFaults();
  });

  it('updates the WhatsApp profile after a Page edit sends its signed webhook', async () => {
    // Prepare
    const tenant = aTenant('sync');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);

    // Act
    await editPage(pageId, {
      description: 'Sourdough, pastries and cakes, baked every morning.',
      website: 'https://bakery.example',
      category: 'Bakery',
    });

    // Assess
    const profile = await eventually(async () => {
      const current = await profileOf(phoneNumberId);
      expect(current.description).toBe('Sourdough, pastries and cakes, baked every morning.');
      // The picture is set after the text fields, in a write of its own.
      expect(current.profilePictureUrl).toContain('/_media/uploads/');
      return current;
    });
    expect(profile.websites).toEqual(['https://bakery.example/']);
    expect(profile.vertical).toBe('RESTAURANT');
    const status = await syncStatus(tenant, link.linkId);
    expect(status.lastResult).toMatchObject({ outcome: 'applied', trigger: 'webhook' });
    expect(status.lastSyncAt).not.toBeNull();
    expect(status.unsupported).toEqual([expect.objectContaining({ field: 'hours' })]);
    expect(await deadLettersOf(link.linkId)).toEqual([]);
  });

  it('uploads the picture again only when its bytes changed', async () => {
    // Prepare
    const tenant = aTenant('sync');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);
    await editPage(pageId, { description: 'First.' });
    const first = await eventually(async () => {
      const current = await profileOf(phoneNumberId);
      expect(current.description).toBe('First.');
      expect(current.profilePictureUrl).toBeTruthy();
      return current;
    });
    const uploadsBefore = await uploadsOf();

    // Act
    await editPage(pageId, { description: 'Second.' });
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).description).toBe('Second.')
    );
    const uploadsAfterText = await uploadsOf();
    await editPage(pageId, { picture: true });

    // Assess
    expect(uploadsAfterText).toBe(uploadsBefore);
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).profilePictureUrl).not.toBe(first.profilePictureUrl)
    );
    expect(await uploadsOf()).toBe(uploadsBefore + 1);
    expect((await syncStatus(tenant, link.linkId)).lastResult?.changedFields).toEqual([
      'profilePicture',
    ]);
  });

  it('enqueues one job for the same webhook delivered twice', async () => {
    // Prepare
    const tenant = aTenant('sync');
    const { pageId } = await linkWithSync(tenant);
    const webhook = signedWebhook(pageId);

    // Act
    const first = await postWebhook(webhook);
    const second = await postWebhook(webhook);

    // Assess
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ changes: 1, duplicates: 0, jobs: 1 });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ changes: 1, duplicates: 1, jobs: 0 });
  });

  it('does not let an older observation overwrite what a newer one wrote', async () => {
    // Prepare
    const tenant = aTenant('sync');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);
    await editPage(pageId, { description: 'Newer.' });
    await eventually(async () => {
      const profile = await profileOf(phoneNumberId);
      expect(profile.description).toBe('Newer.');
      expect(profile.profilePictureUrl).toBeTruthy();
    });
    // `about` changes fire no webhook, so only a sync that reads the Page again can carry it over.
    await admin('PATCH', `/pages/${pageId}`, { about: 'Changed after the newer sync.' });
    const writes = (await profileWrites(phoneNumberId)).length;

    // Act
    const older = await postWebhook(
      signedWebhook(pageId, { time: Math.floor(Date.now() / 1000) - 3600, value: { n: 1 } })
    );
    await queueSettled();

    // Assess
    expect(await older.json()).toMatchObject({ jobs: 1 });
    expect(await profileWrites(phoneNumberId)).toHaveLength(writes);
    expect((await profileOf(phoneNumberId)).about).not.toBe('Changed after the newer sync.');
    // A current observation still goes through.
    await postWebhook(signedWebhook(pageId, { value: { n: 2 } }));
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).about).toBe('Changed after the newer sync.')
    );
    expect((await syncStatus(tenant, link.linkId)).status).toBe('active');
  });

  it('refuses a forged signature with 401 and enqueues nothing', async () => {
    // Prepare
    const tenant = aTenant('sync');
    const { pageId, phoneNumberId } = await linkWithSync(tenant);
    const writes = (await profileWrites(phoneNumberId)).length;

    // Act
    const forged = await postWebhook(signedWebhook(pageId, { secret: 'not-the-app-secret' }));
    const unsigned = await postWebhook({ body: signedWebhook(pageId).body });
    const viaMeta = await admin<{ deliveries: { status: number }[] }>('POST', '/webhooks/deliver', {
      pageId,
      field: 'description',
      forgeSignature: true,
    });
    await queueSettled();

    // Assess
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(unsigned.status).toBe(401);
    expect(viaMeta.deliveries.map((delivery) => delivery.status)).toEqual([401]);
    expect(await profileWrites(phoneNumberId)).toHaveLength(writes);
  });

  it('acknowledges signed bodies it cannot use with 200 and the reason, and refuses oversized ones with 413', async () => {
    // Prepare: a signed body is Meta's; Meta sends anything but a 200 again for 36 hours.
    const tenant = aTenant('sync');
    const { pageId, phoneNumberId } = await linkWithSync(tenant);
    const writes = (await profileWrites(phoneNumberId)).length;
    const secret = useSystem().env.META_APP_SECRET ?? '';
    const { createHmac } = await import('node:crypto');
    const sign = (body: string) =>
      `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const notPage = JSON.stringify({ object: 'user', entry: [{ id: pageId, time: 1 }] });
    const deep = `{"object":"page","entry":[{"id":"${pageId}","time":${Math.floor(Date.now() / 1000)},"changes":[{"field":"description","value":${'['.repeat(6_000)}${']'.repeat(6_000)}}]}]}`;
    const huge = JSON.stringify({ object: 'page', entry: [], pad: 'x'.repeat(300 * 1024) });

    // Act
    const malformed = await postWebhook({ body: '{"object":', signature: sign('{"object":') });
    const wrongObject = await postWebhook({ body: notPage, signature: sign(notPage) });
    const nested = await postWebhook({ body: deep, signature: sign(deep) });
    const nestedUnsigned = await postWebhook({ body: deep });
    const tooLarge = await postWebhook({ body: huge, signature: sign(huge) });
    await queueSettled();

    // Assess
    expect(malformed.status).toBe(200);
    expect(await malformed.json()).toMatchObject({ received: true, ignored: 'not valid JSON' });
    expect(wrongObject.status).toBe(200);
    expect(await wrongObject.json()).toMatchObject({ jobs: 0, ignored: expect.any(String) });
    expect(nested.status).toBe(200);
    expect(await nested.json()).toMatchObject({
      jobs: 0,
      ignored: 'nested deeper than 32 levels',
    });
    expect(nestedUnsigned.status).toBe(401);
    expect(tooLarge.status).toBe(413);
    expect(await profileWrites(phoneNumberId)).toHaveLength(writes);
  });

  it('answers the subscription handshake only with the right verify token', async () => {
    // Act
    const good = await admin<{ ok: boolean; status: number }>('POST', '/webhooks/verify', {});
    const bad = await admin<{ ok: boolean; status: number }>('POST', '/webhooks/verify', {
      verifyToken: 'wrong-token-wrong-token',
    });

    // Assess
    expect(good).toMatchObject({ ok: true, status: 200 });
    expect(bad).toMatchObject({ ok: false, status: 401 });
  });

  it('runs a first sync when sync is turned on, without a webhook or sync now', async () => {
    // Prepare: the Page changes while sync is off, so nothing reaches WhatsApp.
    const tenant = aTenant('sync');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant, { enabled: false });
    await editPage(pageId, { description: 'Written while sync was off.' });
    await queueSettled();
    expect((await profileOf(phoneNumberId)).description).not.toBe('Written while sync was off.');

    // Act
    const response = await api(`/links/${link.linkId}`, {
      tenant,
      method: 'PATCH',
      body: { sync: { enabled: true } },
    });

    // Assess
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as { firstSync?: { jobId: string; linkId: string } };
    expect(body.firstSync).toMatchObject({ jobId: expect.any(String), linkId: link.linkId });
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).description).toBe('Written while sync was off.')
    );
    expect((await syncStatus(tenant, link.linkId)).lastResult).toMatchObject({
      outcome: 'applied',
      trigger: 'enabled',
    });
    // The first sync is not a "sync now": the link still has every one of its syncs for the minute.
    for (let i = 0; i < 6; i += 1) {
      const now = await api(`/links/${link.linkId}/sync`, { tenant, method: 'POST' });
      expect(now.status, await now.clone().text()).toBe(202);
    }
    // Changing fields, or turning sync on again while it is on, enqueues nothing more.
    const again = await api(`/links/${link.linkId}`, {
      tenant,
      method: 'PATCH',
      body: { sync: { enabled: true, fields: { about: false } } },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).not.toHaveProperty('firstSync');
  });

  it('writes nothing for a link whose sync is off', async () => {
    // Prepare
    const tenant = aTenant('sync');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant, { enabled: false });
    const before = await profileOf(phoneNumberId);

    // Act
    const delivered = await postWebhook(signedWebhook(pageId));
    await editPage(pageId, { description: 'Not for WhatsApp yet.' });
    await queueSettled();

    // Assess
    expect(await delivered.json()).toMatchObject({ changes: 1, jobs: 0 });
    expect(await profileOf(phoneNumberId)).toEqual(before);
    expect(await profileWrites(phoneNumberId)).toEqual([]);
    expect((await syncStatus(tenant, link.linkId)).lastResult).toBeNull();
  });
});
