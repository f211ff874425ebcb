/**
 * The sandbox's whole world, held in Maps keyed by id so a 100,000-link benchmark stays O(1) per
 * lookup. Nothing here knows about HTTP; routes read and change it through these types.
 */

type PageTask = 'ADVERTISE' | 'ANALYZE' | 'CREATE_CONTENT' | 'MESSAGING' | 'MODERATE' | 'MANAGE';

interface PageLocation {
  street?: string;
  city?: string;
  state?: string;
  country?: string;
  zip?: string;
  latitude?: number;
  longitude?: number;
}

interface Page {
  id: string;
  name: string;
  category: string;
  categoryList: { id: string; name: string }[];
  about?: string;
  description?: string;
  emails: string[];
  website?: string;
  phone?: string;
  hours: Record<string, string>;
  singleLineAddress?: string;
  location?: PageLocation;
  /** The WhatsApp number linked to the Page on Meta's side (display form), if any. */
  whatsappNumber?: string;
  /** Bumped on each picture edit so its URL and bytes change. */
  pictureVersion: number;
  /** The users who can act on the Page, with their tasks. */
  roles: Map<string, PageTask[]>;
  subscribedFields: string[];
  /** A code Meta sent for `page_whatsapp_number_verification`, awaiting its confirmation. */
  verification?: { number: string; code: string };
  /** The Page's Instagram professional account (`instagram_business_account`), if any. */
  instagramAccountId?: string;
}

/** An Instagram professional account connected to a Page, with the stories it published. */
interface IgUser {
  id: string;
  pageId: string;
  username: string;
  /** Stories published (media ids with their time), for the publishing quota's rolling window. */
  published: { mediaId: string; containerId: string; at: number }[];
}

/** An Instagram media container (`ShadowIGMediaBuilder`). */
interface IgContainer {
  id: string;
  igUserId: string;
  /** The image_url or video_url the container was made from. */
  imageUrl: string;
  createdAt: number;
  /** Status reads still answering IN_PROGRESS before FINISHED (the sandbox's processing time). */
  readsUntilFinished: number;
  status: 'EXPIRED' | 'ERROR' | 'FINISHED' | 'IN_PROGRESS' | 'PUBLISHED';
}

/** A photo uploaded to a Page, and the story made from it, if any. */
/** A Page video started for a story (`video_stories` START), until it is finished into one. */
interface PageVideo {
  id: string;
  pageId: string;
  /** The hosted file Meta's upload host was told to fetch, once it was. */
  fileUrl?: string;
  storyPostId?: string;
  createdAt: number;
}

interface PagePhoto {
  id: string;
  pageId: string;
  url: string;
  published: boolean;
  storyPostId?: string;
  createdAt: number;
}

interface User {
  id: string;
  name: string;
  pageIds: string[];
  businessIds: string[];
  adAccountIds: string[];
}

interface Business {
  id: string;
  name: string;
  ownedWabaIds: string[];
  clientWabaIds: string[];
}

interface WhatsAppProfile {
  about?: string;
  address?: string;
  description?: string;
  email?: string;
  websites?: string[];
  vertical?: string;
  profilePictureUrl?: string;
}

interface PhoneNumber {
  id: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  countryCode: string;
  countryDialCode: string;
  profile: WhatsAppProfile;
  /**
   * The number's `health_status` (WhatsAppBusinessHealthStatusForMessageSend); absent: AVAILABLE.
   * Set through the admin routes.
   */
  health?: PhoneHealth;
}

/** `can_send_message` of the number node, with Meta's errors (codegen WhatsAppBusinessHealthStatus). */
interface PhoneHealth {
  canSendMessage: 'AVAILABLE' | 'LIMITED' | 'BLOCKED';
  errors: { error_code: number; error_description: string; possible_solution: string }[];
  additionalInfo: string[];
}

