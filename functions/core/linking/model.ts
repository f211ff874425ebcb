import { createHash } from 'node:crypto';
import type { DriftClass } from './drift-class.js';
import { metaLinkFix } from './meta-link.js';
import { healthReason } from './number-health.js';
import type { StoriesConsent } from './stories-consent.js';
import {
  type AlertRecord,
  APP_ONLY_FEATURES,
  type AppOnlyFeature,
  type Connection,
  type DisplayNameRecord,
  type MetaLink,
  type NumberHealth,
  type QualityRecord,
  type WhatsAppSide,
} from './whatsapp-side.js';

/**
 * The linking domain: a tenant's grant (a Meta user's authorisation, tokens sealed) and the links it
 * backs (one Facebook Page <-> one WhatsApp Business phone number). Pure types and rules, no I/O.
 */

/** Meta object ids (users, Pages, WABAs, phone numbers) are decimal digits. */
const META_ID = /^\d{1,32}$/;
/** Tandem's own ids: a kind prefix, then 128 random bits as 32 lowercase hex digits. */
const LINK_ID = /^lnk_[0-9a-f]{32}$/;
const GRANT_ID = /^grt_[0-9a-f]{32}$/;
/** OAuth state and selection ids: 256 random bits, base64url (43 characters). */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** Data-deletion confirmation codes: Meta asks for an alphanumeric code. */
const CONFIRMATION_CODE = /^[0-9a-f]{32}$/;

/**
 * Scopes Tandem asks for. Required ones are what linking and sync cannot work without; the ads ones
 * only serve Click-to-WhatsApp ads, so a user may decline them and still link (ads then say so).
 * - pages_show_list: list the Pages the user can act on (/me/accounts).
 * - pages_read_engagement: read the Page's business fields (about, address, website...) to sync.
 * - pages_manage_metadata: subscribe the app to the Page's webhooks (sync triggers).
 * - whatsapp_business_management: read the WABA's numbers and write the business profile.
 * - business_management: reach WABAs and Pages owned through a business portfolio.
 */
const REQUIRED_SCOPES = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'whatsapp_business_management',
  'business_management',
] as const;
/**
 * - ads_management, ads_read: create Click-to-WhatsApp ads and read their results.
 * - pages_manage_ads: a Click-to-WhatsApp creative speaks for the Page; Meta's guide requires it
 *   (https://developers.facebook.com/documentation/ads-commerce/marketing-api/ad-creative/messaging-ads/click-to-whatsapp).
 */
const OPTIONAL_SCOPES = ['ads_management', 'ads_read', 'pages_manage_ads'] as const;
const REQUESTED_SCOPES = [...REQUIRED_SCOPES, ...OPTIONAL_SCOPES];

/** WhatsApp profile fields sync can write; each can be opted out of per link. */
const SYNC_FIELDS = [
  'about',
  'description',
  'address',
  'email',
  'websites',
  'vertical',
  'profilePicture',
] as const;
type SyncField = (typeof SYNC_FIELDS)[number];

interface SyncSettings {
  /** Off until the user turns it on: linking alone never writes to WhatsApp. */
  enabled: boolean;
  /** true = sync this field; a field set to false is left alone on WhatsApp. */
  fields: Record<SyncField, boolean>;
}

/**
 * Why a link is paused. A union so sync can add reasons with their own details without loosening the
 * type: `local_override` when someone edited the WhatsApp profile directly, `token_invalid` when Meta
 * answered 190 and the user must sign in again, `whatsapp_disconnected` while the number is off the
 * Cloud API (a coexistence number offboarded, the WABA no longer shared); that one lifts by itself.
 */
type PauseReason = 'local_override' | 'token_invalid' | 'whatsapp_disconnected';
interface Pause {
  reason: PauseReason;
  /** ISO-8601 time the link was paused. */
  since: string;
  details?: Record<string, unknown>;
}

type LinkStatus = 'active' | 'paused';

/** A Page field Tandem cannot carry over to WhatsApp, stated per link rather than silently dropped. */
interface UnsupportedField {
  field: 'hours';
  reason: string;
}

const UNSUPPORTED_FIELDS: UnsupportedField[] = [
  {
    field: 'hours',
    reason:
      'The WhatsApp Cloud API has no field for business hours, so Tandem cannot copy the Page hours; set them in the WhatsApp Business app.',
  },
];

