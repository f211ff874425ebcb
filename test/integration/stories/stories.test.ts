import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinkRepository } from '../../../functions/adapters/dynamodb/links.js';
import { createStoryOperationStore } from '../../../functions/adapters/dynamodb/story-operations.js';
import {
  createLocalMediaStore,
  LOCAL_MEDIA_PATH,
} from '../../../functions/adapters/media/local-store.js';
import { uploadKey } from '../../../functions/core/stories/uploads.js';
import { DEMO_STORIES_LOGIN_PERMISSIONS } from '../../../infra/local/meta-sandbox/src/seed.js';
import { sandboxUrl } from '../../helpers/sandbox.js';
import { api, awsClients, eventually, useSystem } from '../../helpers/system.js';
import { admin, clearFaults, fault, type Linked, linkedTenant } from '../ads/linked.js';
import { reconcileTenant } from '../reconcile/fixtures.js';

/**
 * Stories end to end: local gateway -> stories Lambdas -> DynamoDB Local, the sync queue and the
 * worker -> the Meta sandbox over HTTP. Every test has its own sandbox user, Page and Instagram
 * account, signed in with the stories configuration's permissions unless it says otherwise.
 */

const newKey = (): string => `story-${randomBytes(8).toString('hex')}`;
const photo = (type: 'jpg' | 'png' = 'jpg', bytes?: number): string =>
  sandboxUrl(
    `/_media/stories/${randomBytes(4).toString('hex')}.${type}${bytes ? `?bytes=${bytes}` : ''}`
  );

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers loosely, field by field
type Json = Record<string, any>;

const setConsent = async (linked: Linked, targets: { facebook: boolean; instagram: boolean }) => {
  const response = await api(`/links/${linked.linkId}/stories/consent`, {
    method: 'PUT',
    tenant: linked.tenant,
    body: { targets },
  });
  return { status: response.status, body: (await response.json()) as Json };
};

