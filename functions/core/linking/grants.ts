import { ConflictError, NotFoundError } from '../errors.js';
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

/** What deleting a grant did. */
interface GrantDeletion {
  grantId: string;
  /**
   * `revoked`: Tandem removed the app's permissions on Meta with the grant's token. `not_needed`: the
   * Meta user still has links through another grant, which revoking would cut off. `failed`: Meta
   * refused or was unreachable; the token is deleted anyway, and the user can remove the app in
   * their Facebook settings.
   */
  revocation: 'revoked' | 'not_needed' | 'failed';
}

const grantInUse = (grantId: string, links: number): ConflictError =>
  new ConflictError(
    `Grant ${grantId} is used by ${links} link${links === 1 ? '' : 's'}; unlink ${links === 1 ? 'it' : 'them'} first (DELETE /links/{linkId}, GET /links lists them).`,
    { grantId, links },
    'grant_in_use'
  );

/**
 * Deletes an unused grant (a sign-in no link uses) and revokes it on Meta.
 *
 * 1. Load the grant (404 for an unknown or another tenant's grant); one in use is a 409 naming how
 *    many links use it.
 * 2. Open its token, then delete the grant and its sealed token on condition that still no link uses
 *    it (a link created meanwhile makes it a 409, and nothing is revoked).
 * 3. Unless the Meta user still has a link anywhere (revoking would end that link's access too),
 *    revoke the app's permissions with the token (`DELETE /{user-id}/permissions`). A failed
 *    revocation does not bring the token back: deleting it is what the caller asked for.
 *
 * Deleting again answers 404: the grant is gone.
 */
const deleteGrant = async (
  deps: Pick<LinkingDeps, 'grants' | 'vault' | 'meta' | 'links'>,
  tenantId: string,
  grantId: string
): Promise<GrantDeletion> => {
  const grant = await requireGrant(deps, tenantId, grantId);
  if (grant.linkCount > 0) throw grantInUse(grantId, grant.linkCount);
  const token = await openGrantToken(deps, grant);
  if (!(await deps.grants.deleteIfUnused(tenantId, grantId))) {
    const now = await requireGrant(deps, tenantId, grantId);
    throw grantInUse(grantId, now.linkCount);
  }
  if ((await deps.links.listByMetaUser(grant.metaUserId)).length > 0) {
    return { grantId, revocation: 'not_needed' };
  }
  try {
    await deps.meta.revokePermissions(token, grant.metaUserId);
    return { grantId, revocation: 'revoked' };
  } catch {
    return { grantId, revocation: 'failed' };
  }
};

export type { GrantAssets, GrantAssetsWithAds, GrantDeletion };
export { deleteGrant, discoverAssets, listGrantAssets, listGrants, openGrantToken, requireGrant };
