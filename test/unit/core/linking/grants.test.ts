import { describe, expect, it } from 'vitest';
import { listGrantAssets } from '../../../../functions/core/linking/grants.js';
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
