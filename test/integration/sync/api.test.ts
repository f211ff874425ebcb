import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually } from '../../helpers/system.js';
import { aTenant } from '../linking/journey.js';
import {
  addFault,
  admin,
  clearFaults,
  deadLettersOf,
  editPage,
  editWhatsApp,
  linkWithSync,
  profileOf,
  syncStatus,
} from './helpers.js';

/** Sync now, pauses on direct WhatsApp edits, explicit resume, and the API's refusals. */

const pausedFor = async (tenant: string, linkId: string, reason: string) =>
  eventually(async () => {
    const status = await syncStatus(tenant, linkId);
    expect(status.pause?.reason).toBe(reason);
    return status;
  });

/** A link synced once, then edited directly on WhatsApp and paused by the next Page change. */
const pausedByDirectEdit = async (tenant: string) => {
  const linked = await linkWithSync(tenant);
  await editPage(linked.pageId, { description: 'Baked every morning.' });
  // The first sync is done once the picture, written after the text fields, is there too.
  await eventually(async () => {
    const profile = await profileOf(linked.phoneNumberId);
    expect(profile.description).toBe('Baked every morning.');
    expect(profile.profilePictureUrl).toBeTruthy();
  });
  await editWhatsApp(linked.phoneNumberId, { about: 'Closed for the holidays' });
  await editPage(linked.pageId, { description: 'Baked every morning, since 1982.' });
  // The run pauses the link, then records its result: wait for both.
  const status = await eventually(async () => {
    const paused = await syncStatus(tenant, linked.link.linkId);
    expect(paused.pause?.reason).toBe('local_override');
    expect(paused.lastResult?.outcome).toBe('paused');
    return paused;
  });
  return { ...linked, status };
};

