import type {
  ReconcileReportJob,
  ReconcileShardJob,
  SyncJob,
} from '../../../../functions/core/jobs.js';
import {
  defaultSync,
  type InstagramAccount,
  type Link,
  type LinkDrift,
  SYNC_FIELDS,
} from '../../../../functions/core/linking/model.js';
import {
  addCounts,
  type LinkDriftRecord,
  type RunSummary,
  type ShardCheckpoint,
  type TenantPageRecord,
} from '../../../../functions/core/reconcile/model.js';
import type {
  LinkPageSource,
  LockName,
  LockState,
  ReconcileMetrics,
  ReconcileRunStore,
  SourcedLink,
  UsageReading,
} from '../../../../functions/core/reconcile/ports.js';
import type { ReconcileSettings, ShardDeps } from '../../../../functions/core/reconcile/run.js';
import { mapPageToProfile } from '../../../../functions/core/sync/mapping.js';
import type { WrittenProfile } from '../../../../functions/core/sync/plan.js';
import type { Observation, ObserveOptions } from '../../../../functions/core/sync/ports.js';
import { recordingPublisher } from '../../../helpers/events.js';

/** In-memory fakes of the reconciler's ports, with the same conditional semantics as DynamoDB. */

const lockId = (lock: LockName) => (lock.kind === 'all' ? 'all' : `tenant#${lock.tenantId}`);

const memoryRunStore = () => {
  const locks = new Map<string, LockState>();
  const runs = new Map<string, RunSummary>();
  const checkpoints = new Map<string, ShardCheckpoint>();
  /** Makes the next N commits throw after nothing was written (a crash before the transaction). */
  let failCommits = 0;
  const store: ReconcileRunStore = {
    readLock: async (lock) => structuredClone(locks.get(lockId(lock))),
    acquireLock: async (lock, runId, now, leaseUntil) => {
      const held = locks.get(lockId(lock));
      if (held && held.leaseUntil > now) return false;
      locks.set(lockId(lock), { runId, leaseUntil, released: false });
      return true;
    },
    takeOverLock: async (lock, expected, leaseUntil) => {
      const held = locks.get(lockId(lock));
      if (
        !held ||
        held.runId !== expected.runId ||
        held.leaseUntil.getTime() !== expected.leaseUntil.getTime() ||
        held.released
      )
        return false;
      held.leaseUntil = leaseUntil;
      return true;
    },
    renewLease: async (lock, runId, leaseUntil) => {
      const held = locks.get(lockId(lock));
      if (held?.runId === runId && !held.released && held.leaseUntil < leaseUntil) {
        held.leaseUntil = leaseUntil;
      }
    },
    releaseLock: async (lock, runId, cooldownUntil) => {
      const held = locks.get(lockId(lock));
      if (held?.runId !== runId) return;
      if (cooldownUntil)
        locks.set(lockId(lock), { runId, leaseUntil: cooldownUntil, released: true });
      else locks.delete(lockId(lock));
    },
    createRun: async (summary) => {
      if (runs.has(summary.runId)) throw new Error('exists');
      runs.set(summary.runId, structuredClone(summary));
    },
    getRun: async (runId) => structuredClone(runs.get(runId)),
    markResumed: async (runId, at) => {
      const run = runs.get(runId);
      if (run) run.resumedAt = at.toISOString();
    },
    getCheckpoint: async (runId, shard) => structuredClone(checkpoints.get(`${runId}#${shard}`)),
    listCheckpoints: async (runId) =>
      [...checkpoints.entries()]
        .filter(([key]) => key.startsWith(`${runId}#`))
        .map(([, value]) => structuredClone(value)),
    commitPage: async (commit) => {
      if (failCommits > 0) {
        failCommits -= 1;
        throw new Error('connection reset before the commit');
      }
      const key = `${commit.runId}#${commit.shard}`;
      const checkpoint = checkpoints.get(key);
      if ((checkpoint?.nextSeq ?? 0) !== commit.seq) return { outcome: 'already_committed' };
      const run = runs.get(commit.runId);
      if (run?.status !== 'running') return { outcome: 'run_not_running' };
      checkpoints.set(key, {
        shard: commit.shard,
        nextSeq: commit.seq + 1,
        ...(commit.cursor ? { cursor: commit.cursor } : {}),
        done: commit.done,
      });
      addCounts(run, commit.counts);
      run.pagesDone += 1;
      if (commit.done) run.shardsDone += 1;
      return commit.done
        ? { outcome: 'committed', summary: structuredClone(run) }
        : { outcome: 'committed' };
    },
    finishRun: async (run, status, at, reason) => {
      const stored = runs.get(run.runId);
      if (stored?.status !== 'running') return undefined;
      stored.status = status;
      stored.finishedAt = at.toISOString();
      stored.durationMs = at.getTime() - Date.parse(stored.startedAt);
      if (reason) stored.failureReason = reason;
      return structuredClone(stored);
    },
  };
  return {
    store,
    runs,
    locks,
    checkpoints,
    failNextCommits: (count: number) => {
      failCommits = count;
    },
  };
};

