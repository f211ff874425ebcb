import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../errors.js';
import { classifyMetaLink, metaLinkFix } from '../linking/meta-link.js';
import type { Grant, Link } from '../linking/model.js';
import { e164Digits } from '../linking/numbers.js';
import type { AdAccountInfo, AdsDeps } from './ports.js';

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

/** Refuses a grant with none of `scopes`, telling the user how to grant one. */
const requireScope = (grant: Grant, scopes: readonly string[], purpose: string): void => {
  if (scopes.some((scope) => grant.scopes.includes(scope))) return;
  throw new PermissionError(
    `The Facebook sign-in behind this link did not grant ${scopes.join(' or ')}, which ${purpose} needs. Sign in again and grant "${scopes[0]}"; if Facebook does not ask for it, this app's Facebook login configuration must include it.`,
    { missingScopes: [...scopes] },
    'ads_permission_missing'
  );
};

/**
 * What creating a Click-to-WhatsApp ad needs: ads_management for the objects, and pages_manage_ads
 * for the creative, which speaks for the Page (Meta's CTWA guide:
 * https://developers.facebook.com/documentation/ads-commerce/marketing-api/ad-creative/messaging-ads/click-to-whatsapp).
 */
const requireAdCreation = (grant: Grant): void => {
  requireScope(grant, ['ads_management'], 'creating ads');
  requireScope(grant, ['pages_manage_ads'], 'a Click-to-WhatsApp creative for the Page');
};

/**
 * A Click-to-WhatsApp ad set promotes the Page's linked number; Meta refuses it unless the Page and
 * the number are linked on Meta's side (100/1487246), and a mismatch would send customers to another
 * number. Read fresh (an unlink in the WhatsApp Business app sends no webhook), classified as the
 * link's `metaLink`, before anything is created. A Page Meta will not say about (`unknown`) goes on:
 * Meta then decides at the ad set.
 */
const checkPageLinked = async (
  deps: Pick<AdsDeps, 'ads' | 'clock'>,
  token: string,
  link: Link
): Promise<void> => {
  const read = await deps.ads.getPageWhatsApp(token, link.pageId);
  const metaLink = classifyMetaLink(read, link.displayPhoneNumber, deps.clock.now());
  if (metaLink.state === 'linked' || metaLink.state === 'unknown') return;
  throw new ConflictError(
    metaLinkFix(metaLink.state, link, metaLink.pageNumber) ??
      'The Page is not linked to the number.',
    {
      pageId: link.pageId,
      metaLink: metaLink.state,
      expectedNumber: e164Digits(link.displayPhoneNumber),
      ...(metaLink.pageNumber ? { linkedNumber: metaLink.pageNumber } : {}),
      ...(metaLink.businessNumber !== undefined
        ? { hasWhatsAppBusinessNumber: metaLink.businessNumber }
        : {}),
      fix: { method: 'PUT', path: `/links/${link.linkId}/meta-link` },
    },
    'page_not_linked_to_whatsapp'
  );
};

/** The ad account exists for this user and is ACTIVE; answers what else the checks need of it. */
const checkAdAccount = async (
  deps: Pick<AdsDeps, 'ads'>,
  token: string,
  account: string
): Promise<AdAccountInfo> => {
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
  return info;
};

/**
 * Who benefits from the ad and who pays for it, when it reaches the EU: the request's, else the ad
 * account's defaults. Whether Meta fills them in itself for API-created ad sets is not documented,
 * so Tandem always sends them.
 *
 * @throws ValidationError `dsa_required`, with Meta's recommended names, when neither has them.
 */
const resolveDsa = async (
  deps: Pick<AdsDeps, 'ads'>,
  token: string,
  account: string,
  request: { beneficiary: string; payor: string } | undefined,
  info: AdAccountInfo,
  euCountries: readonly string[]
): Promise<{ beneficiary: string; payor: string } | undefined> => {
  if (euCountries.length === 0) return undefined;
  if (request) return request;
  const beneficiary = info.defaultDsaBeneficiary?.trim();
  const payor = info.defaultDsaPayor?.trim();
  if (beneficiary && payor) return { beneficiary, payor };
  const recommendations = await deps.ads.getDsaRecommendations(token, account);
  throw new ValidationError(
    `Ads reaching the EU (${euCountries.join(', ')}) must name who benefits from them and who pays for them (EU Digital Services Act), and ad account ${account} has no defaults for them. Send "dsa": { "beneficiary": "...", "payor": "..." }, or set the defaults in Meta Ads Manager.${recommendations.length > 0 ? ` Meta suggests: ${recommendations.join(', ')}.` : ''}`,
    { countries: [...euCountries], recommendations },
    'dsa_required'
  );
};

export { checkAdAccount, checkPageLinked, requireAdCreation, requireScope, resolveDsa };
