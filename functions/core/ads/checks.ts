import { ConflictError, NotFoundError, PermissionError } from '../errors.js';
import type { Grant, Link } from '../linking/model.js';
import type { AdsDeps } from './ports.js';

/**
 * The checks that come before anything is created, each a clear 4xx: the link is the caller's, the
 * grant may manage ads, the Page is linked to the number on Meta's side, the ad account can run ads.
 */

/** Meta's AdAccount.account_status values (Marketing API reference). */
const ACCOUNT_STATUS: Record<number, string> = {
  1: 'ACTIVE',
  2: 'DISABLED',
  3: 'UNSETTLED',
  7: 'PENDING_RISK_REVIEW',
  8: 'PENDING_SETTLEMENT',
  9: 'IN_GRACE_PERIOD',
  100: 'PENDING_CLOSURE',
  101: 'CLOSED',
  201: 'ANY_ACTIVE',
  202: 'ANY_CLOSED',
};
const ACTIVE = 1;

const digitsOf = (phone: string): string => phone.replace(/\D/g, '');

/**
 * The tenant's link and the grant behind it. Another tenant's link is reported as missing, so its
 * existence does not leak.
 */
const openLink = async (
  deps: Pick<AdsDeps, 'links' | 'grants'>,
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

/** Refuses a grant without `scope`, telling the user how to grant it. */
const requireScope = (grant: Grant, scopes: readonly string[], purpose: string): void => {
  if (scopes.some((scope) => grant.scopes.includes(scope))) return;
  throw new PermissionError(
    `The Facebook sign-in behind this link did not grant ${scopes.join(' or ')}, which ${purpose} needs. Re-link the Facebook account and leave "${scopes[0]}" ticked in the permissions dialog.`,
    { missingScopes: [...scopes] },
    'ads_permission_missing'
  );
};

/** Decrypts the grant's user token. */
const openToken = (deps: Pick<AdsDeps, 'vault'>, grant: Grant): Promise<string> =>
  deps.vault.open(grant.token, {
    tenantId: grant.tenantId,
    grantId: grant.grantId,
    purpose: 'meta_user_token',
  });

/**
 * A Click-to-WhatsApp ad set promotes the Page's linked number; Meta refuses it unless the Page and
 * the number are linked on Meta's side, and a mismatch would send customers to another number.
 */
const checkPageLinked = async (
  deps: Pick<AdsDeps, 'ads'>,
  token: string,
  link: Link
): Promise<void> => {
  const page = await deps.ads.getPageWhatsApp(token, link.pageId);
  const linked = digitsOf(page.whatsappNumber ?? '');
  const wanted = digitsOf(link.displayPhoneNumber);
  if (linked === wanted && linked !== '') return;
  const how = `In Meta Business Suite (or the Page's settings), open Linked accounts > WhatsApp and connect ${link.displayPhoneNumber} to the Page, then try again.`;
  throw new ConflictError(
    linked === ''
      ? `The Facebook Page ${link.pageName} has no WhatsApp number linked on Meta's side, so Meta cannot send an ad's customers to ${link.displayPhoneNumber}. ${how}`
      : `The Facebook Page ${link.pageName} is linked to WhatsApp number +${linked} on Meta's side, not to this link's ${link.displayPhoneNumber}. ${how}`,
    {
      pageId: link.pageId,
      expectedNumber: wanted,
      ...(linked ? { linkedNumber: linked } : {}),
      hasWhatsAppBusinessNumber: page.hasWhatsAppBusinessNumber,
    },
    'page_not_linked_to_whatsapp'
  );
};

/** The ad account exists for this user and is ACTIVE; answers its currency. */
const checkAdAccount = async (
  deps: Pick<AdsDeps, 'ads'>,
  token: string,
  account: string
): Promise<{ currency: string }> => {
  let info: Awaited<ReturnType<AdsDeps['ads']['getAdAccount']>>;
  try {
    info = await deps.ads.getAdAccount(token, account);
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new NotFoundError(
        `Ad account ${account} does not exist, or the Facebook user behind this link cannot use it. Check the id in Meta Ads Manager, or ask an admin of the account to add that user.`,
        { adAccountId: account },
        'ad_account_not_found',
        { cause: error }
      );
    }
    throw error;
  }
  if (info.accountStatus !== ACTIVE) {
    const status = ACCOUNT_STATUS[info.accountStatus] ?? `status ${info.accountStatus}`;
    throw new ConflictError(
      `Ad account ${account} is ${status} on Meta and cannot run ads. Resolve it in Meta Ads Manager (Account overview), then try again.`,
      { adAccountId: account, accountStatus: info.accountStatus },
      'ad_account_inactive'
    );
  }
  return { currency: info.currency };
};

export { checkAdAccount, checkPageLinked, digitsOf, openLink, openToken, requireScope };
