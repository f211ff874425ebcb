import type { SyncJob } from '../jobs.js';
import type { PageWhatsAppRead } from '../linking/meta-link.js';
import type { InstagramAccount, Link } from '../linking/model.js';
import type { HealthRead } from '../linking/number-health.js';
import type { PageSnapshot, ProfileFields } from './mapping.js';
import type { SyncRecord, SyncResult } from './state.js';
import type { UnconfirmedWrite } from './unconfirmed.js';

/** A link's two sides as Meta answered them, or why Meta would not show them. */
type Observation =
  | {
      kind: 'observed';
      page: PageSnapshot;
      whatsapp: ProfileFields;
      /** The Page's `is_webhooks_subscribed`, when Meta answered it. */
      webhooksSubscribed?: boolean;
      /** Meta's Page <-> number link fields, read in the same Page request. */
      metaLink?: PageWhatsAppRead;
      /** The number's health, when this read included the daily check. */
      health?: HealthRead;
      /** The Page's `instagram_business_account`, when it was read (`account` absent: none). */
      instagram?: { account?: InstagramAccount };
    }
  | { kind: 'token_invalid' }
  | { kind: 'asset_gone'; which: 'page' | 'phone_number' };

/** What to read besides each link's Page and WhatsApp profile. */
interface ObserveOptions {
  /** The links whose daily checks (the number's health) are read too. */
  dailyChecks?: (link: Link) => boolean;
  /**
   * `false`: the Page picture is left out of the snapshot, its bytes neither downloaded nor hashed.
   * The reconciler does not compare pictures (sync does, by their bytes), and Meta's picture URLs
   * rotate, so hashing them would cost a download per link on every run.
   */
  pictures?: boolean;
}

/**
 * Reads a link's two sides from Meta: the Page (as a PageSnapshot, picture hashed by its bytes) and
 * the WhatsApp business profile. Token and missing-asset failures come back as observations, not
 * errors, because for the reconciler they are drift classes and for sync they are pause reasons.
 */
interface LinkObserver {
  /**
   * Observes one link.
   * @throws RateLimitError when Meta throttles; UpstreamError / PermissionError / ValidationError for
   * other failures (retryable or not, as the error says).
   */
  observe(link: Link): Promise<Observation>;
  /**
   * Observes many links with as few round trips as Meta allows (batch requests per grant). A link
   * whose read failed for another reason than its token or a missing asset (Meta briefly down, a
   * permission error) is left out of the map: observe it alone to get its error.
   * @throws RateLimitError when Meta throttles any read: every other read would be refused too.
   */
  observeMany(links: readonly Link[], options?: ObserveOptions): Promise<Map<string, Observation>>;
}

/**
 * How a profile write ended: `confirmed` when Meta answered that it applied it; `unanswered` when
 * Meta never answered (timeout, lost connection), so it may or may not be applied, now or later.
 */
type WriteOutcome = 'confirmed' | 'unanswered';

/**
 * How the picture part of a write went; the text fields are written either way. `unconfirmed`: Meta
 * did not answer the picture's own write, which is not repeated and counts as not written.
 */
type PictureOutcome =
  | { outcome: 'applied' }
  | { outcome: 'failed'; reason: string }
  | { outcome: 'unconfirmed'; reason: string };

/** What a profile write came to: the text fields' write, and the picture's when there was one. */
interface ProfileWrite {
  fields: WriteOutcome;
  picture?: PictureOutcome;
}

/** Writes to a link's WhatsApp business profile. */
interface ProfileWriter {
  /**
   * Writes `changes` (a partial update: only these fields change) and then, when given, the Page
   * picture (downloaded from `picture.url`, sent through Meta's resumable upload, and set in a second
   * write). A picture that cannot be taken never fails the write: its outcome is answered instead.
   * Neither write is repeated after an unanswered attempt: the caller reads back instead.
   * @throws PermissionError `meta_token_invalid` when Meta rejects the token (190); RateLimitError;
   * UpstreamError (retryable or not); ValidationError when WhatsApp refuses a value.
   */
  write(
    link: Link,
    changes: ProfileFields,
    picture: { url: string; sha256: string } | undefined
  ): Promise<ProfileWrite>;
}