/** Links by shard (or by tenant), served `limit` at a time with a numeric cursor. */
const memoryLinkSource = (items: (Link | { malformed: string; shard: number })[]) => {
  const queries: { scope: string; cursor: string | undefined }[] = [];
  const source: LinkPageSource = {
    page: async (scope, cursor, limit) => {
      queries.push({ scope: JSON.stringify(scope), cursor });
      const matching = items.filter((item) =>
        'malformed' in item
          ? scope.kind === 'shard' && item.shard === scope.shard
          : scope.kind === 'shard'
            ? item.status === 'active' && shardOfTest(item) === scope.shard
            : item.tenantId === scope.tenantId && (!scope.linkId || item.linkId === scope.linkId)
      );
      const start = cursor ? Number(cursor) : 0;
      const slice = matching.slice(start, start + limit);
      const next = start + limit < matching.length ? String(start + limit) : undefined;
      return {
        items: slice.map(
          (item): SourcedLink =>
            'malformed' in item
              ? { ok: false, key: item.malformed, reason: 'not a valid link item' }
              : { ok: true, link: item }
        ),
        cursor: next,
      };
    },
  };
  return { source, queries };
};

/** The links as stored, for what a run writes back to them (their WhatsApp side). */
const memoryLinkStore = (items: (Link | { malformed: string; shard: number })[]) => {
  const stored = new Map<string, Link>();
  for (const item of items) {
    if (!('malformed' in item))
      stored.set(`${item.tenantId}/${item.linkId}`, structuredClone(item));
  }
  return {
    stored,
    get: async (tenantId: string, linkId: string) => {
      const link = stored.get(`${tenantId}/${linkId}`);
      return link && structuredClone(link);
    },
    update: async (link: Link, expectedVersion: number) => {
      const current = stored.get(`${link.tenantId}/${link.linkId}`);
      if (!current) throw new Error('link gone');
      if (current.version !== expectedVersion) throw new Error('version mismatch');
      stored.set(`${link.tenantId}/${link.linkId}`, structuredClone(link));
    },
  };
};

/** Tests place links in shards by a `shard:<n>` marker in the page name. */
const shardOfTest = (link: Link): number => Number(/shard:(\d+)/.exec(link.pageName)?.[1] ?? 0);

let counter = 0;
const testLink = (overrides: Partial<Link> & { shard?: number } = {}): Link => {
  counter += 1;
  const { shard = 0, ...rest } = overrides;
  const hex = counter.toString(16).padStart(32, '0');
  return {
    linkId: `lnk_${hex}`,
    tenantId: 'tenant-a',
    grantId: `grt_${'0'.repeat(32)}`,
    metaUserId: '100',
    pageId: String(3000 + counter),
    pageName: `Page shard:${shard}`,
    wabaId: '400',
    phoneNumberId: String(5000 + counter),
    displayPhoneNumber: '+1 555',
    status: 'active',
    sync: defaultSync(),
    unsupported: [],
    createdAt: '2026-07-01T00:00:00.000Z',
    updatedAt: '2026-07-01T00:00:00.000Z',
    version: 1,
    ...rest,
  };
};

/** A Page whose only content is `about`, as the mapping turns it into a full WhatsApp profile. */
const profileWith = (about: string) =>
  mapPageToProfile({ pageId: '1', about, categories: [] }, SYNC_FIELDS).fields;

const observed = (about: string, whatsappAbout: string): Observation => ({
  kind: 'observed',
  page: { pageId: '1', about, categories: [] },
  whatsapp: profileWith(whatsappAbout),
});

const written = (about: string): WrittenProfile => ({
  fields: profileWith(about),
  pageObservedAt: '2026-06-30T00:00:00.000Z',
  writtenAt: '2026-06-30T00:00:00.000Z',
});

const recordingMetrics = () => {
  const pages: Parameters<ReconcileMetrics['pageReconciled']>[] = [];
  const finished: RunSummary[] = [];
  const metrics: ReconcileMetrics = {
    pageReconciled: (...args) => pages.push(args),
    runFinished: (summary) => finished.push(summary),
  };
  return { metrics, pages, finished };
};

const settings: ReconcileSettings = {
  shardCount: 2,
  pageSize: 2,
  leaseSeconds: 600,
  retentionDays: 30,
  tenantCooldownSeconds: 60,
  slowDownAtPercent: 75,
  giveUpAfterAttempts: 4,
  dailyCheckSlots: 24,
};

interface Harness {
  deps: ShardDeps;
  runs: ReturnType<typeof memoryRunStore>;
  shardJobs: { job: ReconcileShardJob; delaySeconds: number }[];
  syncJobs: SyncJob[];
  /** A finished scheduled run's report pages (reconcile.completed per tenant). */
  reportJobs: ReconcileReportJob[];
  records: Map<string, LinkDriftRecord>;
  tenantPages: Map<string, TenantPageRecord>;
  metrics: ReturnType<typeof recordingMetrics>;
  observeCalls: Link[][];
  /** What the daily-check predicate said per observed link, by link id. */
  dailyChecked: Map<string, boolean>;
  /** The options of each observe call. */
  observeOptions: ObserveOptions[];
  /** The links as the run left them. */
  linkStore: ReturnType<typeof memoryLinkStore>;
  /** Links whose Page subscription the shard job restored. */
  restored: Link[];
  /** The drift class written onto each link, by link id. */
  linkDrift: Map<string, LinkDrift>;
  events: ReturnType<typeof recordingPublisher>;
  /** The Instagram accounts the run stored, by link (undefined: removed). */
  instagramWrites: Map<string, InstagramAccount | undefined>;
  setUsage: (usage: UsageReading) => void;
  setObserveError: (error: Error | undefined, times?: number) => void;
}