const postStory = async (
  linked: Linked,
  body: unknown,
  key: string | undefined = newKey()
): Promise<{ status: number; body: Json }> => {
  const response = await api(`/links/${linked.linkId}/stories`, {
    tenant: linked.tenant,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
  return { status: response.status, body: (await response.json()) as Json };
};

const storyOf = async (linked: Linked, ref: string): Promise<Json> => {
  const response = await api(`/links/${linked.linkId}/stories/${ref}`, { tenant: linked.tenant });
  return (await response.json()) as Json;
};

/** Waits until the story is no longer queued or in progress. */
const settled = (linked: Linked, ref: string, timeoutMs = 30_000): Promise<Json> =>
  eventually(
    async () => {
      const story = await storyOf(linked, ref);
      if (story.status === 'queued' || story.status === 'in_progress') {
        throw new Error(`still ${story.status}: ${JSON.stringify(story.targets)}`);
      }
      return story;
    },
    { timeoutMs }
  );

const instagramOf = async (linked: Linked) => {
  const page = await admin<{ instagram_account_id: string }>('GET', `/pages/${linked.pageId}`);
  return admin<{ id: string; published: unknown[] }>(
    'GET',
    `/instagram/${page.instagram_account_id}`
  );
};
const pageStories = async (linked: Linked) =>
  (await admin<{ stories: unknown[] }>('GET', `/pages/${linked.pageId}/stories`)).stories;

/** How many Graph calls the sandbox saw for the tenant's Page or Instagram account. */
const graphCallsFor = async (linked: Linked): Promise<number> => {
  const ig = await instagramOf(linked);
  const { requests } = await admin<{ requests: { path: string }[] }>('GET', '/requests');
  return requests.filter(
    (request) => request.path.includes(linked.pageId) || request.path.includes(ig.id)
  ).length;
};

/** The tenant's kept events of one type (GET /events), once the story job has published them. */
const eventsOfType = (linked: Linked, type: string, count: number): Promise<Json[]> =>
  eventually(async () => {
    const page = (await (await api('/events?limit=100', { tenant: linked.tenant })).json()) as Json;
    const found = page.items.filter((event: Json) => event.type === type);
    expect(found).toHaveLength(count);
    return found.map((event: Json) => event.data);
  });

const storiesTenant = () => linkedTenant({ ticked: DEMO_STORIES_LOGIN_PERMISSIONS });

afterEach(async () => {
  await clearFaults();
  await admin('POST', '/settings', {
    igQuotaTotal: 50,
    igQuotaDurationSeconds: 86_400,
    igContainerReadsUntilFinished: 0,
  });
});

describe('Stories: consent', () => {
  it('is off for every target until turned on, and refuses a story without calling Meta', async () => {
    const linked = await storiesTenant();
    const consent = await api(`/links/${linked.linkId}/stories/consent`, { tenant: linked.tenant });
    expect(await consent.json()).toMatchObject({
      targets: { facebook: false, instagram: false },
      history: [],
    });
    const before = await graphCallsFor(linked);

    const refused = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['facebook', 'instagram'],
    });

    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('story_consent_off');
    expect(await graphCallsFor(linked)).toBe(before);
  });

  it('records who turned which target on and when, and reads the Instagram account', async () => {
    const linked = await storiesTenant();

    const on = await setConsent(linked, { facebook: true, instagram: true });
    await setConsent(linked, { facebook: true, instagram: false });

    expect(on.status).toBe(200);
    expect(on.body.instagramAccountId).toMatch(/^\d+$/);
    expect(on.body.missingPermissions).toEqual([]);
    const now = (await (
      await api(`/links/${linked.linkId}/stories/consent`, { tenant: linked.tenant })
    ).json()) as Json;
    expect(now.targets).toEqual({ facebook: true, instagram: false });
    expect(now.history).toHaveLength(2);
    expect(now.history[0]).toMatchObject({
      by: expect.stringMatching(/.+/),
      targets: { instagram: true },
    });
    expect(Date.parse(now.history[1].at)).toBeGreaterThan(0);
  });

  it('answers a sign-in with the stories configuration when the grant lacks the permissions', async () => {
    const linked = await linkedTenant();

    const on = await setConsent(linked, { facebook: true, instagram: false });

    expect(on.status).toBe(200);
    expect(on.body.missingPermissions).toEqual(['pages_manage_posts']);
    expect(on.body.signIn.authorizeUrl).toContain('/oauth/begin?state=');
    const refused = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['facebook'],
    });
    expect(refused.body.error.code).toBe('story_permissions_missing');
  });

  it('turns Instagram on before the grant may read the account, and the stories sign-in reads it', async () => {
    const linked = await linkedTenant({ instagram: true });
    const link = async () =>
      (await (await api(`/links/${linked.linkId}`, { tenant: linked.tenant })).json()) as Json;
    expect((await link()).instagramAccountId).toBeUndefined();

    const on = await setConsent(linked, { facebook: false, instagram: true });

    expect(on.status).toBe(200);
    expect(on.body.missingPermissions).toEqual(['instagram_basic', 'instagram_content_publish']);
    expect(on.body.instagramAccountId).toBeUndefined();
  });

  it('refuses Instagram for a Page without an Instagram account (409)', async () => {
    const linked = await linkedTenant({ ticked: DEMO_STORIES_LOGIN_PERMISSIONS, instagram: false });

    const on = await setConsent(linked, { facebook: false, instagram: true });

    expect(on.status).toBe(409);
    expect(on.body.error.code).toBe('instagram_account_missing');
  });

  it('cancels a pending target whose consent is turned off before the job runs again', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    // The first attempt is throttled before Meta creates anything; the retry comes seconds later.
    await fault({
      match: { method: 'POST', path: '/media$' },
      rateLimit: { kind: 'user' },
      times: 1,
    });
    const ig = await instagramOf(linked);

    const posted = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['instagram'],
    });
    await eventually(async () => {
      const { requests } = await admin<{ requests: { method: string; path: string }[] }>(
        'GET',
        '/requests'
      );
      return requests.some(
        (request) => request.method === 'POST' && request.path.endsWith(`${ig.id}/media`)
      );
    });
    await setConsent(linked, { facebook: true, instagram: false });
    const story = await settled(linked, posted.body.operationId);

    expect(story.status).toBe('cancelled');
    expect(story.targets.instagram.error.code).toBe('consent_withdrawn');
    expect(ig.published).toHaveLength(0);
  });

  it('removes the consent and every story record when the link is unlinked', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    const posted = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['facebook'],
    });
    await settled(linked, posted.body.operationId);

    const unlinked = await api(`/links/${linked.linkId}`, {
      method: 'DELETE',
      tenant: linked.tenant,
    });

    expect(((await unlinked.json()) as Json).storyOperationsDeleted).toBe(1);
    const { documents } = awsClients();
    const { tables } = useSystem();
    expect(
      await createLinkRepository(documents, tables.links).get(linked.tenant, linked.linkId)
    ).toBeUndefined();
    expect(
      await createStoryOperationStore(documents, tables.idempotency).get(posted.body.operationId)
    ).toBeUndefined();
    const consent = await api(`/links/${linked.linkId}/stories/consent`, { tenant: linked.tenant });
    expect(consent.status).toBe(404);
  });
});