interface Waba {
  id: string;
  name: string;
  ownerBusinessId: string;
  currency: string;
  timezoneId: string;
  phoneNumberIds: string[];
  /** Businesses the WABA is shared with as a client (Meta's "client" WABAs). */
  clientBusinessIds: string[];
  /** Billed through a partner's credit line: pricing analytics then carry no cost. */
  partnerCreditLine?: boolean;
  /** The app subscribed to its webhooks (`POST /{waba-id}/subscribed_apps`). */
  subscribed?: boolean;
}

type TokenKind = 'USER' | 'PAGE';

interface Token {
  value: string;
  kind: TokenKind;
  userId: string;
  pageId?: string;
  issuedAt: number;
  /** Unix seconds; 0 means it does not expire (a Page token from a long-lived user token). */
  expiresAt: number;
  longLived: boolean;
}

type PermissionStatus = 'granted' | 'declined';

/** One user's authorisation of the app: Meta keeps scopes per grant, not per token. */
interface Grant {
  userId: string;
  permissions: Map<string, PermissionStatus>;
  authorized: boolean;
}

interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
}

/** A consent dialog that has been shown and not yet answered. */
interface DialogSession {
  id: string;
  clientId: string;
  redirectUri: string;
  state?: string;
  scopes: string[];
  /** Set when the dialog runs a Facebook Login for Business configuration: all or nothing. */
  configId?: string;
  codeChallenge?: string;
}

/**
 * A Facebook Login for Business configuration, saved in the App Dashboard: the dialog grants all of
 * its permissions or none (https://developers.facebook.com/documentation/facebook-login/facebook-login-for-business).
 */
interface LoginConfiguration {
  id: string;
  name: string;
  permissions: string[];
}

/** A person's role on the app; Resumable Upload sessions need administrator or developer. */
type AppRole = 'administrator' | 'developer' | 'tester';

interface UploadSession {
  id: string;
  userId: string;
  fileName: string;
  fileLength: number;
  fileType: string;
  chunks: Buffer[];
  offset: number;
  handle?: string;
}

interface AdAccount {
  id: string;
  accountId: string;
  name: string;
  currency: string;
  accountStatus: number;
  userIds: string[];
  images: Map<string, { hash: string; name: string; bytes: Buffer }>;
  /** The account's DSA defaults (`default_dsa_beneficiary`, `default_dsa_payor`), when set. */
  defaultDsaBeneficiary?: string;
  defaultDsaPayor?: string;
}

type AdStatus = 'ACTIVE' | 'PAUSED' | 'DELETED' | 'ARCHIVED';
type AdObjectKind = 'campaign' | 'adset' | 'adcreative' | 'ad';

interface AdObject {
  id: string;
  kind: AdObjectKind;
  accountId: string;
  name: string;
  status: AdStatus;
  createdTime: string;
  updatedTime: string;
  /** Kind-specific fields as Graph reads them back. */
  fields: Record<string, unknown>;
}

interface WebhookDelivery {
  id: string;
  /** Absent: `page`. */
  object?: 'page' | 'whatsapp_business_account';
  /** The entry's id: the Page's, or the WABA's for a WABA webhook. */
  pageId: string;
  field: string;
  body: string;
  signature: string;
  attempts: number;
  status: number;
  delivered: boolean;
  error?: string;
  time: string;
}

interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  time: string;
  batch?: { method: string; path: string; status: number }[];
  /** false when the call ran but its answer was lost (the `loseAnswer` fault). */
  answered?: false;
}

interface Settings {
  /**
   * A Business app logs users in with a saved configuration (`config_id`) and refuses `scope`; a
   * classic (consumer) app takes `scope`.
   */
  appType: 'business' | 'classic';
  requireAppsecretProof: boolean;
  profileShape: 'docs' | 'spec';
  appCallBudgetPerHour: number;
  userCallBudgetPerHour: number;
  pageCallBudgetPerHour: number;
  wabaCallBudgetPerHour: number;
  adsCallBudgetPerHour: number;
  webhookRetries: number;
  webhookBackoffMs: number;
  /** The Meta user the consent dialog logs in as (the browser's "current Facebook user"). */
  dialogUserId: string;
  /** Instagram's publishing limit per account (content_publishing_limit `config.quota_total`). */
  igQuotaTotal: number;
  /** Its rolling window in seconds (`config.quota_duration`). */
  igQuotaDurationSeconds: number;
  /** How many status reads a new container answers IN_PROGRESS before FINISHED. */
  igContainerReadsUntilFinished: number;
}

