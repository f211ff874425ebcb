import { mapConcurrently } from '../batching.js';
import { MetaOutageError, RateLimitError } from '../errors.js';
import type { ReconcileReportJob, ReconcileShardJob, SyncJob } from '../jobs.js';
import type { EventPublisher } from '../linking/events.js';
import { instagramChanged } from '../linking/instagram.js';
import { updateLinkWith } from '../linking/links.js';
import type { InstagramAccount, Link, LinkDrift } from '../linking/model.js';
import { dailyCheckDue, dailySlotAt } from '../linking/number-health.js';
import type { LinkRepository } from '../linking/ports.js';
import { checkLinks, type LinkOutcome } from './check.js';
import {
  addCounts,
  emptyCounts,
  expiryFor,
  type LinkDriftRecord,
  type RunCounts,
  type RunScope,
  type RunSummary,
  type RunTrigger,
  runStartOf,
  type TenantPageRecord,
} from './model.js';
import type {
  BaselineSource,
  DriftReportWriter,
  LinkDriftWriter,
  LinkPageSource,
  LinkSourceScope,
  LockName,
  PageSubscriptions,
  ReconcileJobPublisher,
  ReconcileMetrics,
  ReconcileObserver,
  ReconcileRunStore,
  UsageReading,
} from './ports.js';

/**
 * A reconcile run: the fan-out that checks links for drift, built to cover a million links within the
 * worker's 30 s timeout and Meta's rate limits.
 *
 * - The reconciler takes a run lock with a lease, writes the run summary and publishes one
 *   `reconcile-shard` job per shard (an on-demand run for one tenant is a single "shard": the tenant's
 *   own links).
 * - A shard job reconciles ONE bounded page of its shard (`pageSize` links: one index query, Graph
 *   batch requests, one report write, one commit) and publishes a continuation job for the next page,
 *   carrying the index cursor. No job loops towards the timeout.
 * - The commit advances the shard's checkpoint (next page, cursor) and adds the page's counts to the
 *   summary in one conditional transaction keyed by (shard, page): a redelivered or duplicated job
 *   finds the page committed and counts nothing.
 * - Every commit renews the lease; the last shard completes the run and releases the lock. A run whose
 *   lease runs out (its jobs were lost) is resumed by the next start from its checkpoints, never run
 *   twice side by side.
 * - When Meta's usage headers approach the limit, continuations are delayed; when Meta throttles, the
 *   page is re-queued with Meta's own wait instead of burning retries.
 */

interface ReconcileSettings {
  /** Must match the shard count links are written with (functions/core/linking/model.ts). */
  shardCount: number;
  /** Links per shard job: bounded so one job stays far inside the worker's timeout. */
  pageSize: number;
  /** How long a run may go without progress before the next start takes it over. */
  leaseSeconds: number;
  retentionDays: number;
  /** An on-demand run for a tenant cannot start again until this long after the last one finished. */
  tenantCooldownSeconds: number;
  /** Usage percentage from which continuations are delayed, growing to the maximum delay at 100 %. */
  slowDownAtPercent: number;
  /**
   * From this attempt on, a page that still cannot be observed is recorded as errors and the shard
   * moves on, so one bad page cannot hold up a run (below the queue's maxReceiveCount).
   */
  giveUpAfterAttempts: number;
  /**
   * How many scheduled runs a day shares the daily checks (the number's health) between: a
   * scheduled run checks the links of its slot of the day. One per run of the schedule.
   */
  dailyCheckSlots: number;
}

/** drift.detected events a page publishes at once. */
const EVENTS_IN_FLIGHT = 10;

/** SQS delays a message by at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;

interface StartRunDeps {
  store: ReconcileRunStore;
  publisher: ReconcileJobPublisher;
  newRunId: (now: Date) => string;
  settings: ReconcileSettings;
  metrics: ReconcileMetrics;
  /** Where reconcile.completed goes. */
  events: EventPublisher;
}

interface StartRunRequest {
  scope: RunScope;
  trigger: RunTrigger;
}