/**
 * Everything a shard job needs, in memory: `observations` answers per link id (absent: not observed),
 * `baselines` the last writes.
 */
const harness = (
  links: (Link | { malformed: string; shard: number })[],
  observations: Map<string, Observation>,
  baselines: Map<string, WrittenProfile> = new Map(),
  overrides: Partial<ReconcileSettings> = {}
): Harness => {
  const runs = memoryRunStore();
  const shardJobs: Harness['shardJobs'] = [];
  const syncJobs: SyncJob[] = [];
  const reportJobs: ReconcileReportJob[] = [];
  const records = new Map<string, LinkDriftRecord>();
  const tenantPages = new Map<string, TenantPageRecord>();
  const metrics = recordingMetrics();
  const observeCalls: Link[][] = [];
  const dailyChecked = new Map<string, boolean>();
  const observeOptions: ObserveOptions[] = [];
  const linkStore = memoryLinkStore(links);
  const restored: Link[] = [];
  const linkDrift = new Map<string, LinkDrift>();
  const events = recordingPublisher();
  const instagramWrites = new Map<string, InstagramAccount | undefined>();
  let usage: UsageReading = { maxUsagePercent: 0 };
  let observeError: { error: Error; times: number } | undefined;
  const deps: ShardDeps = {
    store: runs.store,
    links: memoryLinkSource(links).source,
    linkStore,
    observer: {
      observe: async (batch, options) => {
        observeCalls.push([...batch]);
        observeOptions.push({ ...options });
        for (const link of batch)
          dailyChecked.set(link.linkId, options?.dailyChecks?.(link) ?? false);
        if (observeError && observeError.times > 0) {
          observeError.times -= 1;
          throw observeError.error;
        }
        return {
          observations: new Map(
            batch.flatMap((link) => {
              const observation = observations.get(link.linkId);
              return observation ? [[link.linkId, observation] as const] : [];
            })
          ),
          usage,
        };
      },
    },
    baselines: {
      read: async (batch) =>
        new Map(
          batch.flatMap((link) => {
            const lastWritten = baselines.get(link.linkId);
            return lastWritten ? [[link.linkId, { lastWritten }] as const] : [];
          })
        ),
    },
    subscriptions: {
      restore: async (batch) => {
        restored.push(...batch);
      },
    },
    reports: {
      writePage: async (pageRecords, tenants) => {
        for (const record of pageRecords) records.set(`${record.linkId}#${record.runId}`, record);
        for (const page of tenants)
          tenantPages.set(`${page.runId}#${page.tenantId}#${page.shard}#${page.seq}`, page);
      },
      // The tenants in id order, `limit` at a time, the cursor naming the last one answered.
      runTenants: async (runId, { limit, cursor }) => {
        const all = [
          ...new Set(
            [...tenantPages.values()]
              .filter((page) => page.runId === runId)
              .map((page) => page.tenantId)
          ),
        ]
          .sort()
          .filter((tenantId) => (cursor ? tenantId > cursor : true));
        const items = all.slice(0, limit);
        return all.length > limit ? { items, nextCursor: items.at(-1) } : { items };
      },
      tenantPages: async (runId, tenantId) =>
        [...tenantPages.values()].filter(
          (page) => page.runId === runId && page.tenantId === tenantId
        ),
    },
    linkDrift: {
      instagram: async (entries) => {
        for (const entry of entries) instagramWrites.set(entry.linkId, entry.account);
      },
      record: async (entries) => {
        for (const entry of entries) linkDrift.set(entry.linkId, entry.drift);
      },
    },
    publisher: {
      shardJobs: async (jobs, delaySeconds = 0) => {
        for (const job of jobs) shardJobs.push({ job, delaySeconds });
      },
      syncJobs: async (jobs) => {
        syncJobs.push(...jobs);
      },
      reportJobs: async (jobs) => {
        reportJobs.push(...jobs);
      },
    },
    metrics: metrics.metrics,
    settings: { ...settings, ...overrides },
    events,
  };
  return {
    deps,
    events,
    runs,
    shardJobs,
    syncJobs,
    reportJobs,
    records,
    tenantPages,
    metrics,
    observeCalls,
    dailyChecked,
    observeOptions,
    linkStore,
    restored,
    linkDrift,
    instagramWrites,
    setUsage: (next) => {
      usage = next;
    },
    setObserveError: (error, times = 1) => {
      observeError = error ? { error, times } : undefined;
    },
  };
};

export type { Harness };
export {
  harness,
  memoryLinkSource,
  memoryRunStore,
  observed,
  profileWith,
  settings,
  testLink,
  written,
};
