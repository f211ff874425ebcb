import { describe, expect, it } from 'vitest';
import { RateLimitError } from '../../../../functions/core/errors.js';
import type { ReconcileShardJob } from '../../../../functions/core/jobs.js';
import { emptyCounts, type RunScope } from '../../../../functions/core/reconcile/model.js';
import {
  continuationDelaySeconds,
  reconcileShard,
  reportRun,
  type StartRunDeps,
  startReconcileRun,
} from '../../../../functions/core/reconcile/run.js';
import type { Observation } from '../../../../functions/core/sync/ports.js';
import {
  type Harness,
  harness,
  memoryRunStore,
  observed,
  profileWith,
  settings,
  testLink,
  written,
} from './fakes.js';

const now = new Date('2026-07-01T10:00:00.000Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

const startDeps = (h: Harness): StartRunDeps => {
  let sequence = 0;
  return {
    store: h.deps.store,
    publisher: h.deps.publisher,
    newRunId: () => `run-${++sequence}`,
    settings: h.deps.settings,
    metrics: h.deps.metrics,
    events: h.deps.events,
  };
};

/** Three in-sync links in a single shard, so one run is one shard of pages of two (the page size). */
const oneShardOfThreeLinks = (): Harness => {
  const links = [testLink(), testLink(), testLink()];
  return harness(
    links,
    new Map(links.map((link) => [link.linkId, observed('a', 'a')])),
    undefined,
    { shardCount: 1 }
  );
};

const start = (h: Harness, scope: RunScope = { kind: 'all' }, at = now) =>
  startReconcileRun(
    startDeps(h),
    { scope, trigger: scope.kind === 'all' ? 'schedule' : 'on_demand' },
    at
  );

/** Runs published shard jobs first in, first out, until none is left (the queue, drained). */
const drain = async (h: Harness, at = now) => {
  const results = [];
  while (h.shardJobs.length > 0) {
    const next = h.shardJobs.shift();
    if (!next) break;
    results.push(await reconcileShard(h.deps, next.job, { receiveCount: 1 }, at));
  }
  return results;
};

describe('Function: startReconcileRun', () => {
  it('takes the lock, writes a running summary and publishes one job per shard', async () => {
    // Prepare
    const h = harness([], new Map());

    // Act
    const result = await start(h);

    // Assess
    expect(result).toEqual({ status: 'started', runId: 'run-1', shardCount: 2 });
    expect(h.shardJobs.map(({ job }) => job)).toEqual([
      { v: 1, kind: 'reconcile-shard', runId: 'run-1', shard: 0 },
      { v: 1, kind: 'reconcile-shard', runId: 'run-1', shard: 1 },
    ]);
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'running',
      scope: { kind: 'all' },
      trigger: 'schedule',
      shardCount: 2,
      shardsDone: 0,
      linksChecked: 0,
      expiresAt: Math.floor(now.getTime() / 1000) + 30 * 86_400,
    });
  });

  it('skips while a run holding a live lease is in progress', async () => {
    // Prepare
    const h = harness([], new Map());
    await start(h);
    h.shardJobs.length = 0;

    // Act
    const second = await start(h, { kind: 'all' }, later(60));

    // Assess
    expect(second).toEqual({
      status: 'skipped',
      reason: 'run_in_progress',
      heldBy: 'run-1',
      leaseUntil: later(600).toISOString(),
    });
    expect(h.shardJobs).toEqual([]);
  });

  it('resumes a run whose lease ran out from its checkpoints instead of starting another', async () => {
    // Prepare: shard 0 has three pages; its first page commits, then every job is lost.
    const links = [testLink(), testLink(), testLink(), testLink(), testLink({ shard: 1 })];
    const h = harness(links, new Map(links.map((link) => [link.linkId, observed('a', 'a')])));
    await start(h);
    const first = h.shardJobs.shift();
    if (!first) throw new Error('no job');
    await reconcileShard(h.deps, first.job, { receiveCount: 1 }, now);
    h.shardJobs.length = 0;

    // Act
    const resumed = await start(h, { kind: 'all' }, later(601));

    // Assess
    expect(resumed).toEqual({ status: 'resumed', runId: 'run-1', shardsResumed: 2 });
    expect(h.shardJobs.map(({ job }) => job)).toEqual([
      { v: 1, kind: 'reconcile-shard', runId: 'run-1', shard: 0, seq: 1, cursor: '2' },
      { v: 1, kind: 'reconcile-shard', runId: 'run-1', shard: 1 },
    ]);
    await drain(h, later(602));
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'completed',
      linksChecked: 5,
      drift: { in_sync: 5 },
      resumedAt: later(601).toISOString(),
    });
    expect(h.runs.runs.size).toBe(1);
  });

  it('starts a new run when the lapsed lock belongs to a run that already finished', async () => {
    // Prepare
    const h = harness([], new Map());
    await start(h);
    await h.deps.store.finishRun(
      { runId: 'run-1', startedAt: now.toISOString() },
      'completed',
      now
    );

    // Act
    const next = await startReconcileRun(
      { ...startDeps(h), newRunId: () => 'run-2' },
      { scope: { kind: 'all' }, trigger: 'schedule' },
      later(601)
    );

    // Assess
    expect(next).toEqual({ status: 'started', runId: 'run-2', shardCount: 2 });
  });

  it('runs one tenant as a single shard and keeps it cooling down after it finished', async () => {
    // Prepare
    const mine = testLink({ tenantId: 'tenant-b', shard: 1 });
    const h = harness([mine, testLink()], new Map([[mine.linkId, observed('x', 'x')]]));

    // Act
    const started = await start(h, { kind: 'tenant', tenantId: 'tenant-b' });
    await drain(h);
    const again = await start(h, { kind: 'tenant', tenantId: 'tenant-b' }, later(30));

    // Assess
    expect(started).toEqual({ status: 'started', runId: 'run-1', shardCount: 1 });
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'completed',
      linksChecked: 1,
      drift: { in_sync: 1 },
    });
    expect(again).toEqual({ status: 'cooling_down', lastRunId: 'run-1', retryAfterSeconds: 30 });
  });

  it('marks the run failed and releases the lock when publishing fails', async () => {
    // Prepare
    const h = harness([], new Map());
    const deps = {
      ...startDeps(h),
      publisher: {
        ...h.deps.publisher,
        shardJobs: async () => {
          throw new Error('SQS is down');
        },
      },
    };

    // Act
    const attempt = startReconcileRun(deps, { scope: { kind: 'all' }, trigger: 'schedule' }, now);

    // Assess
    await expect(attempt).rejects.toThrow('SQS is down');
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'failed',
      failureReason: 'publishing shard jobs failed: SQS is down',
    });
    expect(h.runs.locks.size).toBe(0);
  });
});