describe('Stories: the Instagram account on the link', () => {
  it('is read at link time and dropped by the reconciler when the Page loses it', async () => {
    const seeded = await storiesTenant();
    const ig = await instagramOf(seeded);
    // Link the Page again through POST /links, with the grant that holds instagram_basic.
    const links = createLinkRepository(awsClients().documents, useSystem().tables.links);
    const old = await links.get(seeded.tenant, seeded.linkId);
    if (!old) throw new Error('the seeded link is missing');
    await links.delete(old);
    const created = await api('/links', {
      tenant: seeded.tenant,
      body: { grantId: old.grantId, pageId: old.pageId, phoneNumberId: old.phoneNumberId },
    });
    const createdBody = (await created.json()) as Json;
    expect(created.status, JSON.stringify(createdBody)).toBe(201);
    expect(createdBody).toMatchObject({
      instagramAccountId: ig.id,
      instagramUsername: `ig_${old.pageId.slice(-6)}`,
    });
    const linked = { ...seeded, linkId: String(createdBody.linkId) };
    const link = async () =>
      (await (await api(`/links/${linked.linkId}`, { tenant: linked.tenant })).json()) as Json;
    await setConsent(linked, { facebook: true, instagram: true });
    await admin('PATCH', `/pages/${linked.pageId}`, { instagram_account_id: null });

    await reconcileTenant(linked.tenant);

    expect((await link()).instagramAccountId).toBeUndefined();
    const refused = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['instagram'],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('instagram_account_missing');
  });
});