/**
 * The drift class the reconciler last found for a link, kept on the link so fleet views can filter on
 * it. Written only when the class changes (`since`), so a fleet that stays in sync costs no writes.
 */
interface LinkDrift {
  class: DriftClass;
  /** The run that found this class. */
  runId: string;
  /** ISO-8601 time that run observed the link. */
  since: string;
}

/**
 * What reading a Page's `instagram_business_account` takes besides linking's own permissions: Meta
 * lists instagram_basic, which a first sign-in never asks for, so the account is read only once a
 * grant holds it (https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/page).
 */
const INSTAGRAM_READ_SCOPE = 'instagram_basic';

/**
 * A Page's Instagram professional account as Meta answers `instagram_business_account{id,username}`
 * (https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/page).
 */
interface InstagramAccount {
  id: string;
  username?: string;
}

/** The link's fields for an Instagram account read from Meta (`undefined` means the Page has none). */
const instagramFields = (
  account: { id: string; username?: string | undefined } | undefined
): Pick<Link, 'instagramAccountId' | 'instagramUsername'> => ({
  ...(account ? { instagramAccountId: account.id } : {}),
  ...(account?.username ? { instagramUsername: account.username } : {}),
});

/** A link without its Instagram account fields, to set them afresh. */
const withoutInstagram = (link: Link): Link => {
  const { instagramAccountId: _id, instagramUsername: _name, ...rest } = link;
  return rest;
};

interface Link {
  linkId: string;
  tenantId: string;
  grantId: string;
  /** The Meta user whose grant backs the link; Meta's callbacks name this user. */
  metaUserId: string;
  pageId: string;
  pageName: string;
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  status: LinkStatus;
  pause?: Pause;
  sync: SyncSettings;
  unsupported: UnsupportedField[];
  /**
   * The Page's Instagram professional account (`instagram_business_account`), as last read; absent
   * when the Page has none or it was never read.
   */
  instagramAccountId?: string;
  /** That account's `username`, when Meta answered it. */
  instagramUsername?: string;
  /** Story cross-posting consent; absent means off for every target. */
  stories?: StoriesConsent;
  /** Absent until a reconcile run has checked the link. Only the reconciler writes it. */
  drift?: LinkDrift;
  /** Meta's side of the link (the Page's WhatsApp button), the number's health and events. */
  whatsapp?: WhatsAppSide;
  /**
   * The Page's own token, sealed with the data key of the grant's token, so reading the Page needs
   * no token fetch and no KMS call of its own. Absent until first fetched; never shown.
   */
  pageToken?: SealedSecret;
  createdAt: string;
  updatedAt: string;
  /** Starts at 1 and grows by one per update: the optimistic-concurrency token (ETag). */
  version: number;
}

/**
 * A secret sealed with the data key of a SealedToken (the grant's), with its own IV and context:
 * it opens only together with that token, and needs no key of its own.
 */
interface SealedSecret {
  v: 1;
  iv: string;
  tag: string;
  ciphertext: string;
}