describe('Function: reconcileShard', () => {
  it('enqueues a sync for a Page change when sync is on', async () => {
    // Prepare
    const link = testLink({ sync: { ...testLink().sync, enabled: true } });
    const h = harness(
      [link],
      new Map([[link.linkId, observed('New about', 'Old about')]]),
      new Map([[link.linkId, written('Old about')]]),
      { shardCount: 1 }
    );
    await start(h);

    // Act
    await drain(h);

    // Assess
    expect(h.syncJobs).toEqual([
      {
        v: 1,
        kind: 'sync',
        tenantId: 'tenant-a',
        linkId: link.linkId,
        trigger: 'reconcile',
        observedAt: now.toISOString(),
        runId: 'run-1',
      },
    ]);
    expect(h.records.get(`${link.linkId}#run-1`)).toMatchObject({
      class: 'page_changed',
      action: 'enqueue_sync',
      fields: [
        {
          field: 'about',
          side: 'page',
          page: 'New about',
          whatsapp: 'Old about',
          lastWritten: 'Old about',
        },
      ],
    });
    expect(h.runs.runs.get('run-1')).toMatchObject({
      drift: { page_changed: 1 },
      syncsEnqueued: 1,
    });
  });

  it("restores the app's subscription to a Page that lost it, and reports the class", async () => {
    // Prepare
    const link = testLink();
    const h = harness(
      [link],
      new Map([
        [link.linkId, { ...observed('Same', 'Same'), webhooksSubscribed: false } as Observation],
      ]),
      new Map([[link.linkId, written('Same')]]),
      { shardCount: 1 }
    );
    await start(h);

    // Act
    await drain(h);

    // Assess
    expect(h.restored.map((restored) => restored.linkId)).toEqual([link.linkId]);
    expect(h.records.get(`${link.linkId}#run-1`)).toMatchObject({
      class: 'webhook_subscription_lost',
      action: 'restore_subscription',
    });
    expect(h.runs.runs.get('run-1')).toMatchObject({ drift: { webhook_subscription_lost: 1 } });
  });

  it('stores a Page’s new Instagram account and removes one the Page lost, not an unread one', async () => {
    // Prepare
    const gained = testLink();
    const lost = testLink({ instagramAccountId: '17841400000000009', instagramUsername: 'old' });
    const same = testLink({ instagramAccountId: '17841400000000003' });
    const unread = testLink({ instagramAccountId: '17841400000000004' });
    const account = { id: '17841400000000001', username: 'bluebakery' };
    const h = harness(
      [gained, lost, same, unread],
      new Map<string, Observation>([
        [gained.linkId, { ...observed('Same', 'Same'), instagram: { account } } as Observation],
        [lost.linkId, { ...observed('Same', 'Same'), instagram: {} } as Observation],
        [
          same.linkId,
          {
            ...observed('Same', 'Same'),
            instagram: { account: { id: '17841400000000003' } },
          } as Observation,
        ],
        [unread.linkId, observed('Same', 'Same')],
      ]),
      new Map([
        [gained.linkId, written('Same')],
        [lost.linkId, written('Same')],
        [same.linkId, written('Same')],
        [unread.linkId, written('Same')],
      ]),
      { shardCount: 1 }
    );
    await start(h);

    // Act
    await drain(h);

    // Assess
    expect([...h.instagramWrites.entries()]).toEqual([
      [gained.linkId, account],
      [lost.linkId, undefined],
    ]);
  });

  it('only reports a Page change when sync is off, and when the link is paused', async () => {
    // Prepare
    const off = testLink();
    const paused = testLink({
      status: 'paused',
      pause: { reason: 'local_override', since: now.toISOString() },
      sync: { ...testLink().sync, enabled: true },
    });
    const h = harness(
      [off, paused],
      new Map([
        [off.linkId, observed('New', 'Old')],
        [paused.linkId, observed('New', 'Old')],
      ]),
      new Map([
        [off.linkId, written('Old')],
        [paused.linkId, written('Old')],
      ]),
      { shardCount: 1 }
    );
    await start(h, { kind: 'tenant', tenantId: 'tenant-a' });

    // Act
    await drain(h);

    // Assess: the paused link was observed and classified all the same.
    expect(h.syncJobs).toEqual([]);
    expect(h.records.get(`${off.linkId}#run-1`)).toMatchObject({
      class: 'page_changed',
      action: 'report_only',
      syncEnabled: false,
    });
    expect(h.records.get(`${paused.linkId}#run-1`)).toMatchObject({
      class: 'page_changed',
      action: 'report_only',
      paused: true,
    });
  });

  it('classifies every drift class, records drifted links and only counts in-sync ones', async () => {
    // Prepare
    const inSync = testLink();
    const pageChanged = testLink();
    const whatsappEdited = testLink();
    const both = testLink();
    const tokenInvalid = testLink();
    const assetGone = testLink();
    const hours = testLink();
    const observations = new Map<string, Observation>([
      [inSync.linkId, observed('Same', 'Same')],
      [pageChanged.linkId, observed('New', 'Base')],
      [whatsappEdited.linkId, observed('Base', 'Edited')],
      [both.linkId, observed('New', 'Edited')],
      [tokenInvalid.linkId, { kind: 'token_invalid' }],
      [assetGone.linkId, { kind: 'asset_gone', which: 'page' }],
      [
        hours.linkId,
        {
          kind: 'observed',
          page: { pageId: '1', about: 'Same', categories: [], hours: { mon_1_open: '09:00' } },
          whatsapp: profileWith('Same'),
        },
      ],
    ]);
    const baselines = new Map(
      [inSync, pageChanged, whatsappEdited, both, hours].map((link) => [
        link.linkId,
        written(link === inSync || link === hours ? 'Same' : 'Base'),
      ])
    );
    const links = [inSync, pageChanged, whatsappEdited, both, tokenInvalid, assetGone, hours];
    const h = harness(links, observations, baselines, { shardCount: 1, pageSize: 100 });
    await start(h);

    // Act
    await drain(h);

    // Assess
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'completed',
      linksChecked: 7,
      errors: 0,
      drift: {
        in_sync: 1,
        page_changed: 1,
        whatsapp_edited: 1,
        both_changed: 1,
        token_invalid: 1,
        asset_gone: 1,
        unsupported_field: 1,
      },
    });
    expect(h.records.has(`${inSync.linkId}#run-1`)).toBe(false);
    expect(h.records.get(`${whatsappEdited.linkId}#run-1`)?.fields).toEqual([
      { field: 'about', side: 'whatsapp', page: 'Base', whatsapp: 'Edited', lastWritten: 'Base' },
    ]);
    expect(h.records.get(`${hours.linkId}#run-1`)).toMatchObject({
      class: 'unsupported_field',
      unsupported: ['hours'],
    });
    const tenantPage = [...h.tenantPages.values()][0];
    expect(tenantPage?.counts.linksChecked).toBe(7);
    expect(tenantPage?.drifted).toHaveLength(6);
  });

  it('keeps each link’s latest drift class on the link, writing only when it changed', async () => {
    // Prepare
    const unchanged = {
      ...testLink(),
      drift: { class: 'in_sync' as const, runId: 'run-0', since: '2026-06-30T10:00:00.000Z' },
    };
    const firstChecked = testLink();
    const nowEdited = {
      ...testLink(),
      drift: { class: 'in_sync' as const, runId: 'run-0', since: '2026-06-30T10:00:00.000Z' },
    };
    const links = [unchanged, firstChecked, nowEdited];
    const observations = new Map<string, Observation>([
      [unchanged.linkId, observed('Same', 'Same')],
      [firstChecked.linkId, observed('Same', 'Same')],
      [nowEdited.linkId, observed('Base', 'Edited')],
    ]);
    const baselines = new Map(
      [
        [unchanged, 'Same'],
        [firstChecked, 'Same'],
        [nowEdited, 'Base'],
      ].map(([link, value]) => [(link as typeof unchanged).linkId, written(value as string)])
    );
    const h = harness(links, observations, baselines, { shardCount: 1, pageSize: 100 });
    await start(h);

    // Act
    await drain(h);

    // Assess
    expect(h.linkDrift.has(unchanged.linkId)).toBe(false);
    expect(h.linkDrift.get(firstChecked.linkId)).toEqual({
      class: 'in_sync',
      runId: 'run-1',
      since: now.toISOString(),
    });
    expect(h.linkDrift.get(nowEdited.linkId)?.class).toBe('whatsapp_edited');
  });

  it('reconciles one bounded page and hands the rest of the shard to a continuation job', async () => {
    // Prepare
    const h = oneShardOfThreeLinks();
    await start(h);
    const first = h.shardJobs.shift();
    if (!first) throw new Error('no job');

    // Act
    const result = await reconcileShard(h.deps, first.job, { receiveCount: 1 }, now);

    // Assess
    expect(result).toMatchObject({ status: 'committed', seq: 0, done: false, delaySeconds: 0 });
    expect(h.observeCalls).toHaveLength(1);
    expect(h.observeCalls[0]).toHaveLength(2);
    expect(h.shardJobs).toEqual([
      {
        job: { v: 1, kind: 'reconcile-shard', runId: 'run-1', shard: 0, seq: 1, cursor: '2' },
        delaySeconds: 0,
      },
    ]);
    expect(h.runs.checkpoints.get('run-1#0')).toEqual({
      shard: 0,
      nextSeq: 1,
      cursor: '2',
      done: false,
    });
  });

  it('completes the run with exact counts and releases the lock with the last page', async () => {
    // Prepare: 5 links over two shards, pages of 2, one malformed item and one link Meta did not answer.
    const links = [
      testLink(),
      testLink(),
      testLink(),
      testLink({ shard: 1 }),
      testLink({ shard: 1 }),
    ];
    const unanswered = links[4];
    const h = harness(
      [...links, { malformed: 'LINK#x/LINK', shard: 1 }],
      new Map(
        links.filter((link) => link !== unanswered).map((link) => [link.linkId, observed('a', 'a')])
      )
    );
    await start(h);

    // Act
    await drain(h);

    // Assess
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'completed',
      shardsDone: 2,
      pagesDone: 4,
      linksChecked: 6,
      errors: 2,
      drift: { in_sync: 4 },
    });
    expect(h.runs.locks.size).toBe(0);
    expect(h.metrics.finished).toHaveLength(1);
    expect(h.metrics.pages).toHaveLength(4);
  });

  it('tells each tenant of a finished scheduled run its own counts with reconcile.completed', async () => {
    // Prepare: two tenants in one scheduled run, one of them with a link Meta did not answer.
    const links = [testLink(), testLink(), testLink({ tenantId: 'tenant-b', shard: 1 })];
    const h = harness(
      links,
      new Map(links.slice(0, 2).map((link) => [link.linkId, observed('a', 'a')]))
    );
    await start(h);
    await drain(h);

    // Act
    const [report] = h.reportJobs;
    if (!report) throw new Error('no report job');
    const result = await reportRun(h.deps, report);

    // Assess
    expect(h.reportJobs).toEqual([{ v: 1, kind: 'reconcile-report', runId: 'run-1' }]);
    expect(result).toEqual({ tenants: 2, more: false });
    const completed = h.events.ofType('reconcile.completed');
    expect(completed).toEqual([
      expect.objectContaining({
        tenantId: 'tenant-a',
        runId: 'run-1',
        linksChecked: 2,
        errors: 0,
        drift: { in_sync: 2 },
      }),
      expect.objectContaining({ tenantId: 'tenant-b', runId: 'run-1', linksChecked: 1, errors: 1 }),
    ]);
    expect(completed[0]?.finishedAt).toBe(h.runs.runs.get('run-1')?.finishedAt);
  });

  it('sends an on-demand run its reconcile.completed at once, without a report job', async () => {
    // Prepare
    const h = oneShardOfThreeLinks();
    await start(h, { kind: 'tenant', tenantId: 'tenant-a' });

    // Act
    await drain(h);

    // Assess
    expect(h.reportJobs).toEqual([]);
    expect(h.events.ofType('reconcile.completed')).toEqual([
      expect.objectContaining({ tenantId: 'tenant-a', linksChecked: 3 }),
    ]);
  });

  it('does not count a page twice when its job is redelivered after a failed or a finished attempt', async () => {
    // Prepare
    const h = oneShardOfThreeLinks();
    await start(h);
    const first = h.shardJobs.shift();
    if (!first) throw new Error('no job');
    h.runs.failNextCommits(1);

    // Act: the first attempt dies before its commit; SQS redelivers; then delivers once more.
    await expect(reconcileShard(h.deps, first.job, { receiveCount: 1 }, now)).rejects.toThrow(
      'connection reset'
    );
    const retried = await reconcileShard(h.deps, first.job, { receiveCount: 2 }, now);
    const duplicate = await reconcileShard(h.deps, first.job, { receiveCount: 3 }, now);
    await drain(h);

    // Assess
    expect(retried.status).toBe('committed');
    expect(duplicate.status).toBe('already_done');
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'completed',
      linksChecked: 3,
      pagesDone: 2,
    });
  });

  it('republishes a lost continuation on redelivery, but not for a duplicate first delivery', async () => {
    // Prepare: page 0 committed and published its continuation, which we drop (lost).
    const h = oneShardOfThreeLinks();
    await start(h);
    const first = h.shardJobs.shift();
    if (!first) throw new Error('no job');
    await reconcileShard(h.deps, first.job, { receiveCount: 1 }, now);
    h.shardJobs.length = 0;

    // Act
    const duplicate = await reconcileShard(h.deps, first.job, { receiveCount: 1 }, now);
    const published = h.shardJobs.length;
    const redelivered = await reconcileShard(h.deps, first.job, { receiveCount: 2 }, now);

    // Assess
    expect(duplicate.status).toBe('already_done');
    expect(published).toBe(0);
    expect(redelivered.status).toBe('already_done');
    expect(h.shardJobs.map(({ job }) => job)).toEqual([
      { v: 1, kind: 'reconcile-shard', runId: 'run-1', shard: 0, seq: 1, cursor: '2' },
    ]);
    await drain(h);
    expect(h.runs.runs.get('run-1')).toMatchObject({ status: 'completed', linksChecked: 3 });
  });

  it("delays the continuation when Meta's usage headers approach the limit", async () => {
    // Prepare
    const h = oneShardOfThreeLinks();
    h.setUsage({ maxUsagePercent: 90 });
    await start(h);
    const first = h.shardJobs.shift();
    if (!first) throw new Error('no job');

    // Act
    const result = await reconcileShard(h.deps, first.job, { receiveCount: 1 }, now);

    // Assess
    expect(result).toMatchObject({ status: 'committed', delaySeconds: 540 });
    expect(h.shardJobs[0]?.delaySeconds).toBe(540);
    expect(h.runs.locks.get('all')?.leaseUntil).toEqual(later(540 + 600));
  });

  it('re-queues the page with Meta’s wait when Meta throttles, without failing the job', async () => {
    // Prepare
    const links = [testLink()];
    const h = harness(links, new Map([[links[0]?.linkId ?? '', observed('a', 'a')]]), undefined, {
      shardCount: 1,
    });
    h.setObserveError(new RateLimitError('Meta is rate-limiting', 120));
    await start(h);
    const first = h.shardJobs.shift();
    if (!first) throw new Error('no job');

    // Act
    const deferred = await reconcileShard(h.deps, first.job, { receiveCount: 1 }, now);

    // Assess
    expect(deferred).toEqual({ status: 'deferred', seq: 0, delaySeconds: 120 });
    expect(h.shardJobs).toEqual([{ job: first.job, delaySeconds: 120 }]);
    expect(h.runs.runs.get('run-1')?.pagesDone).toBe(0);
    await drain(h);
    expect(h.runs.runs.get('run-1')).toMatchObject({ status: 'completed', linksChecked: 1 });
  });

  it('retries a page that cannot be observed, then records it as errors so the run can finish', async () => {
    // Prepare
    const links = [testLink(), testLink()];
    const h = harness(links, new Map(), undefined, { shardCount: 1, pageSize: 10 });
    h.setObserveError(new Error('socket hang up'), 10);
    await start(h);
    const first = h.shardJobs.shift();
    if (!first) throw new Error('no job');

    // Act
    await expect(reconcileShard(h.deps, first.job, { receiveCount: 3 }, now)).rejects.toThrow(
      'socket hang up'
    );
    const gaveUp = await reconcileShard(h.deps, first.job, { receiveCount: 4 }, now);

    // Assess
    expect(gaveUp.status).toBe('run_completed');
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'completed',
      linksChecked: 2,
      errors: 2,
      drift: {},
    });
  });

  it('counts nothing for a run that is no longer running', async () => {
    // Prepare
    const links = [testLink()];
    const h = harness(links, new Map([[links[0]?.linkId ?? '', observed('a', 'a')]]), undefined, {
      shardCount: 1,
    });
    await start(h);
    await h.deps.store.finishRun({ runId: 'run-1', startedAt: now.toISOString() }, 'failed', now);
    const first = h.shardJobs.shift();
    if (!first) throw new Error('no job');

    // Act
    const result = await reconcileShard(h.deps, first.job, { receiveCount: 1 }, now);

    // Assess
    expect(result.status).toBe('run_not_running');
    expect(h.runs.runs.get('run-1')?.linksChecked).toBe(0);
  });

  it('ignores a job ahead of its shard checkpoint', async () => {
    // Prepare
    const h = harness([], new Map(), undefined, { shardCount: 1 });
    await start(h);
    const job: ReconcileShardJob = {
      v: 1,
      kind: 'reconcile-shard',
      runId: 'run-1',
      shard: 0,
      seq: 5,
      cursor: 'x',
    };

    // Act
    const result = await reconcileShard(h.deps, job, { receiveCount: 1 }, now);

    // Assess
    expect(result).toEqual({ status: 'stale', seq: 5, expectedSeq: 0 });
  });
});