type StartRunResult =
  | { status: 'started'; runId: string; shardCount: number }
  | { status: 'resumed'; runId: string; shardsResumed: number }
  | { status: 'skipped'; reason: 'run_in_progress'; heldBy: string; leaseUntil: string }
  | { status: 'cooling_down'; lastRunId: string; retryAfterSeconds: number };

const lockFor = (scope: RunScope): LockName =>
  scope.kind === 'all' ? { kind: 'all' } : { kind: 'tenant', tenantId: scope.tenantId };

const addSeconds = (at: Date, seconds: number): Date => new Date(at.getTime() + seconds * 1000);

const shardJob = (
  runId: string,
  scope: RunScope,
  shard: number,
  seq: number,
  cursor: string | undefined
): ReconcileShardJob => ({
  v: 1,
  kind: 'reconcile-shard',
  runId,
  shard,
  ...(seq > 0 ? { seq } : {}),
  ...(cursor ? { cursor } : {}),
  ...(scope.kind === 'tenant'
    ? { tenantId: scope.tenantId, ...(scope.linkId ? { linkId: scope.linkId } : {}) }
    : {}),
});

const scopeOfJob = (job: ReconcileShardJob): RunScope =>
  job.tenantId
    ? { kind: 'tenant', tenantId: job.tenantId, ...(job.linkId ? { linkId: job.linkId } : {}) }
    : { kind: 'all' };

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const allShardsDone = (run: RunSummary): boolean =>
  run.status === 'running' && run.shardsDone >= run.shardCount;

const cooldownFor = (scope: RunScope, settings: ReconcileSettings, at: Date): Date | undefined =>
  scope.kind === 'tenant' ? addSeconds(at, settings.tenantCooldownSeconds) : undefined;

/**
 * Completes a run whose shards are all done; only the caller that moves it reports it. An
 * on-demand run publishes `reconcile.completed` to its tenant with the run's counts; a scheduled
 * run queues its report job, which sends each tenant it covered its own counts (reportRun).
 */
const completeRun = async (
  deps: {
    store: ReconcileRunStore;
    metrics: ReconcileMetrics;
    settings: ReconcileSettings;
    events: EventPublisher;
    publisher: ReconcileJobPublisher;
  },
  run: Pick<RunSummary, 'runId' | 'scope' | 'startedAt'>,
  now: Date
): Promise<boolean> => {
  const finished = await deps.store.finishRun(run, 'completed', now);
  await deps.store.releaseLock(
    lockFor(run.scope),
    run.runId,
    cooldownFor(run.scope, deps.settings, now)
  );
  if (!finished) return false;
  deps.metrics.runFinished(finished);
  if (finished.scope.kind === 'tenant') {
    await deps.events.publish(finished.scope.tenantId, 'reconcile.completed', {
      runId: finished.runId,
      linksChecked: finished.linksChecked,
      drift: finished.drift as Record<string, number>,
      errors: finished.errors,
      syncsEnqueued: finished.syncsEnqueued,
      startedAt: finished.startedAt,
      finishedAt: finished.finishedAt ?? now.toISOString(),
    });
  } else {
    await deps.publisher.reportJobs([{ v: 1, kind: 'reconcile-report', runId: finished.runId }]);
  }
  return true;
};

/** Tenants per report job: each is one Query of its pages and one event. */
const REPORT_PAGE = 50;

/**
 * A finished scheduled run's `reconcile.completed`, to each tenant it covered, with that tenant's
 * own counts (its share of every page), a page of tenants per job; each page queues the next. A
 * page delivered twice sends its tenants' events twice, with the same run id to tell them by.
 */