const defaultSettings = (): Settings => ({
  appType: 'business',
  requireAppsecretProof: true,
  profileShape: 'docs',
  appCallBudgetPerHour: 1_000_000,
  userCallBudgetPerHour: 1_000_000,
  pageCallBudgetPerHour: 4_800,
  wabaCallBudgetPerHour: 5_000,
  adsCallBudgetPerHour: 100_000,
  webhookRetries: 3,
  webhookBackoffMs: 50,
  dialogUserId: '100000000000001',
  // "50 API-published posts within a 24 hour moving period":
  // https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-user/media_publish
  igQuotaTotal: 50,
  igQuotaDurationSeconds: 86_400,
  igContainerReadsUntilFinished: 0,
});

class Store {
  users = new Map<string, User>();
  pages = new Map<string, Page>();
  businesses = new Map<string, Business>();
  wabas = new Map<string, Waba>();
  phoneNumbers = new Map<string, PhoneNumber>();
  adAccounts = new Map<string, AdAccount>();
  adObjects = new Map<string, AdObject>();
  igUsers = new Map<string, IgUser>();
  igContainers = new Map<string, IgContainer>();
  pagePhotos = new Map<string, PagePhoto>();
  pageVideos = new Map<string, PageVideo>();
  tokens = new Map<string, Token>();
  /** Page tokens already handed out, keyed by `${userToken}|${pageId}`, so /me/accounts is stable. */
  pageTokens = new Map<string, string>();
  grants = new Map<string, Grant>();
  codes = new Map<string, AuthCode>();
  dialogs = new Map<string, DialogSession>();
  uploads = new Map<string, UploadSession>();
  loginConfigurations = new Map<string, LoginConfiguration>();
  /** People with a role on the app, by user id (system users included). */
  appRoles = new Map<string, AppRole>();
  /** Upload handles the sandbox issued, to the upload session that holds the bytes. */
  handles = new Map<string, string>();
  deliveries: WebhookDelivery[] = [];
  requests: RequestLogEntry[] = [];
  settings: Settings = defaultSettings();
  private nextId = 0;

  /**
   * Graph ids are numeric strings; a counter keeps them unique and deterministic after a reset. The
   * `9` after the prefix keeps them apart from the seeded ids, which have zeros there.
   */
  newId(prefix = '7'): string {
    this.nextId += 1;
    return `${prefix}9${String(this.nextId).padStart(13, '0')}`;
  }

  /** The WABA ids a user can reach: owned by or shared with any of the user's businesses. */
  wabaIdsOf(user: User): string[] {
    return user.businessIds.flatMap((id) => {
      const business = this.businesses.get(id);
      return business ? [...business.ownedWabaIds, ...business.clientWabaIds] : [];
    });
  }

  userCanReachWaba(user: User, wabaId: string): boolean {
    const waba = this.wabas.get(wabaId);
    if (!waba) return false;
    // A user belongs to few businesses; a business may hold 100,000 WABAs: search the short list.
    return user.businessIds.some(
      (id) => id === waba.ownerBusinessId || waba.clientBusinessIds.includes(id)
    );
  }
}

export type {
  AdAccount,
  AdObject,
  AdObjectKind,
  AdStatus,
  AppRole,
  AuthCode,
  Business,
  DialogSession,
  Grant,
  IgContainer,
  IgUser,
  LoginConfiguration,
  Page,
  PageLocation,
  PagePhoto,
  PageTask,
  PageVideo,
  PermissionStatus,
  PhoneHealth,
  PhoneNumber,
  RequestLogEntry,
  Settings,
  Token,
  TokenKind,
  UploadSession,
  User,
  Waba,
  WebhookDelivery,
  WhatsAppProfile,
};
export { defaultSettings, Store };
