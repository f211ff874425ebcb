import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_WEBHOOK_FIELDS } from '../../../functions/core/linking/model.js';
import { eventually, receiveMessages, useSystem } from '../../helpers/system.js';
import { admin, clearFaults, fault, graph } from '../ads/linked.js';
import {
  history,
  linkedTenant,
  pauseLink,
  reconcileTenant,
  setSync,
  syncByHand,
} from './fixtures.js';

/**
 * Every drift class, end to end: a tenant's on-demand run goes through the API, the queue and the
 * worker, the LinkObserver reads the sandbox with Graph batch requests, and the report is read back
 * through the API.
 */
describe('Function: reconcileShard (through the sandbox)', () => {
  afterEach(async () => {
    await clearFaults();
  });

  it('reports a link whose WhatsApp profile holds what sync wrote as in sync', async () => {
    // Prepare
    const linked = await linkedTenant();
    await syncByHand(linked);

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts).toMatchObject({ linksChecked: 1, errors: 0, syncsEnqueued: 0 });
    expect(run.counts.drift.in_sync).toBe(1);
    expect(run.drifted).toEqual([]);
    expect((await history(linked)).items).toEqual([]);
  });

  it('enqueues a sync for a Page change when sync is on', async () => {
    // Prepare
    const linked = await linkedTenant();
    await syncByHand(linked);
    await setSync(linked, true);
    await admin('PATCH', `/pages/${linked.pageId}`, { about: 'Now open on Sundays' });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.page_changed).toBe(1);
    expect(run.counts.syncsEnqueued).toBe(1);
    const [entry] = (await history(linked)).items;
    expect(entry).toMatchObject({
      runId: run.runId,
      class: 'page_changed',
      action: 'enqueue_sync',
    });
    expect(entry?.fields).toContainEqual(
      expect.objectContaining({ field: 'about', side: 'page', page: 'Now open on Sundays' })
    );
    // The sync job reached the queue: either sync ran it (WhatsApp now says so) or, while no sync
    // handler is registered, the worker dead-lettered it with its reason.
    await eventually(async () => {
      const phone = await admin<{ profile?: { about?: string } }>(
        'GET',
        `/phone-numbers/${linked.phoneNumberId}`
      );
      if (JSON.stringify(phone).includes('Now open on Sundays')) return true;
      const letters = await receiveMessages(useSystem().queues.dlqUrl);
      return letters.some(
        (letter) => letter.Body?.includes(linked.linkId) && letter.Body.includes('"reconcile"')
      );
    });
  });

  it('only reports a Page change when sync is off', async () => {
    // Prepare
    const linked = await linkedTenant();
    await syncByHand(linked);
    await admin('PATCH', `/pages/${linked.pageId}`, { about: 'Closed for renovation' });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts).toMatchObject({ syncsEnqueued: 0 });
    expect(run.counts.drift.page_changed).toBe(1);
    expect((await history(linked)).items[0]).toMatchObject({
      class: 'page_changed',
      action: 'report_only',
      syncEnabled: false,
    });
  });

  it('reports a direct WhatsApp edit with the field before and after, and never heals it', async () => {
    // Prepare
    const linked = await linkedTenant();
    const written = await syncByHand(linked);
    await setSync(linked, true);
    await admin('PATCH', `/phone-numbers/${linked.phoneNumberId}/profile`, {
      about: 'Edited in the WhatsApp Business app',
    });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.whatsapp_edited).toBe(1);
    expect(run.counts.syncsEnqueued).toBe(0);
    expect((await history(linked)).items[0]).toMatchObject({
      class: 'whatsapp_edited',
      action: 'report_only',
      fields: [
        {
          field: 'about',
          side: 'whatsapp',
          page: written.about,
          whatsapp: 'Edited in the WhatsApp Business app',
          lastWritten: written.about,
        },
      ],
    });
  });

  it('reports both sides changed when the Page and WhatsApp were both edited', async () => {
    // Prepare
    const linked = await linkedTenant();
    await syncByHand(linked);
    await admin('PATCH', `/pages/${linked.pageId}`, { about: 'Page side' });
    await admin('PATCH', `/phone-numbers/${linked.phoneNumberId}/profile`, {
      about: 'WhatsApp side',
    });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.both_changed).toBe(1);
    expect((await history(linked)).items[0]?.fields).toContainEqual(
      expect.objectContaining({
        field: 'about',
        side: 'both',
        page: 'Page side',
        whatsapp: 'WhatsApp side',
      })
    );
  });

  it('observes a paused link all the same and reports what is going on', async () => {
    // Prepare
    const linked = await linkedTenant();
    await syncByHand(linked);
    await setSync(linked, true);
    await admin('PATCH', `/phone-numbers/${linked.phoneNumberId}/profile`, { about: 'Mine' });
    await pauseLink(linked);

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.whatsapp_edited).toBe(1);
    expect((await history(linked)).items[0]).toMatchObject({ paused: true, action: 'report_only' });
  });

  it('reports an expired token as token_invalid', async () => {
    // Prepare
    const linked = await linkedTenant();
    await admin('POST', '/tokens/expire', { token: linked.token });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.token_invalid).toBe(1);
    expect((await history(linked)).items[0]).toMatchObject({ class: 'token_invalid', fields: [] });
  });

  it('reports a Page Meta no longer has as asset_gone', async () => {
    // Prepare: Graph answers "Unsupported get request" (100/33) for the Page, as for a deleted one.
    const linked = await linkedTenant();
    await fault({
      match: { path: `^/?(v\\d+\\.\\d+/)?${linked.pageId}$` },
      error: { status: 400, code: 100, subcode: 33, type: 'GraphMethodException' },
    });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.asset_gone).toBe(1);
    expect((await history(linked)).items[0]).toMatchObject({ class: 'asset_gone' });
  });

  it('reports Page hours as a field WhatsApp cannot hold', async () => {
    // Prepare
    const linked = await linkedTenant();
    await admin('PATCH', `/pages/${linked.pageId}`, {
      hours: { mon_1_open: '08:00', mon_1_close: '17:00' },
    });
    await syncByHand(linked);

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.unsupported_field).toBe(1);
    expect((await history(linked)).items[0]).toMatchObject({
      class: 'unsupported_field',
      unsupported: ['hours'],
      fields: [],
    });
  });

  it("restores a Page's lost webhook subscription and reports it as its own class", async () => {
    // Prepare
    const linked = await linkedTenant();
    await syncByHand(linked);
    const page = await graph<{ access_token: string }>(
      linked.token,
      `${linked.pageId}?fields=access_token`
    );
    await graph(page.body.access_token, `${linked.pageId}/subscribed_apps`, { method: 'DELETE' });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.webhook_subscription_lost).toBe(1);
    expect((await history(linked)).items[0]).toMatchObject({
      class: 'webhook_subscription_lost',
      action: 'restore_subscription',
      fields: [],
    });
    const pageView = await admin<{ subscribed_fields: string[] }>('GET', `/pages/${linked.pageId}`);
    expect(pageView.subscribed_fields).toEqual(expect.arrayContaining([...PAGE_WEBHOOK_FIELDS]));
  });
});