const reportRun = async (
  deps: Pick<ShardDeps, 'store' | 'reports' | 'publisher' | 'events'>,
  job: ReconcileReportJob
): Promise<{ tenants: number; more: boolean }> => {
  const run = await deps.store.getRun(job.runId);
  if (run?.status !== 'completed') return { tenants: 0, more: false };
  const page = await deps.reports.runTenants(job.runId, {
    limit: REPORT_PAGE,
    ...(job.cursor ? { cursor: job.cursor } : {}),
  });
  for (const tenantId of page.items) {
    const counts = (await deps.reports.tenantPages(job.runId, tenantId)).reduce(
      (sum, tenantPage) => addCounts(sum, tenantPage.counts),
      emptyCounts()
    );
    await deps.events.publish(tenantId, 'reconcile.completed', {
      runId: run.runId,
      linksChecked: counts.linksChecked,
      drift: counts.drift as Record<string, number>,
      errors: counts.errors,
      syncsEnqueued: counts.syncsEnqueued,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt ?? run.startedAt,
    });
  }
  if (page.nextCursor) {
    await deps.publisher.reportJobs([{ ...job, cursor: page.nextCursor }]);
  }
  return { tenants: page.items.length, more: page.nextCursor !== undefined };
};

/** The jobs that pick a run up where its checkpoints stand: one per unfinished shard. */
const resume = async (deps: StartRunDeps, run: RunSummary, now: Date): Promise<StartRunResult> => {
  const checkpoints = new Map(
    (await deps.store.listCheckpoints(run.runId)).map((checkpoint) => [
      checkpoint.shard,
      checkpoint,
    ])
  );
  const jobs = Array.from({ length: run.shardCount }, (_, shard) => shard).flatMap((shard) => {
    const checkpoint = checkpoints.get(shard);
    if (checkpoint?.done) return [];
    return [shardJob(run.runId, run.scope, shard, checkpoint?.nextSeq ?? 0, checkpoint?.cursor)];
  });
  await deps.store.markResumed(run.runId, now);
  if (jobs.length === 0) {
    // Every shard committed but the run never completed (the last worker stopped in between).
    await completeRun(deps, run, now);
  } else {
    await deps.publisher.shardJobs(jobs);
  }
  return { status: 'resumed', runId: run.runId, shardsResumed: jobs.length };
};

/**
 * Starts a reconcile run, or resumes the one whose lease ran out.
 *
 * 1. A live run holds the lock: skip (runs never overlap). A tenant's last on-demand run finished
 *    less than the cool-down ago: say when to come back.
 * 2. The lock's run stopped making progress (lease ran out) and is still `running`: take the lock over
 *    and publish one job per unfinished shard from its checkpoint.
 * 3. Otherwise take the lock, write the summary and publish one job per shard. If publishing fails,
 *    the run is marked failed and the lock released, so the next start can try again.
 */
const startReconcileRun = async (
  deps: StartRunDeps,
  request: StartRunRequest,
  now: Date
): Promise<StartRunResult> => {
  const { store, publisher, settings } = deps;
  const lock = lockFor(request.scope);
  const leaseUntil = addSeconds(now, settings.leaseSeconds);
  const held = await store.readLock(lock);
  if (held && held.leaseUntil > now) {
    return held.released
      ? {
          status: 'cooling_down',
          lastRunId: held.runId,
          retryAfterSeconds: Math.max(
            1,
            Math.ceil((held.leaseUntil.getTime() - now.getTime()) / 1000)
          ),
        }
      : {
          status: 'skipped',
          reason: 'run_in_progress',
          heldBy: held.runId,
          leaseUntil: held.leaseUntil.toISOString(),
        };
  }
  if (held && !held.released) {
    const stalled = await store.getRun(held.runId);
    if (stalled?.status === 'running') {
      if (await store.takeOverLock(lock, held, leaseUntil)) return resume(deps, stalled, now);
      return skippedBy(await store.readLock(lock));
    }
  }

  const runId = deps.newRunId(now);
  if (!(await store.acquireLock(lock, runId, now, leaseUntil))) {
    return skippedBy(await store.readLock(lock));
  }
  const shardCount = request.scope.kind === 'all' ? settings.shardCount : 1;
  await store.createRun({
    runId,
    scope: request.scope,
    trigger: request.trigger,
    status: 'running',
    startedAt: now.toISOString(),
    shardCount,
    shardsDone: 0,
    pagesDone: 0,
    ...emptyCounts(),
    expiresAt: expiryFor(now, settings.retentionDays),
  });
  const jobs = Array.from({ length: shardCount }, (_, shard) =>
    shardJob(runId, request.scope, shard, 0, undefined)
  );
  try {
    await publisher.shardJobs(jobs);
  } catch (error) {
    const reason = messageOf(error);
    await store.finishRun(
      { runId, startedAt: now.toISOString() },
      'failed',
      now,
      `publishing shard jobs failed: ${reason}`
    );
    await store.releaseLock(lock, runId);
    throw error;
  }
  return { status: 'started', runId, shardCount };
};

