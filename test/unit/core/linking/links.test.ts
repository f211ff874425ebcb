import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from '../../../../functions/core/errors.js';
import {
  createLink,
  getLink,
  listLinks,
  unlink,
  updateLink,
} from '../../../../functions/core/linking/links.js';
import {
  PAGE_WEBHOOK_FIELDS,
  SHARD_COUNT,
  shardOf,
} from '../../../../functions/core/linking/model.js';
import {
  META_USER,
  makeDeps,
  must,
  NUMBER,
  OTHER_NUMBER,
  OTHER_PAGE,
  PAGE,
  signedIn,
  WABA,
} from './fakes.js';

type Deps = ReturnType<typeof makeDeps>['deps'];

/** Signs tenant in through the fakes and returns the grant id. */
const signIn = async (deps: Deps, tenantId: string): Promise<string> =>
  (await signedIn(deps, tenantId)).grant.grantId;

const linkFirstPair = async (deps: Deps, tenantId = 'tenant-a') => {
  const grantId = await signIn(deps, tenantId);
  const link = await createLink(deps, tenantId, {
    grantId,
    pageId: PAGE.id,
    phoneNumberId: NUMBER.id,
  });
  return { grantId, link };
};

describe('Function: createLink', () => {
  it('links a reachable Page and number, active, with sync off and hours flagged', async () => {
    // Prepare
    const { deps, grantItems } = makeDeps();
    const grantId = await signIn(deps, 'tenant-a');

    // Act
    const link = await createLink(deps, 'tenant-a', {
      grantId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Assess
    expect(link).toMatchObject({
      tenantId: 'tenant-a',
      grantId,
      metaUserId: META_USER,
      pageId: PAGE.id,
      pageName: PAGE.name,
      wabaId: WABA,
      phoneNumberId: NUMBER.id,
      displayPhoneNumber: NUMBER.displayPhoneNumber,
      status: 'active',
      version: 1,
      sync: { enabled: false, fields: { about: true, profilePicture: true } },
    });
    expect(link.unsupported.map((field) => field.field)).toEqual(['hours']);
    expect(must(grantItems.get(`tenant-a/${grantId}`)).linkCount).toBe(1);
  });

  it('reads the Page’s Instagram account at link time when the grant may (instagram_basic)', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    meta.info.scopes = [...meta.info.scopes, 'instagram_basic'];
    meta.instagram.set(PAGE.id, { id: '17841400000000001', username: 'bluebakery' });

    // Act
    const { link } = await linkFirstPair(deps);

    // Assess
    expect(link).toMatchObject({
      instagramAccountId: '17841400000000001',
      instagramUsername: 'bluebakery',
    });
  });

  it('does not ask Meta for the Instagram account when the grant lacks instagram_basic', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    meta.instagram.set(PAGE.id, { id: '17841400000000001' });

    // Act
    const { link } = await linkFirstPair(deps);

    // Assess
    expect(meta.instagramReads).toEqual([]);
    expect(link.instagramAccountId).toBeUndefined();
  });

  it('answers 409 when the Page is already linked', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { grantId } = await linkFirstPair(deps);

    // Act
    const again = createLink(deps, 'tenant-a', {
      grantId,
      pageId: PAGE.id,
      phoneNumberId: OTHER_NUMBER.id,
    });

    // Assess
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ code: 'page_already_linked' });
  });

  it('answers 409 when the number is already linked, whoever linked it', async () => {
    // Prepare
    const { deps } = makeDeps();
    await linkFirstPair(deps, 'tenant-a');
    const otherGrant = await signIn(deps, 'tenant-b');

    // Act
    const again = createLink(deps, 'tenant-b', {
      grantId: otherGrant,
      pageId: OTHER_PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Assess
    await expect(again).rejects.toMatchObject({ code: 'phone_number_already_linked' });
  });

  it('refuses a Page the grant does not reach, before revealing whether it is linked', async () => {
    // Prepare
    const { deps } = makeDeps();
    const grantId = await signIn(deps, 'tenant-a');

    // Act
    const unreachable = createLink(deps, 'tenant-a', {
      grantId,
      pageId: '123456',
      phoneNumberId: NUMBER.id,
    });

    // Assess
    await expect(unreachable).rejects.toBeInstanceOf(NotFoundError);
    await expect(unreachable).rejects.toMatchObject({ code: 'page_not_reachable' });
  });

  it('refuses a number outside the grant’s WhatsApp accounts', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    meta.numbers.push({ id: '300000000000009', wabaId: '999', displayPhoneNumber: '+1 555 0199' });
    const grantId = await signIn(deps, 'tenant-a');

    // Act
    const unreachable = createLink(deps, 'tenant-a', {
      grantId,
      pageId: PAGE.id,
      phoneNumberId: '300000000000009',
    });

    // Assess
    await expect(unreachable).rejects.toMatchObject({ code: 'phone_number_not_reachable' });
  });

  it('answers 404 for another tenant’s grant', async () => {
    // Prepare
    const { deps } = makeDeps();
    const grantId = await signIn(deps, 'tenant-a');

    // Act
    const foreign = createLink(deps, 'tenant-b', {
      grantId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Assess
    await expect(foreign).rejects.toMatchObject({ code: 'grant_not_found' });
  });
});

describe('Function: getLink', () => {
  it('answers 404 for another tenant’s link', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { link } = await linkFirstPair(deps);

    // Act
    const foreign = getLink(deps, 'tenant-b', link.linkId);

    // Assess
    await expect(foreign).rejects.toMatchObject({ code: 'link_not_found' });
  });
});

