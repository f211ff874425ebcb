import type { ReconcileReportJob, ReconcileShardJob, SyncJob } from '../jobs.js';
import type { InstagramAccount, Link, LinkDrift } from '../linking/model.js';
import type { WrittenProfile } from '../sync/plan.js';
import type { Observation, ObserveOptions } from '../sync/ports.js';
import type { UnconfirmedWrite } from '../sync/unconfirmed.js';
import type {
  LinkDriftRecord,
  RunCounts,
  RunScope,
  RunSummary,
  ShardCheckpoint,
  TenantPageRecord,
} from './model.js';

/**
 * The ports the reconciler needs. Adapters live in functions/adapters (DynamoDB, SQS, the Graph
 * client); unit tests pass in-memory fakes with the same conditional semantics.
 */

/** Which lock a run holds: one for scheduled runs, one per tenant for on-demand runs. */
type LockName = { kind: 'all' } | { kind: 'tenant'; tenantId: string };

interface LockState {
  runId: string;
  leaseUntil: Date;
  /** Released by a finished run; a tenant lock stays until its cool-down (`leaseUntil`) passes. */
  released: boolean;
}

interface PageCommit {
  runId: string;
  shard: number;
  /** The page being committed; succeeds only if the shard's checkpoint still expects it. */
  seq: number;
  counts: RunCounts;
  /** The cursor that starts page `seq + 1`; undefined with `done`. */
  cursor: string | undefined;
  done: boolean;
  at: Date;
}

type CommitResult =
  /** `summary` is the run as it stands after the commit, read back when the shard finished. */
  | { outcome: 'committed'; summary?: RunSummary }
  /** Another delivery of the same job committed this page first. */
  | { outcome: 'already_committed' }
  /** The run is gone or no longer running (failed, completed): nothing was counted. */
  | { outcome: 'run_not_running' };

