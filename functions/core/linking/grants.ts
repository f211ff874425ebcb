import { NotFoundError } from '../errors.js';
import type { LinkingDeps } from './deps.js';
import { type Grant, type GrantView, toGrantView } from './model.js';
import type { MetaAdAccount, MetaPage, MetaPhoneNumber, PageOf, PageRequest } from './ports.js';

/** What a grant reaches, each flagged when it is already in a link (anyone's). */
interface GrantAssets {
  pages: (MetaPage & { linked: boolean })[];
  phoneNumbers: (MetaPhoneNumber & { linked: boolean })[];
}

/** What the assets route answers: the picker's assets and the ad accounts for Click-to-WhatsApp ads. */
interface GrantAssetsWithAds extends GrantAssets {
  adAccounts: MetaAdAccount[];
  /** Why `adAccounts` is empty without asking Meta: the grant has no ads permission. */
  adAccountsUnavailable?: string;
}

const grantNotFound = (grantId: string): NotFoundError =>
  new NotFoundError(
    `No grant ${grantId} in this tenant. List your grants with GET /grants, or sign in again with POST /links/oauth/start.`,
    { grantId },
    'grant_not_found'
  );

/** Loads one of the tenant's grants, or throws NotFoundError (also for another tenant's grant). */
const requireGrant = async (
  deps: Pick<LinkingDeps, 'grants'>,
  tenantId: string,
  grantId: string
): Promise<Grant> => {
  const grant = await deps.grants.get(tenantId, grantId);
  if (!grant) throw grantNotFound(grantId);
  return grant;
};

/** Opens the grant's sealed user token; the context binds it to this tenant and grant. */
const openGrantToken = (deps: Pick<LinkingDeps, 'vault'>, grant: Grant): Promise<string> =>
  deps.vault.open(grant.token, {
    tenantId: grant.tenantId,
    grantId: grant.grantId,
    purpose: 'meta_user_token',
  });

/**
 * Lists the Pages and WhatsApp numbers a token reaches, flagged when already linked.
 *
 * @param token - the grant's user token, already opened (the callback has it in hand)
 */
const discoverAssets = async (
  deps: Pick<LinkingDeps, 'meta' | 'links'>,
  token: string,
  wabaIds: string[]
): Promise<GrantAssets> => {
  const [pages, phoneNumbers] = await Promise.all([
    deps.meta.listPages(token),
    deps.meta.listPhoneNumbers(token, wabaIds),
  ]);
  const taken = await deps.links.taken(
    pages.map((page) => page.id),
    phoneNumbers.map((number) => number.id)
  );
  return {
    pages: pages.map((page) => ({ ...page, linked: taken.pageIds.has(page.id) })),
    phoneNumbers: phoneNumbers.map((number) => ({
      ...number,
      linked: taken.phoneNumberIds.has(number.id),
    })),
  };
};

/**
 * Lists the Pages and numbers one of the tenant's grants reaches.
 *
 * 1. Load the grant (404 for an unknown or another tenant's grant).
 * 2. Open its token and ask Meta what it reaches now (not what it reached at sign-in).
 */
const listGrantAssets = async (
  deps: Pick<LinkingDeps, 'grants' | 'vault' | 'meta' | 'links'>,
  tenantId: string,
  grantId: string
): Promise<GrantAssetsWithAds> => {
  const grant = await requireGrant(deps, tenantId, grantId);
  const token = await openGrantToken(deps, grant);
  const canReadAds = grant.scopes.includes('ads_read') || grant.scopes.includes('ads_management');
  const [assets, adAccounts] = await Promise.all([
    discoverAssets(deps, token, grant.wabaIds),
    canReadAds ? deps.meta.listAdAccounts(token) : Promise.resolve([]),
  ]);
  return {
    ...assets,
    adAccounts,
    ...(canReadAds
      ? {}
      : {
          adAccountsUnavailable:
            'The sign-in did not grant ads_read or ads_management, so Meta cannot list its ad accounts. Sign in again granting them to create Click-to-WhatsApp ads.',
        }),
  };
};

/** Lists the tenant's grants, without their tokens. */
const listGrants = async (
  deps: Pick<LinkingDeps, 'grants'>,
  tenantId: string,
  page: PageRequest
): Promise<PageOf<GrantView>> => {
  const result = await deps.grants.list(tenantId, page);
  return { ...result, items: result.items.map(toGrantView) };
};

export type { GrantAssets, GrantAssetsWithAds };
export { discoverAssets, listGrantAssets, listGrants, openGrantToken, requireGrant };