describe('Function: listLinks', () => {
  it('lists only the tenant’s links', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { link } = await linkFirstPair(deps, 'tenant-a');

    // Act
    const mine = await listLinks(deps, 'tenant-a', { limit: 10 });
    const theirs = await listLinks(deps, 'tenant-b', { limit: 10 });

    // Assess
    expect(mine.items.map((item) => item.linkId)).toEqual([link.linkId]);
    expect(theirs.items).toEqual([]);
  });
});

describe('Function: updateLink', () => {
  it('turns sync on and opts a field out, bumping the version', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { link } = await linkFirstPair(deps);

    // Act
    const { link: updated, before } = await updateLink(deps, 'tenant-a', link.linkId, {
      expectedVersion: 1,
      sync: { enabled: true, fields: { email: false } },
    });

    // Assess
    expect(updated.version).toBe(2);
    expect(updated.sync.enabled).toBe(true);
    expect(updated.sync.fields).toMatchObject({ email: false, about: true });
    expect(await getLink(deps, 'tenant-a', link.linkId)).toEqual(updated);
    expect(before.sync.enabled).toBe(false);
  });

  it('refuses a stale version', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { link } = await linkFirstPair(deps);
    await updateLink(deps, 'tenant-a', link.linkId, { sync: { enabled: true } });

    // Act
    const stale = updateLink(deps, 'tenant-a', link.linkId, {
      expectedVersion: 1,
      sync: { enabled: false },
    });

    // Assess
    await expect(stale).rejects.toMatchObject({
      code: 'version_mismatch',
      details: { currentVersion: 2 },
    });
  });

  it('refuses an update that changes nothing', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { link } = await linkFirstPair(deps);

    // Act
    const empty = updateLink(deps, 'tenant-a', link.linkId, { sync: {} });

    // Assess
    await expect(empty).rejects.toBeInstanceOf(ValidationError);
  });

  it('answers 404 for another tenant’s link', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { link } = await linkFirstPair(deps);

    // Act
    const foreign = updateLink(deps, 'tenant-b', link.linkId, { sync: { enabled: true } });

    // Assess
    await expect(foreign).rejects.toMatchObject({ code: 'link_not_found' });
  });
});

describe('Function: createLink (Page webhooks)', () => {
  it("subscribes the Page to the webhook fields sync reads, as Meta delivers only a Page's subscribed fields", async () => {
    // Prepare
    const { deps, meta } = makeDeps();

    // Act
    const { link } = await linkFirstPair(deps);

    // Assess
    expect(meta.subscriptions.get(PAGE.id)).toEqual([...PAGE_WEBHOOK_FIELDS]);
    expect(link.webhooks).toEqual({ subscribed: true });
  });

  it('links all the same when Meta refuses the subscription, and says the reconciler will retry it', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    meta.failSubscribe = new UpstreamError('Meta is down', true);

    // Act
    const { link } = await linkFirstPair(deps);

    // Assess
    expect(await getLink(deps, 'tenant-a', link.linkId)).toMatchObject({ linkId: link.linkId });
    expect(link.webhooks).toEqual({
      subscribed: false,
      reason: expect.stringContaining('reconcile'),
    });
  });
});

