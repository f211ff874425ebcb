import type { ReconcileShardJob } from './jobs.js';
import type { DriftClass } from './reconcile/drift.js';

/**
 * A reconcile run: the scheduled fan-out that checks every active link. The reconciler takes a run
 * lock (so two runs never overlap), writes the run summary and publishes one job per shard; the worker
 * runs each shard job, adds its counts to the summary and, with the last shard, completes the run and
 * releases the lock. Pure: every effect goes through the ports below.
 */

type RunStatus = 'running' | 'completed' | 'failed';

interface RunSummary {
  runId: string;
  status: RunStatus;
  startedAt: string;
  shardCount: number;
  shardsDone: number;
  linksChecked: number;
  /** How many links fell in each drift class; only classes seen so far are present. */
  drift: Partial<Record<DriftClass, number>>;
  finishedAt?: string;
  failureReason?: string;
  /** Epoch seconds: the store deletes the run after the retention period. */
  expiresAt: number;
}

type LockResult = { acquired: true } | { acquired: false; heldBy: string; leaseUntil: string };

interface ShardCounts {
  linksChecked: number;
  drift: Partial<Record<DriftClass, number>>;
}

interface ReconcileRunStore {
  /** Takes the run lock unless a run whose lease has not expired holds it. */
  acquireLock(runId: string, now: Date, leaseUntil: Date): Promise<LockResult>;
  /** Releases the lock if `runId` still holds it. */
  releaseLock(runId: string): Promise<void>;
  createSummary(summary: RunSummary): Promise<void>;
  /**
   * Adds one shard's counts to the run summary, once: a redelivered shard job records nothing.
   * Returns the summary as it stands afterwards (undefined if the run is unknown).
   */
  recordShard(
    runId: string,
    shard: number,
    counts: ShardCounts,
    now: Date
  ): Promise<RunSummary | undefined>;
  /** Moves a running run to `completed` (or `failed`); a run already finished stays as it is. */
  finishRun(
    runId: string,
    status: 'completed' | 'failed',
    at: Date,
    reason?: string
  ): Promise<void>;
}

interface ShardJobPublisher {
  publish(jobs: ReconcileShardJob[]): Promise<void>;
}

/** The part of a link the reconciler reads from the shard index. */
interface ShardLink {
  pk: string;
  linkId?: string;
  tenantId?: string;
  status?: string;
}

interface ShardLinkSource {
  /** Yields the shard's links page by page (the index is paginated). */
  pages(shard: number): AsyncIterable<ShardLink[]>;
}

/**
 * The extension point for per-link drift: observe the link's Page and WhatsApp profile and classify
 * them (functions/core/reconcile/drift.ts). Returns undefined while the check is not wired.
 */
type CheckLink = (link: ShardLink) => Promise<DriftClass | undefined>;

/** The default until the drift check is wired to the Graph client: counts links, classifies none. */
const noDriftCheckYet: CheckLink = async () => undefined;

interface ReconcileSettings {
  shardCount: number;
  /** How long a run may hold the lock before the next run may take it over (a crashed run). */
  leaseSeconds: number;
  retentionDays: number;
}

interface StartRunDeps {
  store: ReconcileRunStore;
  publisher: ShardJobPublisher;
  newRunId: (now: Date) => string;
  settings: ReconcileSettings;
}

type StartRunResult =
  | { status: 'started'; runId: string; shardCount: number }
  | { status: 'skipped'; reason: 'run_in_progress'; heldBy: string; leaseUntil: string };

const DAY_SECONDS = 86_400;

/**
 * Starts a reconcile run.
 *
 * 1. Take the run lock with a lease; if a live run holds it, skip (runs never overlap).
 * 2. Write the run summary (`running`, zero counts, retention expiry).
 * 3. Publish one `reconcile-shard` job per shard.
 * If publishing fails the run is marked failed and the lock released, so the next schedule retries.
 */
const startReconcileRun = async (deps: StartRunDeps, now: Date): Promise<StartRunResult> => {
  const { store, publisher, settings } = deps;
  const runId = deps.newRunId(now);
  const leaseUntil = new Date(now.getTime() + settings.leaseSeconds * 1000);
  const lock = await store.acquireLock(runId, now, leaseUntil);
  if (!lock.acquired) {
    return {
      status: 'skipped',
      reason: 'run_in_progress',
      heldBy: lock.heldBy,
      leaseUntil: lock.leaseUntil,
    };
  }
  await store.createSummary({
    runId,
    status: 'running',
    startedAt: now.toISOString(),
    shardCount: settings.shardCount,
    shardsDone: 0,
    linksChecked: 0,
    drift: {},
    expiresAt: Math.floor(now.getTime() / 1000) + settings.retentionDays * DAY_SECONDS,
  });
  const jobs: ReconcileShardJob[] = Array.from({ length: settings.shardCount }, (_, shard) => ({
    v: 1,
    kind: 'reconcile-shard',
    runId,
    shard,
  }));
  try {
    await publisher.publish(jobs);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await store.finishRun(runId, 'failed', now, `publishing shard jobs failed: ${reason}`);
    await store.releaseLock(runId);
    throw error;
  }
  return { status: 'started', runId, shardCount: settings.shardCount };
};

interface ShardDeps {
  store: ReconcileRunStore;
  links: ShardLinkSource;
  checkLink: CheckLink;
}

type ShardResult =
  | { status: 'recorded'; counts: ShardCounts; runCompleted: boolean }
  | { status: 'unknown_run' };

/** The shard index is sparse (only active links carry a shard); the status check is a second guard. */
const isActive = (link: ShardLink): boolean =>
  link.status === undefined || link.status === 'active';

/**
 * Runs one shard of a run: reads the shard's links, checks each active one, records the counts once,
 * and, when this was the last shard, completes the run and releases the lock.
 */
const reconcileShard = async (
  deps: ShardDeps,
  job: ReconcileShardJob,
  now: Date
): Promise<ShardResult> => {
  const counts: ShardCounts = { linksChecked: 0, drift: {} };
  for await (const page of deps.links.pages(job.shard)) {
    for (const link of page.filter(isActive)) {
      counts.linksChecked += 1;
      const drift = await deps.checkLink(link);
      if (drift) counts.drift[drift] = (counts.drift[drift] ?? 0) + 1;
    }
  }
  const summary = await deps.store.recordShard(job.runId, job.shard, counts, now);
  if (!summary) return { status: 'unknown_run' };
  const runCompleted = summary.status === 'running' && summary.shardsDone >= summary.shardCount;
  if (runCompleted) {
    await deps.store.finishRun(job.runId, 'completed', now);
    await deps.store.releaseLock(job.runId);
  }
  return { status: 'recorded', counts, runCompleted };
};

export type {
  CheckLink,
  LockResult,
  ReconcileRunStore,
  ReconcileSettings,
  RunStatus,
  RunSummary,
  ShardCounts,
  ShardDeps,
  ShardJobPublisher,
  ShardLink,
  ShardLinkSource,
  ShardResult,
  StartRunDeps,
  StartRunResult,
};
export { noDriftCheckYet, reconcileShard, startReconcileRun };