describe('Stories: publishing', () => {
  it('publishes one photo to the Facebook and Instagram stories and records both ids', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    const key = newKey();

    const posted = await postStory(
      linked,
      { media: { type: 'photo', url: photo() }, targets: ['facebook', 'instagram'] },
      key
    );
    const story = await settled(linked, key);

    expect(posted.status).toBe(202);
    expect(posted.body.status).toBe('queued');
    expect(story.status).toBe('completed');
    expect(story.targets.facebook).toMatchObject({
      status: 'published',
      publishedId: expect.stringMatching(/^\d+_\d+$/),
    });
    expect(story.targets.instagram).toMatchObject({
      status: 'published',
      publishedId: expect.stringMatching(/^\d+$/),
    });
    expect(await pageStories(linked)).toHaveLength(1);
    expect((await instagramOf(linked)).published).toHaveLength(1);
    const list = (await (
      await api(`/links/${linked.linkId}/stories`, { tenant: linked.tenant })
    ).json()) as Json;
    expect(list.items.map((item: Json) => item.operationId)).toEqual([posted.body.operationId]);
    const published = await eventsOfType(linked, 'story.published', 2);
    expect(published.map((data) => data.target).sort()).toEqual(['facebook', 'instagram']);
    for (const data of published) {
      expect(data).toMatchObject({
        linkId: linked.linkId,
        operationId: posted.body.operationId,
        publishedId: story.targets[data.target].publishedId,
      });
    }
    expect(await eventsOfType(linked, 'story.failed', 0)).toEqual([]);
  });

  it('answers a replay with the same operation and posts nothing twice', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: false });
    const key = newKey();
    const body = { media: { type: 'photo', url: photo() }, targets: ['facebook'] };

    const first = await postStory(linked, body, key);
    await settled(linked, key);
    const again = await postStory(linked, body, key);
    const other = await postStory(linked, { ...body, media: { type: 'photo', url: photo() } }, key);

    expect(again.status).toBe(200);
    expect(again.body.operationId).toBe(first.body.operationId);
    expect(other.status).toBe(409);
    expect(await pageStories(linked)).toHaveLength(1);
  });

  it('says plainly that WhatsApp Status is not offered', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });

    const refused = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['facebook', 'whatsapp_status'],
    });

    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('whatsapp_status_not_offered');
    expect(refused.body.error.message).toMatch(/no API/);
  });

  it('refuses a photo Instagram cannot take before anything is stored (PNG, too large)', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });

    const png = await postStory(linked, {
      media: { type: 'photo', url: photo('png') },
      targets: ['instagram'],
    });
    const big = await postStory(linked, {
      media: { type: 'photo', url: photo('jpg', 5 * 1024 * 1024) },
      targets: ['facebook'],
    });

    expect(png.status).toBe(400);
    expect(png.body.error).toMatchObject({
      code: 'media_unusable',
      details: { target: 'instagram' },
    });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/at most 4194304 bytes/);
  });

  it('refuses a photo URL into private address space', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: false });

    const refused = await postStory(linked, {
      media: { type: 'photo', url: 'https://169.254.169.254/latest/meta-data' },
      targets: ['facebook'],
    });

    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('media_unusable');
  });

  it('records Meta’s refusal of one target without blocking the other', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    await fault({
      match: { method: 'POST', path: '/photo_stories$' },
      error: { status: 400, code: 100, message: '(#100) This photo was already used in a post.' },
      times: 1,
    });

    const posted = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['facebook', 'instagram'],
    });
    const story = await settled(linked, posted.body.operationId);

    expect(story.status).toBe('partial');
    expect(story.targets.facebook.status).toBe('failed');
    expect(story.targets.facebook.error.message).toMatch(/already used/);
    expect(story.targets.instagram.status).toBe('published');
    const [failed] = await eventsOfType(linked, 'story.failed', 1);
    expect(failed).toMatchObject({
      operationId: posted.body.operationId,
      target: 'facebook',
      code: story.targets.facebook.error.code,
      message: expect.stringMatching(/already used/),
    });
    const [published] = await eventsOfType(linked, 'story.published', 1);
    expect(published).toMatchObject({ target: 'instagram' });
  });

  it('resumes after a lost publish answer without a second Instagram story', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: false, instagram: true });
    // media_publish lands at Meta, but the answer never comes back (a crash between the two).
    await fault({ match: { method: 'POST', path: '/media_publish$' }, loseAnswer: true, times: 1 });

    const posted = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['instagram'],
    });
    const story = await settled(linked, posted.body.operationId, 45_000);

    expect(story.targets.instagram.status).toBe('published');
    expect((await instagramOf(linked)).published).toHaveLength(1);
  });

  it('resumes between container and publish: one container, one story', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: false, instagram: true });
    await fault({
      match: { method: 'POST', path: '/media_publish$' },
      dropConnection: true,
      times: 1,
    });

    const posted = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['instagram'],
    });
    const story = await settled(linked, posted.body.operationId, 45_000);

    expect(story.targets.instagram.status).toBe('published');
    const ig = await instagramOf(linked);
    expect(ig.published).toHaveLength(1);
    const { requests } = await admin<{ requests: { method: string; path: string }[] }>(
      'GET',
      '/requests'
    );
    expect(
      requests.filter(
        (request) => request.method === 'POST' && request.path.endsWith(`${ig.id}/media`)
      )
    ).toHaveLength(1);
  });

  it('adopts a Facebook story whose answer was lost instead of posting it again', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: false });
    await fault({ match: { method: 'POST', path: '/photo_stories$' }, loseAnswer: true, times: 1 });

    const posted = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['facebook'],
    });
    const story = await settled(linked, posted.body.operationId, 45_000);

    expect(story.targets.facebook.status).toBe('published');
    expect(await pageStories(linked)).toHaveLength(1);
  });

  it('polls a container that is still processing until it is FINISHED', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: false, instagram: true });
    await admin('POST', '/settings', { igContainerReadsUntilFinished: 2 });

    const posted = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['instagram'],
    });
    const story = await settled(linked, posted.body.operationId);

    expect(story.targets.instagram.status).toBe('published');
  });

  it('waits for Instagram’s publishing window instead of failing, with the quota read from Meta', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    await admin('POST', '/settings', { igQuotaTotal: 0, igQuotaDurationSeconds: 3 });

    const posted = await postStory(linked, {
      media: { type: 'photo', url: photo() },
      targets: ['facebook', 'instagram'],
    });
    const waiting = await eventually(async () => {
      const story = await storyOf(linked, posted.body.operationId);
      if (story.targets.instagram.status !== 'waiting_quota')
        throw new Error(JSON.stringify(story));
      return story;
    });
    await admin('POST', '/settings', { igQuotaTotal: 50 });
    const story = await settled(linked, posted.body.operationId, 45_000);

    expect(waiting.targets.facebook.status).toBe('published');
    expect(waiting.targets.instagram.resumeAt).toBeDefined();
    expect(story.status).toBe('completed');
    expect((await instagramOf(linked)).published).toHaveLength(1);
  });
});