/** Another start won the race for the lock: report whoever holds it now. */
const skippedBy = (held: Awaited<ReturnType<ReconcileRunStore['readLock']>>): StartRunResult => ({
  status: 'skipped',
  reason: 'run_in_progress',
  heldBy: held?.runId ?? 'unknown',
  leaseUntil: (held?.leaseUntil ?? new Date(0)).toISOString(),
});

/**
 * How long to wait before the next page, from the usage Meta reported on this one: Meta's own wait
 * when it gave one, otherwise nothing below `slowDownAtPercent` and up to the maximum delay at 100 %.
 */
const continuationDelaySeconds = (usage: UsageReading, settings: ReconcileSettings): number => {
  if (usage.retryAfterSeconds !== undefined && usage.retryAfterSeconds > 0) {
    return Math.min(MAX_DELAY_SECONDS, Math.ceil(usage.retryAfterSeconds));
  }
  if (usage.maxUsagePercent < settings.slowDownAtPercent) return 0;
  const share =
    (usage.maxUsagePercent - settings.slowDownAtPercent) /
    Math.max(1, 100 - settings.slowDownAtPercent);
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(share * MAX_DELAY_SECONDS)));
};

interface ShardDeps {
  store: ReconcileRunStore;
  links: LinkPageSource;
  /** Where a run stores what changed on links' WhatsApp side (Meta's link, the number's health). */
  linkStore: Pick<LinkRepository, 'get' | 'update'>;
  observer: ReconcileObserver;
  baselines: BaselineSource;
  subscriptions: PageSubscriptions;
  reports: DriftReportWriter;
  linkDrift: LinkDriftWriter;
  publisher: ReconcileJobPublisher;
  metrics: ReconcileMetrics;
  settings: ReconcileSettings;
  /** Where drift.detected and reconcile.completed go. */
  events: EventPublisher;
}

interface DeliveryContext {
  /** 1 on the first delivery of this job. */
  receiveCount: number;
}

type ShardResult =
  | { status: 'committed'; seq: number; counts: RunCounts; done: boolean; delaySeconds: number }
  | { status: 'run_completed'; seq: number; counts: RunCounts }
  /** Meta throttled: the same page was re-queued to run after `delaySeconds`. */
  | { status: 'deferred'; seq: number; delaySeconds: number }
  /** A redelivery of a page (or shard) already committed: nothing counted again. */
  | { status: 'already_done'; seq: number }
  | { status: 'run_not_running'; seq: number }
  /** A job ahead of its shard's checkpoint: not this run's to do (never published by Tandem). */
  | { status: 'stale'; seq: number; expectedSeq: number };

interface Tally {
  counts: RunCounts;
  records: LinkDriftRecord[];
  tenants: TenantPageRecord[];
  syncs: SyncJob[];
  /** Links whose Page lost the app's webhook subscription. */
  restores: Link[];
  /** Links whose drift class changed since the run that last checked them. */
  driftChanges: { tenantId: string; linkId: string; drift: LinkDrift }[];
  /** Links whose Page's Instagram account is not the one stored. */
  instagramChanges: { tenantId: string; linkId: string; account?: InstagramAccount }[];
}

