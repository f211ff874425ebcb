import { describe, expect, it } from 'vitest';
import { deleteGrant, listGrantAssets } from '../../../../functions/core/linking/grants.js';
import { createLink } from '../../../../functions/core/linking/links.js';
import { makeDeps, signedIn } from './fakes.js';

type Deps = ReturnType<typeof makeDeps>['deps'];

const signIn = async (deps: Deps): Promise<string> =>
  (await signedIn(deps, 'tenant-a')).grant.grantId;

describe('Function: listGrantAssets', () => {
  it('lists the ad accounts the grant reaches beside its Pages and numbers', async () => {
    // Prepare
    const { deps } = makeDeps();
    const grantId = await signIn(deps);

    // Act
    const assets = await listGrantAssets(deps, 'tenant-a', grantId);

    // Assess
    expect(assets.adAccounts).toEqual([
      { id: 'act_600000000000001', name: 'Blue Bakery Ads', currency: 'USD', accountStatus: 1 },
    ]);
    expect(assets.pages.length).toBeGreaterThan(0);
  });

  it('asks Meta for no ad accounts when the grant has no ads permission, and says why', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    meta.info.scopes = meta.info.scopes.filter((scope) => !scope.startsWith('ads_'));
    const grantId = await signIn(deps);

    // Act
    const assets = await listGrantAssets(deps, 'tenant-a', grantId);

    // Assess
    expect(assets.adAccounts).toEqual([]);
    expect(assets.adAccountsUnavailable).toContain('ads_read');
    expect(meta.adAccountCalls).toBe(0);
  });
});

describe('Function: deleteGrant', () => {
  it('deletes an unused grant and revokes the app for its Meta user', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    const grantId = await signIn(deps);

    // Act
    const result = await deleteGrant(deps, 'tenant-a', grantId);

    // Assess
    expect(result).toEqual({ grantId, revocation: 'revoked' });
    expect(meta.revoked).toHaveLength(1);
    expect(await deps.grants.get('tenant-a', grantId)).toBeUndefined();
    await expect(deleteGrant(deps, 'tenant-a', grantId)).rejects.toMatchObject({
      code: 'grant_not_found',
    });
  });

  it('refuses a grant links use with grant_in_use and their count, revoking nothing', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    const grantId = await signIn(deps);
    const [page] = meta.pages;
    const [number] = meta.numbers;
    await createLink(deps, 'tenant-a', {
      grantId,
      pageId: page?.id ?? '',
      phoneNumberId: number?.id ?? '',
    });

    // Act
    const refused = deleteGrant(deps, 'tenant-a', grantId);

    // Assess
    await expect(refused).rejects.toMatchObject({
      code: 'grant_in_use',
      details: { grantId, links: 1 },
    });
    expect(meta.revoked).toEqual([]);
    expect(await deps.grants.get('tenant-a', grantId)).toBeDefined();
  });

  it("answers grant_not_found for another tenant's grant and leaves it", async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    const grantId = await signIn(deps);

    // Act
    const foreign = deleteGrant(deps, 'tenant-b', grantId);

    // Assess
    await expect(foreign).rejects.toMatchObject({ code: 'grant_not_found' });
    expect(await deps.grants.get('tenant-a', grantId)).toBeDefined();
    expect(meta.revoked).toEqual([]);
  });

  it('deletes the grant even when Meta fails the revocation, and says so', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    const grantId = await signIn(deps);
    meta.failRevoke = true;

    // Act
    const result = await deleteGrant(deps, 'tenant-a', grantId);

    // Assess
    expect(result.revocation).toBe('failed');
    expect(await deps.grants.get('tenant-a', grantId)).toBeUndefined();
  });
});