const video = (shape: Record<string, string | number> = {}): string => {
  const query = new URLSearchParams(
    Object.entries({ seconds: 10, width: 1080, height: 1920, ...shape }).map(
      ([key, value]): [string, string] => [key, String(value)]
    )
  );
  return sandboxUrl(`/_media/stories/${randomBytes(4).toString('hex')}.mp4?${query}`);
};

describe('Stories: video', () => {
  it('publishes one video to the Facebook story (start, upload, finish) and to Instagram', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });

    const posted = await postStory(linked, {
      media: { type: 'video', url: video() },
      targets: ['facebook', 'instagram'],
    });
    const story = await settled(linked, posted.body.operationId);

    expect(posted.status).toBe(202);
    expect(story.status).toBe('completed');
    expect(story.media.type).toBe('video');
    expect(story.targets.facebook).toMatchObject({
      status: 'published',
      publishedId: expect.stringMatching(/^\d+_\d+$/),
    });
    expect(story.targets.instagram.status).toBe('published');
    expect(await pageStories(linked)).toEqual([
      { postId: story.targets.facebook.publishedId, videoId: expect.stringMatching(/^\d+$/) },
    ]);
    expect((await instagramOf(linked)).published).toHaveLength(1);
    const { requests } = await admin<{ requests: { method: string; path: string }[] }>(
      'GET',
      '/requests'
    );
    const mine = requests.filter((request) => request.path.includes(linked.pageId));
    expect(mine.filter((request) => request.path.endsWith('/video_stories'))).toHaveLength(2);
  });

  it.each([
    ['longer than 60 seconds, for Instagram', { seconds: 61 }, 'instagram', /3 to 60 seconds/],
    ['wider than 1920 pixels, for Instagram', { width: 2160, height: 3840 }, 'instagram', /1920/],
    ['longer than 60 seconds', { seconds: 75 }, 'facebook', /3 to 60 seconds/],
    ['shorter than 3 seconds', { seconds: 2 }, 'facebook', /3 to 60 seconds/],
    ['landscape, for Facebook', { width: 1920, height: 1080 }, 'facebook', /9:16/],
    ['below 540 x 960, for Facebook', { width: 360, height: 640 }, 'facebook', /540 x 960/],
  ])('refuses a video %s before anything is stored', async (_name, shape, target, message) => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    const before = await graphCallsFor(linked);

    const refused = await postStory(linked, {
      media: { type: 'video', url: video(shape) },
      targets: target === 'instagram' ? ['instagram'] : ['facebook', 'instagram'],
    });

    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('media_unusable');
    expect(refused.body.error.details.target).toBe(target);
    expect(refused.body.error.message).toMatch(message);
    expect(await graphCallsFor(linked)).toBe(before);
  });

  it('takes a landscape video for Instagram alone, and refuses a MOV for Facebook', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });

    const instagram = await postStory(linked, {
      media: { type: 'video', url: video({ width: 1920, height: 1080 }) },
      targets: ['instagram'],
    });
    const mov = await postStory(linked, {
      media: { type: 'video', url: video({ brand: 'qt' }) },
      targets: ['facebook'],
    });

    expect(instagram.status).toBe(202);
    expect((await settled(linked, instagram.body.operationId)).status).toBe('completed');
    expect(mov.status).toBe(400);
    expect(mov.body.error.message).toMatch(/MP4 videos, not MOV/);
  });

  it('refuses a file that is not a video, or one whose moov atom is not at the front', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: false });

    const photoAsVideo = await postStory(linked, {
      media: { type: 'video', url: photo() },
      targets: ['facebook'],
    });
    const notFaststart = await postStory(linked, {
      media: { type: 'video', url: video({ mdatFirst: 1 }) },
      targets: ['facebook'],
    });

    expect(photoAsVideo.status).toBe(400);
    expect(photoAsVideo.body.error.message).toMatch(/not an MP4 or MOV/);
    expect(notFaststart.status).toBe(400);
    expect(notFaststart.body.error.message).toMatch(/moov atom/);
  });

  it('records Meta’s refusal of the Facebook video without blocking Instagram', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    await fault({
      match: { method: 'POST', path: '/video_stories$' },
      error: { status: 400, code: 100, message: '(#100) This video was already used in a post.' },
      times: 1,
    });

    const posted = await postStory(linked, {
      media: { type: 'video', url: video() },
      targets: ['facebook', 'instagram'],
    });
    const story = await settled(linked, posted.body.operationId);

    expect(story.status).toBe('partial');
    expect(story.targets.facebook.error.message).toMatch(/already used/);
    expect(story.targets.instagram.status).toBe('published');
  });
});

