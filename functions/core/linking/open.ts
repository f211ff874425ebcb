import { NotFoundError, PermissionError } from '../errors.js';
import type { Grant, Link } from './model.js';
import type { GrantRepository, LinkRepository, TokenVault } from './ports.js';

// Every feature that acts on Meta for a link (ads, stories) starts here, so it lives with linking.

/**
 * The tenant's link and the grant behind it. Another tenant's link is reported as missing, so its
 * existence does not leak.
 */
const openLink = async (
  deps: { links: Pick<LinkRepository, 'get'>; grants: Pick<GrantRepository, 'get'> },
  tenantId: string,
  linkId: string
): Promise<{ link: Link; grant: Grant }> => {
  const link = await deps.links.get(tenantId, linkId);
  if (!link) {
    throw new NotFoundError(
      `There is no link ${linkId} for this tenant.`,
      { linkId },
      'link_not_found'
    );
  }
  if (link.status === 'paused' && link.pause?.reason === 'token_invalid') {
    throw new PermissionError(
      'Meta no longer accepts the Facebook sign-in behind this link. Re-link the Facebook account, then try again.',
      { linkId },
      'meta_token_invalid'
    );
  }
  const grant = await deps.grants.get(tenantId, link.grantId);
  if (!grant) {
    throw new NotFoundError(
      'The Facebook sign-in behind this link is gone. Re-link the Facebook account, then try again.',
      { linkId },
      'grant_not_found'
    );
  }
  return { link, grant };
};

/** Decrypts the grant's user token. */
const openToken = (deps: { vault: Pick<TokenVault, 'open'> }, grant: Grant): Promise<string> =>
  deps.vault.open(grant.token, {
    tenantId: grant.tenantId,
    grantId: grant.grantId,
    purpose: 'meta_user_token',
  });

export { openLink, openToken };
