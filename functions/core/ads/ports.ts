import type { EventPublisher } from '../linking/events.js';
import type { PageWhatsAppRead } from '../linking/meta-link.js';
import type { Clock, GrantRepository, LinkRepository, TokenVault } from '../linking/ports.js';
import type { AdOperation } from './operation.js';
import type { CountryPolicy } from './regions.js';

/**
 * The ports the ads use cases need. Adapters live in functions/adapters/ads; tests pass in-memory
 * fakes. Gateway methods throw Tandem's typed errors (`retryable` says whether to resume later).
 */

/** The Graph objects an ad is built from, in creation order (the image is content-addressed). */
type AdObjectKind = 'campaign' | 'adSet' | 'creative' | 'ad';

interface AdAccountInfo {
  /** Meta's account_status: 1 is ACTIVE; everything else cannot run ads. */
  accountStatus: number;
  currency: string;
  /** The account's `default_dsa_beneficiary` / `default_dsa_payor`, when set. */
  defaultDsaBeneficiary?: string;
  defaultDsaPayor?: string;
}

interface AdInsightsRow {
  spend: number;
  impressions: number;
  /** Action counts by action_type (Meta's `actions`). */
  actions: Record<string, number>;
}

/** The Marketing API operations ad creation and read-back use. */
interface AdsGateway {
  /** The Page's WhatsApp link fields (META_LINK_FIELDS), with the user's token. */
  getPageWhatsApp(token: string, pageId: string): Promise<PageWhatsAppRead>;
  /** @throws NotFoundError when the account does not exist or this user cannot see it. */
  getAdAccount(token: string, account: string): Promise<AdAccountInfo>;
  /** Downloads the image (size and type bounded) and uploads its bytes; answers Meta's hash. */
  uploadImageFromUrl(token: string, account: string, url: string): Promise<{ hash: string }>;
  /**
   * Uploads a JPEG or PNG to the account's image library; answers Meta's hash.
   * @throws ValidationError `image_unusable` for bytes that are not a JPEG or PNG image.
   */
  uploadImage(token: string, account: string, bytes: Uint8Array): Promise<{ hash: string }>;
  /** Names Meta recommends as the DSA beneficiary and payor for the account. */
  getDsaRecommendations(token: string, account: string): Promise<string[]>;
  /**
   * The id of a live (not deleted) object of this kind whose name contains `tag`, if any, among the
   * newest ones under `parentId` (the campaign for an ad set, the ad set for an ad; the account
   * otherwise).
   */
  findByNameTag(
    token: string,
    account: string,
    kind: AdObjectKind,
    tag: string,
    parentId?: string
  ): Promise<string | undefined>;
  create(
    token: string,
    account: string,
    kind: AdObjectKind,
    params: Record<string, unknown>
  ): Promise<{ id: string }>;
  delete(token: string, id: string): Promise<void>;
  getInsights(
    token: string,
    objectId: string,
    range: { since: string; until: string }
  ): Promise<AdInsightsRow>;
}

/**
 * Idempotency records of ad operations. Every write but the first is conditional on the version the
 * caller read, so two calls can never both believe they hold an operation.
 */
interface OperationStore {
  /** Creates the record unless one exists for its id; answers the existing one otherwise. */
  create(
    operation: AdOperation
  ): Promise<{ created: true } | { created: false; existing: AdOperation }>;
  get(operationId: string): Promise<AdOperation | undefined>;
  /** Replaces the record if its stored version is `expectedVersion`; false when it is not. */
  update(operation: AdOperation, expectedVersion: number): Promise<boolean>;
  /** Deletes the record if its stored version is `expectedVersion`; false when it is not. */
  remove(operationId: string, expectedVersion: number): Promise<boolean>;
  /** Every operation of the tenant's link (statistics read the ads they created). */
  listForLink(tenantId: string, linkId: string): Promise<AdOperation[]>;
  /** Deletes every operation of the tenant's link (it was unlinked); answers how many. */
  removeForLink(tenantId: string, linkId: string): Promise<number>;
}

interface AdsDeps {
  links: Pick<LinkRepository, 'get'>;
  grants: Pick<GrantRepository, 'get'>;
  vault: Pick<TokenVault, 'open'>;
  ads: AdsGateway;
  operations: OperationStore;
  clock: Clock;
  countryPolicy: CountryPolicy;
  /** A random lease owner id per call. */
  newLeaseOwner: () => string;
  /** Where ad.completed and ad.failed go. */
  events: EventPublisher;
}

export type { AdAccountInfo, AdInsightsRow, AdObjectKind, AdsDeps, AdsGateway, OperationStore };