/** Asks for an upload URL of the link. */
const newUpload = async (
  linked: Linked,
  body: { contentType: string; bytes: number }
): Promise<{ status: number; body: Json }> => {
  const response = await api(`/links/${linked.linkId}/stories/uploads`, {
    tenant: linked.tenant,
    body,
  });
  return { status: response.status, body: (await response.json()) as Json };
};

/** PUTs the bytes to an upload's URL with the headers it answered (or others). */
const putUpload = (upload: Json, bytes: Uint8Array, headers: Record<string, string> = {}) =>
  fetch(upload.uploadUrl, {
    method: 'PUT',
    headers: { ...upload.headers, ...headers },
    body: bytes,
  });

/** Uploads the sandbox's file at `url` and answers the upload. */
const uploaded = async (linked: Linked, url: string, contentType: string): Promise<Json> => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const upload = await newUpload(linked, { contentType, bytes: bytes.byteLength });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  const put = await putUpload(upload.body, bytes);
  expect(put.status, await put.text()).toBe(200);
  return upload.body;
};

describe('Stories: uploads', () => {
  it('publishes an uploaded photo to both stories, Meta fetching it from a signed URL', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    const upload = await uploaded(linked, photo('jpg', 4096), 'image/jpeg');

    const posted = await postStory(linked, {
      media: { type: 'photo', uploadId: upload.uploadId },
      targets: ['facebook', 'instagram'],
    });
    const story = await settled(linked, posted.body.operationId);

    expect(upload.uploadId).toMatch(/^upl_[0-9a-f]{32}\.jpg$/);
    expect(upload.uploadUrl).toContain('/_local/media/stories/');
    expect(upload.uploadUrl).not.toContain(linked.tenant);
    expect(posted.status, JSON.stringify(posted.body)).toBe(202);
    expect(posted.body.media).toEqual({ type: 'photo', uploadId: upload.uploadId });
    expect(story.status).toBe('completed');
    expect((await instagramOf(linked)).published).toHaveLength(1);
    expect(await pageStories(linked)).toHaveLength(1);
  });

  it('publishes an uploaded video of more than the gateway’s 10 MB body limit', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    const upload = await uploaded(linked, video({ bytes: 12 * 1024 * 1024 }), 'video/mp4');

    const posted = await postStory(linked, {
      media: { type: 'video', uploadId: upload.uploadId },
      targets: ['facebook', 'instagram'],
    });
    const story = await settled(linked, posted.body.operationId);

    expect(posted.status, JSON.stringify(posted.body)).toBe(202);
    expect(story.status, JSON.stringify(story.targets)).toBe('completed');
  });

  it('refuses a tampered URL, an expired one, and a PUT of another type or size', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: false });
    const bytes = new Uint8Array(2048).fill(1);
    const { body: upload } = await newUpload(linked, { contentType: 'image/jpeg', bytes: 2048 });
    const { MEDIA_LOCAL_URL, MEDIA_LOCAL_KEY } = useSystem().env;
    const tampered = new URL(upload.uploadUrl);
    tampered.searchParams.set('bytes', '4096');
    const longAgo = createLocalMediaStore(
      String(MEDIA_LOCAL_URL),
      Buffer.from(String(MEDIA_LOCAL_KEY), 'base64'),
      () => Date.now() - 3_600_000
    );
    const expired = await longAgo.presignPut(
      new URL(upload.uploadUrl).pathname.slice(LOCAL_MEDIA_PATH.length),
      {
        contentType: 'image/jpeg',
        bytes: 2048,
        expiresInSeconds: 900,
      }
    );

    const tamperedPut = await putUpload({ ...upload, uploadUrl: tampered.toString() }, bytes);
    const expiredPut = await putUpload({ ...upload, uploadUrl: expired.url }, bytes);
    const otherType = await putUpload(upload, bytes, { 'content-type': 'image/png' });
    const larger = await putUpload(upload, new Uint8Array(4096), { 'content-length': '4096' });

    expect(tamperedPut.status).toBe(403);
    expect(((await tamperedPut.json()) as Json).message).toMatch(/changed after it was signed/);
    expect(expiredPut.status).toBe(403);
    expect(((await expiredPut.json()) as Json).message).toMatch(/expired/);
    expect(otherType.status).toBe(403);
    expect(((await otherType.json()) as Json).message).toMatch(/uploads image\/jpeg/);
    expect(larger.status).toBe(413);
    const story = await postStory(linked, {
      media: { type: 'photo', uploadId: upload.uploadId },
      targets: ['facebook'],
    });
    // Nothing was stored by any of them.
    expect(story.status).toBe(404);
    expect(story.body.error.code).toBe('upload_not_found');
  });

  it('refuses an upload over Meta’s limit or of a type Meta does not take, with a clear 4xx', async () => {
    const linked = await storiesTenant();

    const tooLarge = await newUpload(linked, {
      contentType: 'video/mp4',
      bytes: 101 * 1024 * 1024,
    });
    const gif = await newUpload(linked, { contentType: 'image/gif', bytes: 100 });

    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toMatch(/at most 104857600 bytes/);
    expect(gif.status).toBe(400);
    expect(gif.body.error.details.issues[0].path).toBe('body.contentType');
  });

  it('refuses bytes that are not what the story needs, read from what was uploaded', async () => {
    const linked = await storiesTenant();
    await setConsent(linked, { facebook: true, instagram: true });
    // Declared and stored as a JPEG, but PNG bytes: Instagram takes JPEG only.
    const png = new Uint8Array(await (await fetch(photo('png'))).arrayBuffer());
    const { body: upload } = await newUpload(linked, {
      contentType: 'image/jpeg',
      bytes: png.byteLength,
    });
    await putUpload(upload, png);
    const before = await graphCallsFor(linked);

    const asVideo = await postStory(linked, {
      media: { type: 'video', uploadId: upload.uploadId },
      targets: ['facebook'],
    });
    const asPhoto = await postStory(linked, {
      media: { type: 'photo', uploadId: upload.uploadId },
      targets: ['instagram'],
    });

    expect(asVideo.status).toBe(415);
    expect(asPhoto.status).toBe(400);
    expect(asPhoto.body.error.code).toBe('media_unusable');
    expect(asPhoto.body.error.message).toMatch(/image\/png/);
    expect(await graphCallsFor(linked)).toBe(before);
  });

  it('answers 404 for another tenant’s upload and for one never uploaded', async () => {
    const owner = await storiesTenant();
    const other = await storiesTenant();
    await setConsent(other, { facebook: true, instagram: false });
    const upload = await uploaded(owner, photo('jpg'), 'image/jpeg');
    const { body: empty } = await newUpload(other, { contentType: 'image/jpeg', bytes: 100 });

    const theirs = await postStory(other, {
      media: { type: 'photo', uploadId: upload.uploadId },
      targets: ['facebook'],
    });
    const notYet = await postStory(other, {
      media: { type: 'photo', uploadId: empty.uploadId },
      targets: ['facebook'],
    });
    const elsewhere = await newUpload(
      { ...other, linkId: owner.linkId },
      {
        contentType: 'image/jpeg',
        bytes: 100,
      }
    );

    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('upload_not_found');
    expect(JSON.stringify(theirs.body)).not.toContain(owner.tenant);
    expect(notYet.status).toBe(404);
    expect(elsewhere.status).toBe(404);
  });

  it('removes the link’s uploads when the link is unlinked', async () => {
    const linked = await storiesTenant();
    const upload = await uploaded(linked, photo('jpg'), 'image/jpeg');
    const { MEDIA_LOCAL_URL, MEDIA_LOCAL_KEY } = useSystem().env;
    const store = createLocalMediaStore(
      String(MEDIA_LOCAL_URL),
      Buffer.from(String(MEDIA_LOCAL_KEY), 'base64')
    );
    const key = uploadKey(linked.tenant, linked.linkId, upload.uploadId);
    expect(await store.head(key)).toMatchObject({ bytes: 2048, contentType: 'image/jpeg' });

    const unlinked = await api(`/links/${linked.linkId}`, {
      method: 'DELETE',
      tenant: linked.tenant,
    });

    expect(unlinked.status).toBe(200);
    expect(await store.head(key)).toBeUndefined();
  });
});