/** A sealed secret: ciphertext plus the wrapped data key that opens it (envelope encryption). */
interface SealedToken {
  v: 1;
  alg: 'AES-256-GCM';
  /** Which key wrapped the data key: a KMS key ARN, or `local` for the embedded default. */
  keyRef: string;
  wrappedKey: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/**
 * A Meta user's authorisation, held for one tenant. One grant per (tenant, Meta user): signing in
 * again refreshes it in place, so the links it backs keep working.
 */
interface Grant {
  grantId: string;
  tenantId: string;
  metaUserId: string;
  /** Scopes Meta reports as granted (debug_token). */
  scopes: string[];
  /** WhatsApp Business Accounts the grant reaches (debug_token granular scope target ids). */
  wabaIds: string[];
  /** ISO-8601; undefined when Meta reports no expiry. */
  tokenExpiresAt?: string;
  dataAccessExpiresAt?: string;
  token: SealedToken;
  /** How many links use this grant; kept in the same transaction as link writes. */
  linkCount: number;
  createdAt: string;
  updatedAt: string;
}

/** What a client may see of a grant: never the token. */
type GrantView = Omit<Grant, 'token' | 'tenantId'> & { missingOptionalScopes: string[] };

/** What a client sees of a link's WhatsApp side: each part with what to do about it. */
interface WhatsAppView {
  metaLink: (MetaLink & { fix?: string }) | null;
  health: (NumberHealth & { reason?: string }) | null;
  connection: Connection | null;
  displayName: DisplayNameRecord | null;
  quality: QualityRecord | null;
  alerts: AlertRecord[];
  /** What lives only in the WhatsApp Business app, which Tandem cannot see (so edits there are not drift). */
  notVisible: { feature: AppOnlyFeature; reason: string }[];
}

type LinkView = Omit<Link, 'tenantId' | 'metaUserId' | 'pageToken' | 'whatsapp'> & {
  whatsapp: WhatsAppView;
};

/**
 * Page fields whose change can alter the WhatsApp profile (Meta sends no `about` field at all): the
 * fields Tandem subscribes each linked Page to, every one a value of Meta's
 * `pagesubscribed_apps_subscribed_fields_enum_param` (codegen enum_types.json).
 */
const PAGE_WEBHOOK_FIELDS = [
  'description',
  'company_overview',
  'general_info',
  'category',
  'location',
  'email',
  'website',
  'picture',
  'hours',
  'page_upcoming_change',
  'page_change_proposal',
] as const;

/** How many shards the reconciler fans out over; a link's shard is a stable hash of its id. */
const SHARD_COUNT = 16;

const shardOf = (linkId: string): number =>
  createHash('sha256').update(linkId).digest().readUInt32BE(0) % SHARD_COUNT;

/** The grant id is derived, so concurrent sign-ins of one Meta user into one tenant share a grant. */
const grantIdFor = (tenantId: string, metaUserId: string): string =>
  `grt_${createHash('sha256').update(`${tenantId}\u0000${metaUserId}`).digest('hex').slice(0, 32)}`;

const defaultSync = (): SyncSettings => ({
  enabled: false,
  fields: Object.fromEntries(SYNC_FIELDS.map((field) => [field, true])) as Record<
    SyncField,
    boolean
  >,
});

const whatsappView = (link: Link): WhatsAppView => {
  const side = link.whatsapp ?? {};
  const fix = side.metaLink && metaLinkFix(side.metaLink.state, link, side.metaLink.pageNumber);
  const reason = side.health && healthReason(side.health);
  return {
    metaLink: side.metaLink ? { ...side.metaLink, ...(fix ? { fix } : {}) } : null,
    health: side.health ? { ...side.health, ...(reason ? { reason } : {}) } : null,
    connection: side.connection ?? null,
    displayName: side.displayName ?? null,
    quality: side.quality ?? null,
    alerts: side.alerts ?? [],
    notVisible: APP_ONLY_FEATURES.map((item) => ({ ...item })),
  };
};

const toLinkView = (link: Link): LinkView => {
  const { tenantId: _t, metaUserId: _m, pageToken: _p, whatsapp: _w, ...view } = link;
  return { ...view, whatsapp: whatsappView(link) };
};

const toGrantView = ({ token: _k, tenantId: _t, ...grant }: Grant): GrantView => ({
  ...grant,
  missingOptionalScopes: OPTIONAL_SCOPES.filter((scope) => !grant.scopes.includes(scope)),
});

const missingRequiredScopes = (granted: readonly string[]): string[] =>
  REQUIRED_SCOPES.filter((scope) => !granted.includes(scope));

export type {
  Grant,
  GrantView,
  InstagramAccount,
  Link,
  LinkDrift,
  LinkStatus,
  LinkView,
  Pause,
  PauseReason,
  SealedSecret,
  SealedToken,
  SyncField,
  SyncSettings,
  UnsupportedField,
  WhatsAppView,
};
export {
  CONFIRMATION_CODE,
  defaultSync,
  GRANT_ID,
  grantIdFor,
  INSTAGRAM_READ_SCOPE,
  instagramFields,
  LINK_ID,
  META_ID,
  missingRequiredScopes,
  OPTIONAL_SCOPES,
  PAGE_WEBHOOK_FIELDS,
  REQUESTED_SCOPES,
  REQUIRED_SCOPES,
  SESSION_ID,
  SHARD_COUNT,
  SYNC_FIELDS,
  shardOf,
  toGrantView,
  toLinkView,
  UNSUPPORTED_FIELDS,
  whatsappView,
  withoutInstagram,
};