/** Turns a page's outcomes into counts, history records, per-tenant records and sync jobs. */
const tally = (
  job: ReconcileShardJob,
  seq: number,
  outcomes: readonly LinkOutcome[],
  now: Date,
  retentionDays: number
): Tally => {
  const expiresAt = expiryFor(now, retentionDays);
  const counts = emptyCounts();
  const records: LinkDriftRecord[] = [];
  const syncs: SyncJob[] = [];
  const restores: Link[] = [];
  const driftChanges: Tally['driftChanges'] = [];
  const instagramChanges: Tally['instagramChanges'] = [];
  const tenants = new Map<string, TenantPageRecord>();
  const tenantRecord = (tenantId: string): TenantPageRecord => {
    let record = tenants.get(tenantId);
    if (!record) {
      record = {
        runId: job.runId,
        tenantId,
        shard: job.shard,
        seq,
        counts: emptyCounts(),
        drifted: [],
        expiresAt,
      };
      tenants.set(tenantId, record);
    }
    return record;
  };
  for (const outcome of outcomes) {
    const one = emptyCounts();
    one.linksChecked = 1;
    if (outcome.kind === 'error') {
      one.errors = 1;
      addCounts(counts, one);
      if (outcome.tenantId) addCounts(tenantRecord(outcome.tenantId).counts, one);
      continue;
    }
    const { link, drift, action, paused, whatsapp } = outcome;
    one.drift[drift.class] = 1;
    if (link.drift?.class !== drift.class) {
      driftChanges.push({
        tenantId: link.tenantId,
        linkId: link.linkId,
        drift: { class: drift.class, runId: job.runId, since: now.toISOString() },
      });
    }
    if (whatsapp.metaLink) one.metaLink[whatsapp.metaLink.state] = 1;
    if (whatsapp.health) one.health[whatsapp.health.canSendMessage] = 1;
    if (whatsapp.dailyChecked) one.dailyChecks = 1;
    if (drift.webhooksLost) restores.push(link);
    if (outcome.instagram && instagramChanged(link, outcome.instagram.account)) {
      const { account } = outcome.instagram;
      instagramChanges.push({
        tenantId: link.tenantId,
        linkId: link.linkId,
        ...(account ? { account } : {}),
      });
    }
    if (action === 'enqueue_sync') {
      one.syncsEnqueued = 1;
      syncs.push({
        v: 1,
        kind: 'sync',
        tenantId: link.tenantId,
        linkId: link.linkId,
        trigger: 'reconcile',
        observedAt: now.toISOString(),
        runId: job.runId,
      });
    }
    addCounts(counts, one);
    const tenant = tenantRecord(link.tenantId);
    addCounts(tenant.counts, one);
    // In-sync links are only counted: storing "nothing happened" for every link would cost a write
    // per link per run for no information.
    if (drift.class === 'in_sync') continue;
    tenant.drifted.push({ linkId: link.linkId, class: drift.class });
    records.push({
      runId: job.runId,
      tenantId: link.tenantId,
      linkId: link.linkId,
      observedAt: now.toISOString(),
      class: drift.class,
      fields: drift.fields,
      unsupported: drift.unsupported,
      action,
      syncEnabled: link.sync.enabled,
      paused,
      whatsapp: {
        metaLink: whatsapp.metaLink?.state ?? null,
        health: whatsapp.health?.canSendMessage ?? null,
        notes: whatsapp.notes,
      },
      expiresAt,
    });
  }
  return {
    counts,
    records,
    tenants: [...tenants.values()],
    syncs,
    restores,
    driftChanges,
    instagramChanges,
  };
};

/**
 * Stores what changed on the page's links' WhatsApp side, onto the link as it is now (a concurrent
 * update is read again, never overwritten).
 */