/** A lease on a link's sync: who holds it and since when (the holder reads the Page after that). */
interface SyncLease {
  owner: string;
  acquiredAt: string;
  until: string;
}

type AcquireResult =
  | { acquired: true; record: SyncRecord | undefined }
  | { acquired: false; lease: SyncLease };

/**
 * Per-link sync state (baseline, last observation, last result) and the lease that makes one sync
 * of a link run at a time across workers.
 */
interface SyncStateRepository {
  get(tenantId: string, linkId: string): Promise<SyncRecord | undefined>;
  /** Takes the link's lease unless another unexpired one is held; answers the current record. */
  acquire(tenantId: string, linkId: string, lease: SyncLease, now: string): Promise<AcquireResult>;
  /**
   * Stores the outcome of a sync and releases the lease, only while `owner` holds it and the stored
   * last observation is older than `record.lastObservedAt`: an older snapshot never replaces a newer.
   * @throws ConflictError `sync_superseded` when either condition fails.
   */
  complete(record: SyncRecord, owner: string): Promise<void>;
  /**
   * Replaces the link's unconfirmed writes (before a write is sent: the write with them), only while
   * `owner` holds the lease, so a write is never sent without its record.
   * @throws ConflictError `sync_superseded` when the lease is no longer `owner`'s.
   */
  recordUnconfirmed(
    tenantId: string,
    linkId: string,
    writes: readonly UnconfirmedWrite[],
    owner: string
  ): Promise<void>;
  /** Records a result without touching the baseline (a pause, a failure) and releases the lease. */
  finish(tenantId: string, linkId: string, result: SyncResult, owner: string): Promise<void>;
  /** Releases the lease if `owner` still holds it. */
  release(tenantId: string, linkId: string, owner: string): Promise<void>;
  /**
   * Forgets which picture sync last wrote (WhatsApp deleted it), so the next sync uploads the Page
   * picture again; nothing for a link never synced.
   */
  forgetPicture(tenantId: string, linkId: string): Promise<void>;
  /** Replaces the baseline (an explicit resume), leaving the last observation and lease alone. */
  adoptBaseline(
    tenantId: string,
    linkId: string,
    baseline: SyncRecord['lastWritten']
  ): Promise<void>;
}

/** Recent Graph usage in this execution environment, as a percentage of the tightest quota. */
interface UsageMeter {
  maxPercent(): number;
}

/** Sends sync jobs to the queue. */
interface SyncJobQueue {
  publish(jobs: readonly SyncJob[]): Promise<void>;
}

/** Finds the links of Pages, in any tenant (webhook fan-in). */
interface PageLinkIndex {
  /** Every Page asked for is in the map, with no links when none holds it. */
  linksOfPages(pageIds: readonly string[]): Promise<Map<string, Link[]>>;
}

/**
 * Remembers the webhook changes whose sync jobs are on the queue, for long enough to outlast Meta's
 * retries. A change is recorded only after its jobs are enqueued, so a delivery that failed half-way
 * (the queue down, the function timed out) is processed again when Meta retries it.
 */
interface WebhookDedupe {
  /** Which of `keys` an earlier delivery recorded (strongly consistent reads, batched). */
  recorded(keys: readonly string[]): Promise<Set<string>>;
  /** Records the keys of changes whose jobs are enqueued (batched writes). */
  record(keys: readonly string[]): Promise<void>;
}

export type {
  AcquireResult,
  LinkObserver,
  Observation,
  ObserveOptions,
  PageLinkIndex,
  PictureOutcome,
  ProfileWrite,
  ProfileWriter,
  SyncJobQueue,
  SyncLease,
  SyncStateRepository,
  UsageMeter,
  WebhookDedupe,
  WriteOutcome,
};
