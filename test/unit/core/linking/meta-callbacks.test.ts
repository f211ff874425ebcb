import { describe, expect, it } from 'vitest';
import { createLink } from '../../../../functions/core/linking/links.js';
import {
  getDeletionStatus,
  handleDeauthorize,
  requestDataDeletion,
} from '../../../../functions/core/linking/meta-callbacks.js';
import { completeAuthorization, startLinking } from '../../../../functions/core/linking/oauth.js';
import { signRequest } from '../../../../functions/core/meta-signed-request.js';
import { META_USER, makeDeps, NUMBER, OTHER_NUMBER, OTHER_PAGE, PAGE } from './fakes.js';

type Deps = ReturnType<typeof makeDeps>['deps'];

const linkIn = async (deps: Deps, tenantId: string, pageId: string, phoneNumberId: string) => {
  const { authorizeUrl } = await startLinking(deps, tenantId);
  const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
  const result = await completeAuthorization(deps, { state, code: `code-${tenantId}` });
  if (result.kind !== 'choose') throw new Error('sign-in failed');
  return createLink(deps, tenantId, { grantId: result.grant.grantId, pageId, phoneNumberId });
};

describe('Function: handleDeauthorize', () => {
  it('deletes the Meta user’s links and grants in every tenant', async () => {
    // Prepare
    const { deps, grantItems } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    await linkIn(deps, 'tenant-b', OTHER_PAGE.id, OTHER_NUMBER.id);
    const signed = signRequest({ algorithm: 'HMAC-SHA256', user_id: META_USER }, deps.appSecret);

    // Act
    const result = await handleDeauthorize(deps, signed);

    // Assess
    expect(result).toEqual({ deletedLinks: 2, deletedGrants: 2, deletedAdOperations: 0 });
    expect(deps.links.items.size).toBe(0);
    expect(grantItems.size).toBe(0);
    const taken = await deps.links.taken([PAGE.id], [NUMBER.id]);
    expect(taken.pageIds.size + taken.phoneNumberIds.size).toBe(0);
  });

  it('refuses a request signed with another secret and deletes nothing', async () => {
    // Prepare
    const { deps } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const forged = signRequest({ algorithm: 'HMAC-SHA256', user_id: META_USER }, 'not-the-secret');

    // Act
    const refused = handleDeauthorize(deps, forged);

    // Assess
    await expect(refused).rejects.toMatchObject({ code: 'signed_request_invalid' });
    expect(deps.links.items.size).toBe(1);
  });

  it('is harmless when Meta calls again', async () => {
    // Prepare
    const { deps } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const signed = signRequest({ algorithm: 'HMAC-SHA256', user_id: META_USER }, deps.appSecret);
    await handleDeauthorize(deps, signed);

    // Act
    const again = await handleDeauthorize(deps, signed);

    // Assess
    expect(again).toEqual({ deletedLinks: 0, deletedGrants: 0, deletedAdOperations: 0 });
  });
});

describe('Function: requestDataDeletion', () => {
  it('deletes the user’s data, ad operations included, and answers a status URL with its confirmation code', async () => {
    // Prepare
    const { deps, adOperations } = makeDeps();
    await linkIn(deps, 'tenant-a', PAGE.id, NUMBER.id);
    const signed = signRequest({ algorithm: 'HMAC-SHA256', user_id: META_USER }, deps.appSecret);

    const linkId = [...deps.links.items.values()][0]?.linkId ?? '';
    adOperations.byLink.set(`tenant-a/${linkId}`, 3);

    // Act
    const answer = await requestDataDeletion(deps, signed);

    // Assess
    expect(adOperations.byLink.size).toBe(0);
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
    });
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
