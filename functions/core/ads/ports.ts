import type { Clock, GrantRepository, LinkRepository, TokenVault } from '../linking/ports.js';
import type { AdOperation } from './operation.js';
import type { CountryPolicy } from './plan.js';

/**
 * The ports the ads use cases need. Adapters live in functions/adapters/ads; tests pass in-memory
 * fakes. Gateway methods throw Tandem's typed errors (`retryable` says whether to resume later).
 */

/** The Graph objects an ad is built from, in creation order (the image is content-addressed). */
type AdObjectKind = 'campaign' | 'adSet' | 'creative' | 'ad';

/** What Meta says about the Page's WhatsApp link. */
interface PageWhatsApp {
  /** Digits of the number linked to the Page on Meta's side, if any. */
  whatsappNumber?: string;
  hasWhatsAppBusinessNumber: boolean;
}

interface AdAccountInfo {
  /** Meta's account_status: 1 is ACTIVE; everything else cannot run ads. */
  accountStatus: number;
  currency: string;
}

interface AdInsightsRow {
  spend: number;
  impressions: number;
  /** Action counts by action_type (Meta's `actions`). */
  actions: Record<string, number>;
}

/** The Marketing API operations ad creation and read-back use. */
interface AdsGateway {
  getPageWhatsApp(token: string, pageId: string): Promise<PageWhatsApp>;
  /** @throws NotFoundError when the account does not exist or this user cannot see it. */
  getAdAccount(token: string, account: string): Promise<AdAccountInfo>;
  /** Downloads the image (size and type bounded) and uploads its bytes; answers Meta's hash. */
  uploadImageFromUrl(token: string, account: string, url: string): Promise<{ hash: string }>;
  /** The id of a live (not deleted) object of this kind whose name contains `tag`, if any. */
  findByNameTag(
    token: string,
    account: string,
    kind: AdObjectKind,
    tag: string
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
}

export type {
  AdAccountInfo,
  AdInsightsRow,
  AdObjectKind,
  AdsDeps,
  AdsGateway,
  OperationStore,
  PageWhatsApp,
};