describe('Function: continuationDelaySeconds', () => {
  it("waits Meta's own time when a usage header gives one, capped at SQS's 15 minutes", () => {
    // Prepare, Act & Assess
    expect(continuationDelaySeconds({ maxUsagePercent: 10, retryAfterSeconds: 60 }, settings)).toBe(
      60
    );
    expect(
      continuationDelaySeconds({ maxUsagePercent: 100, retryAfterSeconds: 3600 }, settings)
    ).toBe(900);
  });

  it('does not wait below the slow-down threshold and waits longer the closer usage is to 100', () => {
    // Prepare, Act & Assess
    expect(continuationDelaySeconds({ maxUsagePercent: 74 }, settings)).toBe(0);
    expect(continuationDelaySeconds({ maxUsagePercent: 80 }, settings)).toBe(180);
    expect(continuationDelaySeconds({ maxUsagePercent: 100 }, settings)).toBe(900);
  });
});

describe('Function: memoryRunStore', () => {
  it('refuses a commit for a page the checkpoint does not expect', async () => {
    // Prepare
    const { store } = memoryRunStore();

    // Act
    const result = await store.commitPage({
      runId: 'none',
      shard: 0,
      seq: 1,
      counts: emptyCounts(),
      cursor: undefined,
      done: true,
      at: now,
    });

    // Assess
    expect(result).toEqual({ outcome: 'already_committed' });
  });
});
