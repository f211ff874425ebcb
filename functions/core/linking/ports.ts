import type { PageWhatsAppRead } from './meta-link.js';
import type { Grant, InstagramAccount, Link, SealedSecret, SealedToken } from './model.js';
import type { HealthRead } from './number-health.js';

/**
 * The ports the linking use cases need. Adapters live in functions/adapters; tests pass in-memory
 * fakes. Every method that can lose a race says which typed error it throws.
 */

interface Clock {
  now(): Date;
}

interface IdGenerator {
  /** `lnk_` + 128 random bits. */
  linkId(): string;
  /** 256 random bits, base64url: OAuth state and selection-session ids. */
  sessionId(): string;
  /** A PKCE code verifier (RFC 7636: 43-128 unreserved characters, here 256 random bits). */
  codeVerifier(): string;
  /** A data-deletion confirmation code (alphanumeric, 128 random bits). */
  confirmationCode(): string;
}

interface PageRequest {
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

interface PageOf<T> {
  items: T[];
  nextCursor?: string;
}

interface LinkRepository {
  /**
   * Writes the link, its Page and phone-number guards and the grant's link count in one transaction.
   * @throws ConflictError (`page_already_linked` / `phone_number_already_linked`) when either is taken.
   * @throws NotFoundError (`grant_not_found`) when the grant is gone.
   */
  create(link: Link): Promise<void>;
  get(tenantId: string, linkId: string): Promise<Link | undefined>;
  list(tenantId: string, page: PageRequest): Promise<PageOf<Link>>;
  /**
   * Replaces the link if its stored version is still `expectedVersion`.
   * @throws ConflictError (`version_mismatch`) or NotFoundError (`link_not_found`).
   */
  update(link: Link, expectedVersion: number): Promise<void>;
  /**
   * Deletes the link and its guards and decrements its grant's link count, in one transaction.
   * @returns the grant's remaining link count, or undefined when the grant no longer exists.
   * @throws NotFoundError (`link_not_found`) when the link is already gone.
   */
  delete(link: Link): Promise<{ grantLinkCount: number | undefined }>;
  /** Every link, in every tenant, backed by this Meta user's grants. */
  listByMetaUser(metaUserId: string): Promise<Link[]>;
  /** Every link, in every tenant, of a number of this WhatsApp Business Account (eventually consistent). */
  listByWaba(wabaId: string): Promise<Link[]>;
  /**
   * Stores the Page's sealed token on the link (undefined removes it), leaving everything else (and
   * the version) alone: it is Tandem's cache, not the link's state. A no-op for a link that is gone.
   */
  storePageToken(link: Link, sealed: SealedSecret | undefined): Promise<void>;
  /** Which of these Pages and numbers are already in a link (anyone's). */
  taken(
    pageIds: string[],
    phoneNumberIds: string[]
  ): Promise<{ pageIds: Set<string>; phoneNumberIds: Set<string> }>;
}

interface GrantRepository {
  /**
   * Creates the grant or refreshes its token, scopes and expiry in place, keeping its link count and
   * creation time. Returns the stored grant.
   */
  save(grant: Omit<Grant, 'linkCount' | 'createdAt'>): Promise<Grant>;
  get(tenantId: string, grantId: string): Promise<Grant | undefined>;
  list(tenantId: string, page: PageRequest): Promise<PageOf<Grant>>;
  /** Deletes the grant (and so its sealed token) only if no link uses it; says whether it did. */
  deleteIfUnused(tenantId: string, grantId: string): Promise<boolean>;
  /** Deletes the grant whatever uses it (Meta's callbacks, after its links are gone). */
  delete(tenantId: string, grantId: string): Promise<void>;
  /** Every grant, in every tenant, of this Meta user. */
  listByMetaUser(metaUserId: string): Promise<Grant[]>;
}

/** A short-lived, single-use browser session of the linking flow. */
type OAuthSession =
  | {
      kind: 'authorize';
      /** The OAuth `state` value. */
      id: string;
      tenantId: string;
      /** What the browser's user is shown as the tenant the Pages will be linked to. */
      tenantName: string;
      codeVerifier: string;
      /** `stories`: a second sign-in that only asks for the story permissions (no picker). */
      purpose?: 'stories';
      /**
       * SHA-256 (base64url) of the sign-in cookie of the browser that continued to Meta's dialog;
       * unset until then. The callback must come back with that cookie (RFC 9700 §4.7.1).
       */
      browserHash?: string;
      /** Where the last page sends the browser back to (a registered origin of the tenant). */
      returnUrl?: string;
      /** Epoch seconds (the TTL attribute). */
      expiresAt: number;
    }
  | {
      kind: 'selection';
      id: string;
      tenantId: string;
      tenantName: string;
      grantId: string;
      /** The sign-in's browser, which alone may submit the picker. */
      browserHash: string;
      returnUrl?: string;
      expiresAt: number;
    };

interface OAuthSessionRepository {
  put(session: OAuthSession): Promise<void>;
  /** Reads a session of `kind` without using it up. */
  get<K extends OAuthSession['kind']>(
    kind: K,
    id: string
  ): Promise<Extract<OAuthSession, { kind: K }> | undefined>;
  /**
   * Binds an authorize session to a browser, once: `bound` when it is now bound to `browserHash` (or
   * already was), `taken` when another browser bound it first, `missing` when there is no such session.
   */
  bindBrowser(id: string, browserHash: string): Promise<'bound' | 'taken' | 'missing'>;
  /**
   * Atomically removes and returns the session if it exists and is of `kind`; a second call with the
   * same id returns undefined. Expiry is the caller's check (TTL deletion lags).
   */
  consume<K extends OAuthSession['kind']>(
    kind: K,
    id: string
  ): Promise<Extract<OAuthSession, { kind: K }> | undefined>;
}

/** What the token is for; part of the encryption context, so a sealed token cannot be repurposed. */
/** `webhook_secret`: a webhook endpoint's signing secret (the grant id is the endpoint id then). */
type TokenPurpose = 'meta_user_token' | 'webhook_secret';

interface TokenContext {
  tenantId: string;
  grantId: string;
  purpose: TokenPurpose;
}

/** A Page token sealed beside its grant's token: bound to the grant and the Page. */
interface SecretContext {
  tenantId: string;
  grantId: string;
  purpose: 'page_token';
  pageId: string;
}

/** A sealed token, opened, with its data key in hand for secrets sealed beside it. */
interface OpenedKey {
  /** The sealed token's plaintext. */
  readonly token: string;
  /** Seals `plaintext` with the same data key (a fresh IV), bound to `context`. */
  seal(plaintext: string, context: SecretContext): SealedSecret;
  /**
   * Opens a secret sealed beside this token; undefined when it was sealed with another data key (the
   * grant was refreshed since) or for another context.
   */
  open(sealed: SealedSecret, context: SecretContext): string | undefined;
}

interface TokenVault {
  seal(plaintext: string, context: TokenContext): Promise<SealedToken>;
  /** @throws when the context differs from the one it was sealed with, or the data was altered. */
  open(sealed: SealedToken, context: TokenContext): Promise<string>;
  /**
   * Opens `sealed` (one unwrap of its data key: one KMS call in AWS) and runs `fn` with the data key,
   * which is wiped when `fn` settles; secrets sealed beside it open with no further KMS call.
   */
  withKey<T>(
    sealed: SealedToken,
    context: TokenContext,
    fn: (key: OpenedKey) => Promise<T>
  ): Promise<T>;
}

interface DeletionRequest {
  confirmationCode: string;
  status: 'completed';
  requestedAt: string;
  completedAt: string;
  deletedLinks: number;
  deletedGrants: number;
  /** Absent on records written before ad operations were deleted with the links. */
  deletedAdOperations?: number;
  /** Absent on records written before story operations existed. */
  deletedStoryOperations?: number;
}

interface DeletionRequestRepository {
  put(request: DeletionRequest): Promise<void>;
  get(confirmationCode: string): Promise<DeletionRequest | undefined>;
}

/** One of Meta's callback requests, as recorded to answer its repeats. */
interface CallbackRecord {
  /** `replayKeyOf` the request: an HMAC of kind, Meta user and issue time (no user id kept). */
  key: string;
  kind: 'deauthorize' | 'data_deletion';
  /** The data-deletion confirmation code this request was given. */
  confirmationCode?: string;
  /** Set once the request was carried out; a record without it was claimed by an attempt that died. */
  result?: {
    deletedLinks: number;
    deletedGrants: number;
    deletedAdOperations?: number;
    deletedStoryOperations?: number;
  };
  /** Epoch seconds: kept until the request is too old to be acted on anyway. */
  expiresAt: number;
}

interface CallbackLedger {
  /** Records a new request and answers undefined; for one seen before, answers its record. */
  claim(record: CallbackRecord): Promise<CallbackRecord | undefined>;
  /** Marks the request carried out. */
  complete(key: string, result: NonNullable<CallbackRecord['result']>): Promise<void>;
}

interface MetaToken {
  accessToken: string;
  /** Seconds until expiry, when Meta says. */
  expiresIn?: number;
}

interface TokenInfo {
  isValid: boolean;
  appId: string;
  userId: string;
  scopes: string[];
  /** Target ids per granular scope, e.g. WABA ids under whatsapp_business_management. */
  granularScopes: { scope: string; targetIds: string[] }[];
  /** Epoch seconds; 0 or undefined when the token does not expire. */
  expiresAt?: number;
  dataAccessExpiresAt?: number;
}

interface MetaPage {
  id: string;
  name: string;
}

interface MetaPhoneNumber {
  id: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName?: string;
}

interface MetaAdAccount {
  /** `act_<id>`, as the ads API takes it. */
  id: string;
  name?: string;
  currency?: string;
  /** Meta's account_status: 1 is ACTIVE. */
  accountStatus?: number;
}

/** The ad operations a link started (their records hold its ad object ids): they go with it. */
interface LinkAdOperations {
  /** Deletes the records of the tenant's link; answers how many. */
  removeForLink(tenantId: string, linkId: string): Promise<number>;
}

/** The Graph operations linking uses. Errors are Tandem's typed errors (the adapter maps them). */
interface MetaGateway {
  exchangeCode(input: {
    code: string;
    redirectUri: string;
    codeVerifier: string;
  }): Promise<MetaToken>;
  exchangeForLongLived(shortLivedToken: string): Promise<MetaToken>;
  debugToken(token: string): Promise<TokenInfo>;
  listPages(token: string): Promise<MetaPage[]>;
  /** The Page's `instagram_business_account` (id, username), if it has one; needs instagram_basic. */
  getInstagramAccount(token: string, pageId: string): Promise<InstagramAccount | undefined>;
  listPhoneNumbers(token: string, wabaIds: string[]): Promise<MetaPhoneNumber[]>;
  /** Removes every permission the user gave the app (DELETE /{user-id}/permissions). */
  revokePermissions(token: string, metaUserId: string): Promise<void>;
  /** Subscribes the app to the Page's webhooks for `fields` (with the Page's token). */
  subscribePage(token: string, pageId: string, fields: readonly string[]): Promise<void>;
  /** Removes the app's subscription to the Page's webhooks. */
  unsubscribePage(token: string, pageId: string): Promise<void>;
  /** The ad accounts the user can use (needs ads_read or ads_management). */
  listAdAccounts(token: string): Promise<MetaAdAccount[]>;
  /**
   * The Page's token and its WhatsApp link fields, in one read with the user's token; the link part
   * says why when Meta would not answer it (the Page read is retried without those fields).
   */
  readPage(
    token: string,
    pageId: string
  ): Promise<{ pageToken?: string; whatsapp: PageWhatsAppRead }>;
  /** The link fields read with the Page's own token (on-demand refreshes). */
  readPageWhatsApp(pageToken: string, pageId: string): Promise<PageWhatsAppRead>;
  /** `GET /{phone-number-id}?fields=health_status`. */
  readHealth(token: string, phoneNumberId: string): Promise<HealthRead>;
  /**
   * `POST /{page-id}/page_whatsapp_number_verification` with the Page's token: without a code Meta
   * sends one to the number; with the code the link is made. Answers Meta's status and message.
   * @throws ValidationError `verification_code_invalid` when Meta refuses the code or the number.
   */
  verifyPageWhatsAppNumber(
    pageToken: string,
    pageId: string,
    number: string,
    code?: string
  ): Promise<{ status?: string; message?: string }>;
  /** Subscribes the app to the WABA's webhooks (`POST /{waba-id}/subscribed_apps`). */
  subscribeWaba(token: string, wabaId: string): Promise<void>;
  /** Removes the app's subscription (`DELETE /{waba-id}/subscribed_apps`). */
  unsubscribeWaba(token: string, wabaId: string): Promise<void>;
}

export type {
  CallbackLedger,
  CallbackRecord,
  Clock,
  DeletionRequest,
  DeletionRequestRepository,
  GrantRepository,
  IdGenerator,
  LinkAdOperations,
  LinkRepository,
  MetaAdAccount,
  MetaGateway,
  MetaPage,
  MetaPhoneNumber,
  MetaToken,
  OAuthSession,
  OAuthSessionRepository,
  OpenedKey,
  PageOf,
  PageRequest,
  SecretContext,
  TokenContext,
  TokenInfo,
  TokenPurpose,
  TokenVault,
};