const storeWhatsAppChanges = async (
  deps: Pick<ShardDeps, 'linkStore'>,
  outcomes: readonly LinkOutcome[],
  now: Date
): Promise<void> => {
  await Promise.all(
    outcomes.flatMap((outcome) => {
      if (outcome.kind !== 'checked' || !outcome.whatsapp.changed) return [];
      const changed = outcome.whatsapp.changed;
      return [
        updateLinkWith(
          { links: deps.linkStore },
          outcome.link.tenantId,
          outcome.link.linkId,
          (current) => ({
            ...current,
            whatsapp: { ...current.whatsapp, ...changed },
            updatedAt: now.toISOString(),
            version: current.version + 1,
          })
        ),
      ];
    })
  );
};

/**
 * Which links of a page get their daily checks: every link in an on-demand run (the tenant asked
 * for now), the links of the run's slot of the day in a scheduled run.
 */
const dailyChecksFor = (
  job: ReconcileShardJob,
  settings: ReconcileSettings,
  now: Date
): ((link: Link) => boolean) => {
  if (job.tenantId) return () => true;
  const count = Math.max(1, settings.dailyCheckSlots);
  const slot = { index: dailySlotAt(runStartOf(job.runId) ?? now, count), count };
  return (link) => dailyCheckDue(link, slot);
};

/** A scheduled run reads its shard of the index; an on-demand run reads its tenant's links. */
const sourceScopeOf = (scope: RunScope, shard: number): LinkSourceScope =>
  scope.kind === 'all' ? { kind: 'shard', shard } : scope;

/**
 * Reconciles one page of one shard and hands the rest of the shard to a continuation job.
 *
 * 1. Read the shard's checkpoint: a page already committed is not done again (a redelivery); the
 *    job just before the checkpoint re-publishes the continuation in case it was lost.
 * 2. Read one page of links from the checkpoint's cursor, observe and classify them (with the daily
 *    checks of the links whose slot this run is).
 * 3. Enqueue syncs the policy allows, store what changed on the links' WhatsApp side (Meta's link,
 *    the number's health: only changes are written), write the drift reports (idempotent puts), then
 *    commit the page: checkpoint and counts in one conditional transaction.
 * 4. Renew the lease, then publish the next page (delayed when Meta's usage is high), or, when this
 *    was the shard's last page and every shard is done, complete the run and release the lock.
 */
