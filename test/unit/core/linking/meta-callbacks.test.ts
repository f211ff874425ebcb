import { describe, expect, it } from 'vitest';
import { createLink } from '../../../../functions/core/linking/links.js';
import {
  getDeletionStatus,
  handleDeauthorize,
  requestDataDeletion,
} from '../../../../functions/core/linking/meta-callbacks.js';
import { signRequest } from '../../../../functions/core/meta-signed-request.js';
import { META_USER, makeDeps, NUMBER, OTHER_NUMBER, OTHER_PAGE, PAGE, signedIn } from './fakes.js';

type Deps = ReturnType<typeof makeDeps>['deps'];

/** A signed_request as Meta sends it now (issued a few seconds before the deps' clock). */
const signedNow = (deps: Deps, secret = deps.appSecret, fields: Record<string, unknown> = {}) =>
  signRequest(
    {
      algorithm: 'HMAC-SHA256',
      user_id: META_USER,
      issued_at: Math.floor(deps.clock.now().getTime() / 1000) - 2,
      ...fields,
    },
    secret
  );

const linkIn = async (deps: Deps, tenantId: string, pageId: string, phoneNumberId: string) => {
  const result = await signedIn(deps, tenantId);
  return createLink(deps, tenantId, { grantId: result.grant.grantId, pageId, phoneNumberId });
};

describe('Function: handleDeauthorize', () => {
  it('deletes the Meta user’s links and grants in every tenant', async () => {
    // Prepare
    const { deps, grantItems } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    await linkIn(deps, 'tenant-b', OTHER_PAGE.id, OTHER_NUMBER.id);
    const signed = signedNow(deps);

    // Act
    const result = await handleDeauthorize(deps, signed);

    // Assess
    expect(result).toEqual({
      deletedLinks: 2,
      deletedGrants: 2,
      deletedAdOperations: 0,
      deletedStoryOperations: 0,
      replayed: false,
    });
    expect(deps.links.items.size).toBe(0);
    expect(grantItems.size).toBe(0);
    const taken = await deps.links.taken([PAGE.id], [NUMBER.id]);
    expect(taken.pageIds.size + taken.phoneNumberIds.size).toBe(0);
  });

  it('refuses a request signed with another secret and deletes nothing', async () => {
    // Prepare
    const { deps } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const forged = signedNow(deps, 'not-the-secret');

    // Act
    const refused = handleDeauthorize(deps, forged);

    // Assess
    await expect(refused).rejects.toMatchObject({ code: 'signed_request_invalid' });
    expect(deps.links.items.size).toBe(1);
  });

  it('answers a repeat of the same request from the first, deleting nothing linked since', async () => {
    // Prepare
    const { deps } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const signed = signedNow(deps);
    await handleDeauthorize(deps, signed);
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);

    // Act
    const again = await handleDeauthorize(deps, signed);

    // Assess
    expect(again).toEqual({
      deletedLinks: 1,
      deletedGrants: 1,
      deletedAdOperations: 0,
      deletedStoryOperations: 0,
      replayed: true,
    });
    expect(deps.links.items.size).toBe(1);
  });

  it('refuses a request older than the window and deletes nothing', async () => {
    // Prepare
    const { deps } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const stale = signedNow(deps, deps.appSecret, {
      issued_at: Math.floor(deps.clock.now().getTime() / 1000) - 2 * 3600,
    });

    // Act
    const refused = handleDeauthorize(deps, stale);

    // Assess
    await expect(refused).rejects.toMatchObject({ code: 'signed_request_expired' });
    expect(deps.links.items.size).toBe(1);
  });

  it('carries out a request again when its first attempt died before finishing', async () => {
    // Prepare: the first delivery claimed the request, then its function died.
    const { deps, callbackItems } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const signed = signedNow(deps);
    await handleDeauthorize(deps, signed);
    for (const record of callbackItems.values()) delete record.result;
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);

    // Act
    const again = await handleDeauthorize(deps, signed);

    // Assess
    expect(again).toMatchObject({ deletedLinks: 1, replayed: false });
    expect(deps.links.items.size).toBe(0);
  });
});

describe('Function: requestDataDeletion', () => {
  it('deletes the user’s data, ad and story operations and statistics included, and answers a status URL with its confirmation code', async () => {
    // Prepare
    const { deps, adOperations, storyOperations, storyUploads, messageStats } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const signed = signedNow(deps);

    const linkId = [...deps.links.items.values()][0]?.linkId ?? '';
    adOperations.byLink.set(`tenant-a/${linkId}`, 3);
    storyOperations.byLink.set(`tenant-a/${linkId}`, 2);
    storyUploads.byLink.set(`tenant-a/${linkId}`, 1);
    messageStats.byLink.set(`tenant-a/${linkId}`, 30);

    // Act
    const answer = await requestDataDeletion(deps, signed);

    // Assess
    expect(adOperations.byLink.size).toBe(0);
    expect(storyOperations.byLink.size).toBe(0);
    expect(storyUploads.byLink.size).toBe(0);
    expect(messageStats.byLink.size).toBe(0);
    expect(answer.url).toBe(
      `https://api.tandem.example/meta/data-deletion/${answer.confirmation_code}`
    );
    expect(answer.confirmation_code).toMatch(/^[0-9a-f]{32}$/);
    expect(deps.links.items.size).toBe(0);
    expect(await getDeletionStatus(deps, answer.confirmation_code)).toMatchObject({
      status: 'completed',
      deletedLinks: 1,
      deletedGrants: 1,
      deletedAdOperations: 3,
      deletedStoryOperations: 2,
    });
  });

  it('gives a repeat of the same request the same answer and deletes nothing new', async () => {
    // Prepare
    const { deps } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const signed = signedNow(deps);
    const first = await requestDataDeletion(deps, signed);
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);

    // Act
    const again = await requestDataDeletion(deps, signed);

    // Assess
    expect(again).toEqual(first);
    expect(deps.links.items.size).toBe(1);
  });

  it('refuses a request without issued_at, whose age cannot be told', async () => {
    // Prepare
    const { deps } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const undated = signedNow(deps, deps.appSecret, { issued_at: undefined });

    // Act
    const refused = requestDataDeletion(deps, undated);

    // Assess
    await expect(refused).rejects.toMatchObject({ code: 'signed_request_invalid' });
    expect(deps.links.items.size).toBe(1);
  });
});

describe('Function: getDeletionStatus', () => {
  it('answers 404 for an unknown code', async () => {
    // Prepare
    const { deps } = makeDeps();

    // Act
    const unknown = getDeletionStatus(deps, 'f'.repeat(32));

    // Assess
    await expect(unknown).rejects.toMatchObject({ code: 'deletion_request_not_found' });
  });
});