interface ReconcileRunStore {
  readLock(lock: LockName): Promise<LockState | undefined>;
  /**
   * Takes the lock for `runId` if it is free, released and past its cool-down, or held by a run whose
   * lease ran out. Answers whether it did.
   */
  acquireLock(lock: LockName, runId: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Extends a lapsed lease only if the lock is still exactly `expected` (compare-and-set). */
  takeOverLock(lock: LockName, expected: LockState, leaseUntil: Date): Promise<boolean>;
  /** Extends the lease while `runId` holds the lock; does nothing otherwise. */
  renewLease(lock: LockName, runId: string, leaseUntil: Date): Promise<void>;
  /**
   * Releases the lock if `runId` holds it: deletes it, or with `cooldownUntil` keeps it released
   * until then (on-demand runs cannot be started back to back).
   */
  releaseLock(lock: LockName, runId: string, cooldownUntil?: Date): Promise<void>;
  /** Writes the summary and the run's entry in the run index (latest runs). */
  createRun(summary: RunSummary): Promise<void>;
  getRun(runId: string): Promise<RunSummary | undefined>;
  markResumed(runId: string, at: Date): Promise<void>;
  getCheckpoint(runId: string, shard: number): Promise<ShardCheckpoint | undefined>;
  listCheckpoints(runId: string): Promise<ShardCheckpoint[]>;
  /** Advances the shard's checkpoint and adds the page's counts to the summary, atomically, once. */
  commitPage(commit: PageCommit): Promise<CommitResult>;
  /**
   * Moves a running run to `completed` or `failed`; answers the finished summary if this call did it,
   * undefined if the run had already finished (so exactly one caller reports the finish).
   */
  finishRun(
    run: Pick<RunSummary, 'runId' | 'startedAt'>,
    status: 'completed' | 'failed',
    at: Date,
    reason?: string
  ): Promise<RunSummary | undefined>;
}

/** Where the links of one shard (or one tenant) come from, a bounded page at a time. */
type LinkSourceScope =
  | { kind: 'shard'; shard: number }
  | { kind: 'tenant'; tenantId: string; linkId?: string };

/** An index item is either a link, or something that cannot be checked (and is counted as an error). */
type SourcedLink = { ok: true; link: Link } | { ok: false; key: string; reason: string };

interface LinkPageSource {
  page(
    scope: LinkSourceScope,
    cursor: string | undefined,
    limit: number
  ): Promise<{ items: SourcedLink[]; cursor: string | undefined }>;
}

/** How close the Graph calls of a page came to Meta's limits. */
interface UsageReading {
  /** Highest usage percentage any usage header reported (0-100). */
  maxUsagePercent: number;
  /** Seconds Meta asked to wait, when a header said so. */
  retryAfterSeconds?: number;
}

interface ReconcileObserver {
  /**
   * Observes the links' Pages and WhatsApp profiles with as few round trips as Meta allows. A link
   * missing from the map could not be observed. Throws RateLimitError when Meta throttles.
   */
  observe(
    links: readonly Link[],
    options?: ObserveOptions
  ): Promise<{ observations: Map<string, Observation>; usage: UsageReading }>;
}

/** What sync last wrote to a link's profile, and the writes it sent without seeing their outcome. */
interface SyncBaseline {
  lastWritten?: WrittenProfile;
  unconfirmed?: UnconfirmedWrite[];
}

/** Each link's sync baseline (absent: never synced). */
interface BaselineSource {
  read(links: readonly Link[]): Promise<Map<string, SyncBaseline>>;
}

/** Puts back the app's subscription to the Pages' webhooks (best effort: the next run tries again). */
interface PageSubscriptions {
  restore(links: readonly Link[]): Promise<void>;
}

interface ReconcileJobPublisher {
  shardJobs(jobs: ReconcileShardJob[], delaySeconds?: number): Promise<void>;
  syncJobs(jobs: SyncJob[]): Promise<void>;
  reportJobs(jobs: ReconcileReportJob[]): Promise<void>;
}

interface DriftReportWriter {
  /**
   * Idempotent puts: a retried page overwrites its own records. Also notes each tenant on the page
   * as one the run covered (runTenants).
   */
  writePage(records: LinkDriftRecord[], tenants: TenantPageRecord[]): Promise<void>;
  /** The tenants a run covered, in id order, a page at a time. */
  runTenants(
    runId: string,
    page: { limit: number; cursor?: string }
  ): Promise<{ items: string[]; nextCursor?: string }>;
  tenantPages(runId: string, tenantId: string): Promise<TenantPageRecord[]>;
}

/** Keeps each link's latest drift class on the link, for fleet views to filter on. */
interface LinkDriftWriter {
  /** Never resurrects a deleted link, never replaces a class a later run wrote. */
  record(entries: readonly { tenantId: string; linkId: string; drift: LinkDrift }[]): Promise<void>;
  /** Stores the Page's Instagram account as read (absent: the Page has none); never resurrects. */
  instagram(
    entries: readonly { tenantId: string; linkId: string; account?: InstagramAccount }[]
  ): Promise<void>;
}

interface DriftReportReader extends Pick<DriftReportWriter, 'tenantPages'> {
  /** The newest run ids covering the tenant: the newest scheduled run and the tenant's own. */
  latestRunIds(tenantId: string): Promise<string[]>;
  /** Newest first. */
  linkHistory(
    tenantId: string,
    linkId: string,
    page: { limit: number; cursor?: string }
  ): Promise<{ items: LinkDriftRecord[]; nextCursor?: string }>;
}

interface ReconcileMetrics {
  pageReconciled(scope: RunScope['kind'], counts: RunCounts): void;
  runFinished(summary: RunSummary): void;
}

export type {
  BaselineSource,
  CommitResult,
  DriftReportReader,
  DriftReportWriter,
  LinkDriftWriter,
  LinkPageSource,
  LinkSourceScope,
  LockName,
  LockState,
  PageCommit,
  PageSubscriptions,
  ReconcileJobPublisher,
  ReconcileMetrics,
  ReconcileObserver,
  ReconcileRunStore,
  SourcedLink,
  SyncBaseline,
  UsageReading,
};
