import { afterEach, describe, expect, it } from 'vitest';
import { admin } from '../../helpers/sandbox.js';
import { api, eventually, useSystem } from '../../helpers/system.js';
import { aTenant } from '../linking/journey.js';
import { history, reconcileTenant } from '../reconcile/fixtures.js';
import {
  addFault,
  clearFaults,
  deadLettersOf,
  editPage,
  linkWithSync,
  profileOf,
  profileWrites,
  syncStatus,
} from './helpers.js';

/**
 * Each class of Meta failure, injected in the sandbox on the profile write, and where the job ends:
 * applied after retries, paused with a reason, or in the DLQ with a reason. Never lost.
 */

const PROFILE_WRITE = { method: 'POST', path: 'whatsapp_business_profile$' };

describe('Sync: Meta failures while writing the WhatsApp profile', () => {
  afterEach(async () => {
    await clearFaults();
  });

  it('pauses the link with token_invalid on a 190 and does not retry', async () => {
    // Prepare
    const tenant = aTenant('sync-faults');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);
    const writesBefore = (await profileWrites(phoneNumberId)).length;
    await addFault({ match: PROFILE_WRITE, error: { status: 400, code: 190, subcode: 463 } });

    // Act
    await editPage(pageId, { description: 'Written with an expired token.' });

    // Assess
    // The run pauses the link, then records its result: wait for both.
    const status = await eventually(async () => {
      const current = await syncStatus(tenant, link.linkId);
      expect(current.status).toBe('paused');
      expect(current.lastResult).toMatchObject({ outcome: 'paused' });
      return current;
    });
    expect(status.pause).toMatchObject({ reason: 'token_invalid', details: { action: 'relink' } });
    expect((await profileOf(phoneNumberId)).description).not.toBe('Written with an expired token.');
    expect((await profileWrites(phoneNumberId)).slice(writesBefore)).toHaveLength(1);
    expect(await deadLettersOf(link.linkId)).toEqual([]);
  });

  it('retries a rate-limited write later and then applies it', async () => {
    // Prepare
    const tenant = aTenant('sync-faults');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);
    const writesBefore = (await profileWrites(phoneNumberId)).length;
    await addFault({ match: PROFILE_WRITE, times: 1, rateLimit: { kind: 'waba' } });

    // Act
    await editPage(pageId, { description: 'Applied after the rate limit.' });

    // Assess
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).description).toBe('Applied after the rate limit.')
    );
    const writes = (await profileWrites(phoneNumberId)).slice(writesBefore);
    // The text field, refused then written; the picture, unchanged since the first sync, is not.
    expect(writes.map((write) => write.status)).toEqual([429, 200]);
    expect((await syncStatus(tenant, link.linkId)).lastResult?.outcome).toBe('applied');
    expect(await deadLettersOf(link.linkId)).toEqual([]);
  });

  it('retries a transient 500 and then applies it', async () => {
    // Prepare
    const tenant = aTenant('sync-faults');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);
    const writesBefore = (await profileWrites(phoneNumberId)).length;
    // Three failures outlast the Graph client's own retries, so the job itself is retried.
    await addFault({
      match: PROFILE_WRITE,
      times: 3,
      error: { status: 500, code: 2, isTransient: true },
    });

    // Act
    await editPage(pageId, { description: 'Applied after Meta came back.' });

    // Assess
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).description).toBe('Applied after Meta came back.')
    );
    // The text field, failing then written; the picture, unchanged since the first sync, is not.
    expect(
      (await profileWrites(phoneNumberId)).slice(writesBefore).map((write) => write.status)
    ).toEqual([500, 500, 500, 200]);
    expect(await deadLettersOf(link.linkId)).toEqual([]);
  });

  it('dead-letters a write Meta refuses for good (100), with the reason', async () => {
    // Prepare
    const tenant = aTenant('sync-faults');
    const { link, pageId } = await linkWithSync(tenant);
    await addFault({
      match: PROFILE_WRITE,
      error: { status: 400, code: 100, message: '(#100) Param description is not valid' },
    });

    // Act
    await editPage(pageId, { description: 'Refused by WhatsApp.' });

    // Assess
    const letters = await eventually(async () => {
      const found = await deadLettersOf(link.linkId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letters[0]).toMatchObject({
      body: { kind: 'sync', linkId: link.linkId, trigger: 'webhook' },
      failureCode: 'meta_rejected',
      failureReason: '(#100) Param description is not valid',
    });
    const status = await syncStatus(tenant, link.linkId);
    expect(status.status).toBe('active');
    expect(status.lastResult).toMatchObject({
      outcome: 'failed',
      reason: '(#100) Param description is not valid',
    });
    const failed = await eventually(async () => {
      const page = (await (await api('/events?limit=100', { tenant })).json()) as {
        items: { type: string; data: Record<string, unknown> }[];
      };
      const found = page.items.filter((event) => event.type === 'sync.failed');
      expect(found).toHaveLength(1);
      return found[0]?.data;
    });
    expect(failed).toMatchObject({
      linkId: link.linkId,
      trigger: 'webhook',
      code: 'meta_rejected',
      reason: '(#100) Param description is not valid',
    });
  });

  it('lets the newest Page value win, with no pause, when a timed-out write lands after a newer one', async () => {
    // Prepare: a synced link, then Meta holds the next profile write past the client's timeout
    // and applies it anyway, answering nothing (Meta keeps working on a request whose caller left).
    const tenant = aTenant('sync-faults');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);
    await editPage(pageId, { description: 'Zero.' });
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).description).toBe('Zero.')
    );
    const timeoutMs = Number(useSystem().env.GRAPH_TIMEOUT_MS);
    await addFault({
      match: PROFILE_WRITE,
      times: 1,
      latencyMs: timeoutMs + 3_000,
      loseAnswer: true,
    });

    // Act: 'First' is written and held; the owner edits again; 'First' lands late.
    await editPage(pageId, { description: 'First.' });
    await eventually(async () =>
      expect((await admin<{ faults: unknown[] }>('GET', '/faults')).faults).toEqual([])
    );
    await editPage(pageId, { description: 'Second.' });
    await eventually(
      async () =>
        expect(
          (await profileWrites(phoneNumberId)).filter((write) => write.answered === false)
        ).toHaveLength(1),
      { timeoutMs: timeoutMs + 20_000 }
    );
    const run = await reconcileTenant(tenant);

    // Assess: the late 'First' is Tandem's own write, never a direct edit; 'Second' wins.
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).description).toBe('Second.')
    );
    expect(run.counts.drift.whatsapp_edited ?? 0).toBe(0);
    const classes = (await history({ tenant, linkId: link.linkId })).items.map(
      (item) => item.class
    );
    expect(classes).not.toContain('whatsapp_edited');
    expect((await syncStatus(tenant, link.linkId)).status).toBe('active');

    // The next Page change goes through as well, with no pause for Tandem's own write.
    await editPage(pageId, { description: 'Third.' });
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).description).toBe('Third.')
    );
    const status = await syncStatus(tenant, link.linkId);
    expect(status.status).toBe('active');
    expect(status.pause).toBeNull();
  });

  it('never repeats a picture write Meta did not answer, and sends the picture again on the next sync', async () => {
    // Prepare: a link synced by its first sync (picture included), then Meta holds the next
    // profile write past the client's timeout. Only the picture changes, so that write is the
    // picture's own.
    const tenant = aTenant('sync-faults');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);
    expect((await profileOf(phoneNumberId)).profilePictureUrl).toBeTruthy();
    const writesBefore = (await profileWrites(phoneNumberId)).length;
    const timeoutMs = Number(useSystem().env.GRAPH_TIMEOUT_MS);
    await addFault({
      match: PROFILE_WRITE,
      times: 1,
      latencyMs: timeoutMs + 1_000,
      loseAnswer: true,
    });

    // Act
    await editPage(pageId, { picture: true });

    // Assess: the text stays written, the picture is reported unconfirmed, its write sent once.
    const status = await eventually(
      async () => {
        const current = await syncStatus(tenant, link.linkId);
        expect(current.lastResult?.picture?.outcome).toBe('unconfirmed');
        return current;
      },
      { timeoutMs: timeoutMs + 20_000 }
    );
    expect(status.status).toBe('active');
    expect(status.lastResult).toMatchObject({ outcome: 'applied' });
    expect(status.lastResult?.changedFields).not.toContain('profilePicture');
    // The sandbox logs the held write once it has applied it, after the client gave up.
    await eventually(async () => {
      const writes = (await profileWrites(phoneNumberId)).slice(writesBefore);
      expect(writes.map((write) => write.answered)).toEqual([false]);
    });
    expect(await deadLettersOf(link.linkId)).toEqual([]);

    // The next sync does not trust the unanswered write: it sends the picture again.
    await editPage(pageId, { description: 'After the lost answer.' });
    const next = await eventually(async () => {
      const current = await syncStatus(tenant, link.linkId);
      expect(current.lastResult?.picture?.outcome).toBe('applied');
      return current;
    });
    expect(next.lastResult?.changedFields).toEqual(['description', 'profilePicture']);
  });

  it('writes the text fields when the picture upload fails, and reports the picture on the link', async () => {
    // Prepare: a synced link whose Page then gets a new picture along with new text.
    const tenant = aTenant('sync-faults');
    const { link, pageId, phoneNumberId } = await linkWithSync(tenant);
    const oldPicture = (await profileOf(phoneNumberId)).profilePictureUrl;
    expect(oldPicture).toBeTruthy();
    await addFault({
      match: { method: 'POST', path: '/uploads$' },
      error: { status: 400, code: 100, message: '(#100) Invalid file' },
    });

    // Act
    await editPage(pageId, { description: 'Written without the picture.', picture: true });

    // Assess
    const status = await eventually(async () => {
      const current = await syncStatus(tenant, link.linkId);
      expect(current.lastResult?.picture?.outcome).toBe('failed');
      return current;
    });
    const profile = await profileOf(phoneNumberId);
    expect(profile.description).toBe('Written without the picture.');
    expect(profile.profilePictureUrl).toBe(oldPicture);
    expect(status.status).toBe('active');
    expect(status.lastResult).toMatchObject({ outcome: 'applied' });
    expect(status.lastResult?.picture?.reason).toMatch(/Invalid file/);
    expect(status.lastResult?.changedFields).not.toContain('profilePicture');
    expect(await deadLettersOf(link.linkId)).toEqual([]);
  });
});