const reconcileShard = async (
  deps: ShardDeps,
  job: ReconcileShardJob,
  ctx: DeliveryContext,
  now: Date
): Promise<ShardResult> => {
  const { store, settings, publisher } = deps;
  const scope = scopeOfJob(job);
  const lock = lockFor(scope);
  const seq = job.seq ?? 0;
  const checkpoint = await store.getCheckpoint(job.runId, job.shard);
  const expectedSeq = checkpoint?.nextSeq ?? 0;
  const redelivered = ctx.receiveCount > 1;
  if (checkpoint?.done) {
    // A redelivery of a shard's last page whose first delivery stopped between commit and completion.
    const run = redelivered ? await store.getRun(job.runId) : undefined;
    if (run && allShardsDone(run)) {
      await completeRun(deps, run, now);
    }
    return { status: 'already_done', seq };
  }
  if (seq < expectedSeq) {
    // Only a redelivery of the job right before the checkpoint may have lost its continuation; a
    // duplicate message (first delivery) must not, or duplicates would shadow the shard to its end.
    if (seq === expectedSeq - 1 && redelivered) {
      await publisher.shardJobs([
        shardJob(job.runId, scope, job.shard, expectedSeq, checkpoint?.cursor),
      ]);
    }
    return { status: 'already_done', seq };
  }
  if (seq > expectedSeq) return { status: 'stale', seq, expectedSeq };

  // The checkpoint is the truth about where page `seq` starts; the job's cursor is a copy of it.
  const cursor = checkpoint ? checkpoint.cursor : job.cursor;
  const page = await deps.links.page(sourceScopeOf(scope, job.shard), cursor, settings.pageSize);

  let checked: Awaited<ReturnType<typeof checkLinks>>;
  try {
    checked = await checkLinks(deps, page.items, {
      dailyChecks: dailyChecksFor(job, settings, now),
      now,
    });
  } catch (error) {
    if (error instanceof RateLimitError) {
      const delaySeconds = Math.min(MAX_DELAY_SECONDS, Math.max(1, error.retryAfterSeconds));
      await store.renewLease(
        lock,
        job.runId,
        addSeconds(now, delaySeconds + settings.leaseSeconds)
      );
      await publisher.shardJobs([shardJob(job.runId, scope, job.shard, seq, cursor)], delaySeconds);
      return { status: 'deferred', seq, delaySeconds };
    }
    // A Meta surface out for everyone: the page waits for it on the queue (the worker puts the job
    // back without using an attempt), recording no drift and no errors, pausing nothing.
    if (error instanceof MetaOutageError) throw error;
    if (ctx.receiveCount < settings.giveUpAfterAttempts) throw error;
    const reason = `not observed after ${ctx.receiveCount} attempts: ${messageOf(error)}`;
    checked = {
      outcomes: page.items.map((item) =>
        item.ok
          ? {
              kind: 'error',
              key: item.link.linkId,
              tenantId: item.link.tenantId,
              linkId: item.link.linkId,
              reason,
            }
          : { kind: 'error', key: item.key, reason: item.reason }
      ),
      usage: { maxUsagePercent: 0 },
    };
  }

  const { counts, records, tenants, syncs, restores, driftChanges, instagramChanges } = tally(
    job,
    seq,
    checked.outcomes,
    now,
    settings.retentionDays
  );
  // Syncs first: a crash after this re-runs the page and enqueues them again, which sync tolerates
  // (its jobs are idempotent and a stale snapshot never wins); the reverse order could lose them.
  if (syncs.length > 0) await publisher.syncJobs(syncs);
  if (restores.length > 0) await deps.subscriptions.restore(restores);
  await storeWhatsAppChanges(deps, checked.outcomes, now);
  await deps.reports.writePage(records, tenants);
  if (driftChanges.length > 0) await deps.linkDrift.record(driftChanges);
  if (instagramChanges.length > 0) await deps.linkDrift.instagram(instagramChanges);
  const done = page.cursor === undefined;
  const commit = await store.commitPage({
    runId: job.runId,
    shard: job.shard,
    seq,
    counts,
    cursor: page.cursor,
    done,
    at: now,
  });
  if (commit.outcome === 'already_committed') return { status: 'already_done', seq };
  if (commit.outcome === 'run_not_running') return { status: 'run_not_running', seq };
  deps.metrics.pageReconciled(scope.kind, counts);
  // After the commit, so a redelivered page (already committed) does not report its drift twice.
  // A few at a time: each is a write and a message, and a page of drifted links one after the
  // other would hold the worker for seconds (publishing never throws; failures are logged).
  await mapConcurrently(records, EVENTS_IN_FLIGHT, (record) =>
    deps.events.publish(record.tenantId, 'drift.detected', {
      runId: record.runId,
      linkId: record.linkId,
      class: record.class,
      fields: record.fields.map((field) => field.field),
      action: record.action,
      paused: record.paused,
    })
  );

  if (done) {
    const summary = commit.summary;
    if (summary && allShardsDone(summary)) {
      await completeRun(deps, summary, now);
      return { status: 'run_completed', seq, counts };
    }
    return { status: 'committed', seq, counts, done, delaySeconds: 0 };
  }
  const delaySeconds = continuationDelaySeconds(checked.usage, settings);
  await store.renewLease(lock, job.runId, addSeconds(now, delaySeconds + settings.leaseSeconds));
  await publisher.shardJobs(
    [shardJob(job.runId, scope, job.shard, seq + 1, page.cursor)],
    delaySeconds
  );
  return { status: 'committed', seq, counts, done, delaySeconds };
};

export type {
  DeliveryContext,
  ReconcileSettings,
  ShardDeps,
  ShardResult,
  StartRunDeps,
  StartRunRequest,
  StartRunResult,
};
export { continuationDelaySeconds, reconcileShard, reportRun, startReconcileRun };