describe('Sync API', () => {
  afterEach(async () => {
    await clearFaults();
  });

  it('pauses with local_override and records the differing fields', async () => {
    // Prepare
    const tenant = aTenant('sync-api');

    // Act
    const { status, phoneNumberId, link } = await pausedByDirectEdit(tenant);

    // Assess
    expect(status.status).toBe('paused');
    expect(status.pause?.details).toEqual({
      fields: [{ field: 'about', expected: expect.any(String), actual: 'Closed for the holidays' }],
    });
    expect(status.lastResult).toMatchObject({
      outcome: 'paused',
      reason: expect.stringContaining('about'),
    });
    const profile = await profileOf(phoneNumberId);
    expect(profile.about).toBe('Closed for the holidays');
    expect(profile.description).toBe('Baked every morning.');
    const linkView = (await (await api(`/links/${link.linkId}`, { tenant })).json()) as {
      status: string;
      pause: { reason: string };
    };
    expect(linkView.pause.reason).toBe('local_override');
  });

  it('resumes with overwrite: the Page values replace the direct edits', async () => {
    // Prepare
    const tenant = aTenant('sync-api');
    const { link, phoneNumberId, status } = await pausedByDirectEdit(tenant);
    const diffs = (status.pause?.details?.fields ?? []) as { expected: string }[];
    const pageAbout = diffs[0]?.expected;

    // Act
    const response = await api(`/links/${link.linkId}/resume`, {
      tenant,
      body: { overwrite: true },
    });

    // Assess
    expect(response.status).toBe(202);
    const body = (await response.json()) as { jobId: string; link: { status: string } };
    expect(body.jobId).toMatch(/^job_[0-9a-f]{32}$/);
    expect(body.link.status).toBe('active');
    await eventually(async () => {
      const profile = await profileOf(phoneNumberId);
      expect(profile.about).toBe(pageAbout);
      expect(profile.description).toBe('Baked every morning, since 1982.');
    });
    expect((await syncStatus(tenant, link.linkId)).status).toBe('active');
  });

  it('resumes without overwrite: the edited fields leave sync and keep their WhatsApp values', async () => {
    // Prepare
    const tenant = aTenant('sync-api');
    const { link, phoneNumberId } = await pausedByDirectEdit(tenant);

    // Act
    const response = await api(`/links/${link.linkId}/resume`, {
      tenant,
      body: { overwrite: false },
    });

    // Assess
    expect(response.status).toBe(202);
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).description).toBe('Baked every morning, since 1982.')
    );
    const status = await syncStatus(tenant, link.linkId);
    expect(status.status).toBe('active');
    expect(status.fields.about).toBe(false);
    expect((await profileOf(phoneNumberId)).about).toBe('Closed for the holidays');
  });

  it('syncs now on request and answers 202 with the job id', async () => {
    // Prepare
    const tenant = aTenant('sync-api');
    const { link, phoneNumberId } = await linkWithSync(tenant);
    // `about` changes fire no webhook: only a sync that reads the Page carries it over.
    await admin('PATCH', `/pages/${link.pageId}`, { about: 'Now open on Sundays.' });

    // Act
    const response = await api(`/links/${link.linkId}/sync`, { tenant, method: 'POST' });

    // Assess
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({
      jobId: expect.stringMatching(/^job_/),
      linkId: link.linkId,
    });
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).about).toBe('Now open on Sundays.')
    );
    expect((await syncStatus(tenant, link.linkId)).lastResult?.trigger).toBe('manual');
  });

  it('answers 429 with Retry-After once one link has its syncs for the minute, and keeps other links going', async () => {
    // Prepare
    const tenant = aTenant('sync-quota');
    const { link } = await linkWithSync(tenant);
    const other = await linkWithSync(tenant);

    // Act
    const answers = [];
    for (let request = 0; request < 7; request += 1) {
      answers.push(await api(`/links/${link.linkId}/sync`, { tenant, method: 'POST' }));
    }
    const otherLink = await api(`/links/${other.link.linkId}/sync`, { tenant, method: 'POST' });

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202, 202, 429]);
    const refused = answers[6] as Response;
    const seconds = Number(refused.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
      code: 'quota_exceeded',
      limit: 'link_sync_requests',
      details: { quota: 'link_sync_requests', limit: 6, windowSeconds: 60 },
    });
    expect(otherLink.status).toBe(202);
  });

  it('refuses sync now while sync is off or the link is paused, saying why', async () => {
    // Prepare
    const tenant = aTenant('sync-api');
    const off = await linkWithSync(tenant, { enabled: false });
    const paused = await linkWithSync(tenant);
    await addFault({
      match: { method: 'POST', path: 'whatsapp_business_profile$' },
      error: { status: 400, code: 190 },
    });
    await editPage(paused.pageId, { description: 'Trips the token fault.' });
    await pausedFor(tenant, paused.link.linkId, 'token_invalid');

    // Act
    const whileOff = await api(`/links/${off.link.linkId}/sync`, { tenant, method: 'POST' });
    const whilePaused = await api(`/links/${paused.link.linkId}/sync`, { tenant, method: 'POST' });
    const resumeToken = await api(`/links/${paused.link.linkId}/resume`, {
      tenant,
      body: { overwrite: true },
    });
    const resumeActive = await api(`/links/${off.link.linkId}/resume`, {
      tenant,
      body: { overwrite: true },
    });

    // Assess
    expect(whileOff.status).toBe(409);
    expect(await whileOff.json()).toMatchObject({ error: { code: 'sync_disabled' } });
    expect(whilePaused.status).toBe(409);
    expect(await whilePaused.json()).toMatchObject({
      error: { code: 'link_paused', message: expect.stringContaining('re-link') },
    });
    expect(resumeToken.status).toBe(409);
    expect(await resumeToken.json()).toMatchObject({ error: { code: 'relink_required' } });
    expect(resumeActive.status).toBe(409);
    expect(await resumeActive.json()).toMatchObject({ error: { code: 'not_paused' } });
    expect(await deadLettersOf(paused.link.linkId)).toEqual([]);
  });

  it("answers 404 for another tenant's link on every sync route", async () => {
    // Prepare
    const owner = aTenant('sync-api');
    const { link } = await linkWithSync(owner);
    const stranger = aTenant('sync-api-other');

    // Act
    const responses = await Promise.all([
      api(`/links/${link.linkId}/sync`, { tenant: stranger }),
      api(`/links/${link.linkId}/sync`, { tenant: stranger, method: 'POST' }),
      api(`/links/${link.linkId}/resume`, { tenant: stranger, body: { overwrite: true } }),
    ]);

    // Assess
    expect(responses.map((response) => response.status)).toEqual([404, 404, 404]);
    for (const response of responses) {
      expect(await response.json()).toMatchObject({ error: { code: 'link_not_found' } });
    }
  });

  it('refuses malformed, oversized and unauthenticated requests with clear 4xx answers', async () => {
    // Prepare
    const tenant = aTenant('sync-api');
    const { link } = await linkWithSync(tenant);
    const resume = `/links/${link.linkId}/resume`;

    // Act
    const badId = await api('/links/not-a-link/sync', { tenant });
    const notBoolean = await api(resume, { tenant, body: { overwrite: 'yes' } });
    const extra = await api(resume, { tenant, body: { overwrite: true, force: true } });
    const notJson = await api(resume, {
      tenant,
      body: '{"overwrite":',
      headers: { 'content-type': 'application/json' },
    });
    const tooBig = await api(resume, { tenant, body: { overwrite: true, pad: 'x'.repeat(4096) } });
    const badIfMatch = await api(resume, {
      tenant,
      body: { overwrite: true },
      headers: { 'if-match': 'yesterday' },
    });
    const anonymous = await api(`/links/${link.linkId}/sync`, { method: 'POST' });

    // Assess
    expect(badId.status).toBe(400);
    expect(notBoolean.status).toBe(400);
    expect(await notBoolean.json()).toMatchObject({
      error: { code: 'invalid_request', message: expect.stringContaining('overwrite') },
    });
    expect(extra.status).toBe(400);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'malformed_json' } });
    expect(tooBig.status).toBe(413);
    expect(badIfMatch.status).toBe(400);
    expect(anonymous.status).toBe(401);
  });
});