describe('Function: unlink', () => {
  it('removes the last link, unsubscribes the Page, deletes its ad and story operations and statistics, revokes and deletes the grant', async () => {
    // Prepare
    const { deps, meta, grantItems, adOperations, storyOperations, storyUploads, messageStats } =
      makeDeps();
    const { grantId, link } = await linkFirstPair(deps);
    adOperations.byLink.set(`tenant-a/${link.linkId}`, 2);
    storyOperations.byLink.set(`tenant-a/${link.linkId}`, 3);
    storyUploads.byLink.set(`tenant-a/${link.linkId}`, 1);
    messageStats.byLink.set(`tenant-a/${link.linkId}`, 30);

    // Act
    const result = await unlink(deps, 'tenant-a', link.linkId);

    // Assess
    expect(result).toEqual({
      linkId: link.linkId,
      grantDeleted: true,
      revocation: 'revoked',
      webhooks: 'unsubscribed',
      wabaWebhooks: 'unsubscribed',
      adOperationsDeleted: 2,
      storyOperationsDeleted: 3,
    });
    expect(meta.subscriptions.has(PAGE.id)).toBe(false);
    expect(meta.wabaSubscriptions.has(WABA)).toBe(false);
    expect(adOperations.byLink.size).toBe(0);
    expect(storyOperations.byLink.size).toBe(0);
    expect(storyUploads.byLink.size).toBe(0);
    expect(messageStats.byLink.size).toBe(0);
    expect(meta.revoked).toEqual([META_USER]);
    expect(grantItems.has(`tenant-a/${grantId}`)).toBe(false);
    await expect(getLink(deps, 'tenant-a', link.linkId)).rejects.toBeInstanceOf(NotFoundError);
    const relinked = await createLink(deps, 'tenant-a', {
      grantId: await signIn(deps, 'tenant-a'),
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });
    expect(relinked.pageId).toBe(PAGE.id);
  });

  it('keeps the grant and permissions while another link uses them', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    const { grantId, link } = await linkFirstPair(deps);
    await createLink(deps, 'tenant-a', {
      grantId,
      pageId: OTHER_PAGE.id,
      phoneNumberId: OTHER_NUMBER.id,
    });

    // Act
    const result = await unlink(deps, 'tenant-a', link.linkId);

    // Assess
    expect(result).toMatchObject({ grantDeleted: false, revocation: 'not_needed' });
    expect(meta.revoked).toEqual([]);
    expect(must(grantItems.get(`tenant-a/${grantId}`)).linkCount).toBe(1);
  });

  it('does not revoke while the Meta user still has a link in another tenant', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    const { link } = await linkFirstPair(deps, 'tenant-a');
    await createLink(deps, 'tenant-b', {
      grantId: await signIn(deps, 'tenant-b'),
      pageId: OTHER_PAGE.id,
      phoneNumberId: OTHER_NUMBER.id,
    });

    // Act
    const result = await unlink(deps, 'tenant-a', link.linkId);

    // Assess
    expect(result).toMatchObject({ grantDeleted: true, revocation: 'not_needed' });
    expect(meta.revoked).toEqual([]);
  });

  it('deletes the tokens even when Meta refuses the revocation', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    meta.failRevoke = true;
    const { grantId, link } = await linkFirstPair(deps);

    // Act
    const result = await unlink(deps, 'tenant-a', link.linkId);

    // Assess
    expect(result).toMatchObject({ grantDeleted: true, revocation: 'failed' });
    expect(grantItems.has(`tenant-a/${grantId}`)).toBe(false);
  });

  it('answers 404 for another tenant’s link and leaves it alone', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { link } = await linkFirstPair(deps);

    // Act
    const foreign = unlink(deps, 'tenant-b', link.linkId);

    // Assess
    await expect(foreign).rejects.toMatchObject({ code: 'link_not_found' });
    expect((await getLink(deps, 'tenant-a', link.linkId)).linkId).toBe(link.linkId);
  });
});

describe('Function: shardOf', () => {
  it('spreads link ids over every shard, stably', () => {
    // Prepare
    const ids = Array.from({ length: 2000 }, (_, i) => `lnk_${i.toString(16).padStart(32, '0')}`);

    // Act
    const shards = new Set(ids.map(shardOf));

    // Assess
    expect(shards.size).toBe(SHARD_COUNT);
    expect(shardOf(must(ids[7]))).toBe(shardOf(must(ids[7])));
  });
});
