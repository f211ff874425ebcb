import { describe, expect, it } from 'vitest';
import type { ReconcileShardJob } from '../../../functions/core/jobs.js';
import {
  type LockResult,
  noDriftCheckYet,
  type ReconcileRunStore,
  type RunSummary,
  reconcileShard,
  type ShardLink,
  startReconcileRun,
} from '../../../functions/core/reconcile-run.js';

/** An in-memory store with the same conditional semantics as the DynamoDB adapter. */
const memoryStore = () => {
  let lock: { runId: string; leaseUntil: Date } | undefined;
  const summaries = new Map<string, RunSummary>();
  const shardsSeen = new Set<string>();
  const store: ReconcileRunStore = {
    acquireLock: async (runId, now, leaseUntil): Promise<LockResult> => {
      if (lock && lock.leaseUntil > now) {
        return { acquired: false, heldBy: lock.runId, leaseUntil: lock.leaseUntil.toISOString() };
      }
      lock = { runId, leaseUntil };
      return { acquired: true };
    },
    releaseLock: async (runId) => {
      if (lock?.runId === runId) lock = undefined;
    },
    createSummary: async (summary) => {
      summaries.set(summary.runId, structuredClone(summary));
    },
    recordShard: async (runId, shard, counts) => {
      const summary = summaries.get(runId);
      if (!summary) return undefined;
      if (!shardsSeen.has(`${runId}#${shard}`)) {
        shardsSeen.add(`${runId}#${shard}`);
        summary.linksChecked += counts.linksChecked;
        summary.shardsDone += 1;
        for (const [name, count] of Object.entries(counts.drift)) {
          const key = name as keyof RunSummary['drift'];
          summary.drift[key] = (summary.drift[key] ?? 0) + (count ?? 0);
        }
      }
      return structuredClone(summary);
    },
    finishRun: async (runId, status, at, reason) => {
      const summary = summaries.get(runId);
      if (summary?.status !== 'running') return;
      summary.status = status;
      summary.finishedAt = at.toISOString();
      if (reason) summary.failureReason = reason;
    },
  };
  return { store, summaries, lock: () => lock };
};

const settings = { shardCount: 4, leaseSeconds: 600, retentionDays: 30 };
const now = new Date('2026-07-01T10:00:00.000Z');

const startDeps = (store: ReconcileRunStore, published: ReconcileShardJob[][] = []) => {
  let sequence = 0;
  return {
    store,
    publisher: {
      publish: async (jobs: ReconcileShardJob[]) => {
        published.push(jobs);
      },
    },
    newRunId: () => `run-${++sequence}`,
    settings,
  };
};

const linksByShard = (pages: Record<number, ShardLink[][]>) => ({
  pages: async function* (shard: number) {
    for (const page of pages[shard] ?? []) yield page;
  },
});

describe('Function: startReconcileRun', () => {
  it('takes the lock, writes a running summary and publishes one job per shard', async () => {
    // Prepare
    const { store, summaries } = memoryStore();
    const published: ReconcileShardJob[][] = [];

    // Act
    const result = await startReconcileRun(startDeps(store, published), now);

    // Assess
    expect(result).toEqual({ status: 'started', runId: 'run-1', shardCount: 4 });
    expect(summaries.get('run-1')).toMatchObject({
      status: 'running',
      shardCount: 4,
      shardsDone: 0,
      linksChecked: 0,
      startedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + 30 * 86_400,
    });
    expect(published.flat().map((job) => job.shard)).toEqual([0, 1, 2, 3]);
  });

  it('skips while an earlier run still holds the lock', async () => {
    // Prepare
    const { store } = memoryStore();
    const published: ReconcileShardJob[][] = [];
    const deps = startDeps(store, published);
    await startReconcileRun(deps, now);

    // Act
    const second = await startReconcileRun(deps, new Date(now.getTime() + 60_000));

    // Assess
    expect(second).toMatchObject({ status: 'skipped', reason: 'run_in_progress', heldBy: 'run-1' });
    expect(published).toHaveLength(1);
  });

  it('takes over the lock of a run whose lease has expired', async () => {
    // Prepare
    const { store } = memoryStore();
    const deps = startDeps(store);
    await startReconcileRun(deps, now);

    // Act
    const later = await startReconcileRun(deps, new Date(now.getTime() + 601_000));

    // Assess
    expect(later).toMatchObject({ status: 'started', runId: 'run-2' });
  });

  it('marks the run failed and releases the lock when publishing fails', async () => {
    // Prepare
    const { store, summaries, lock } = memoryStore();
    const deps = {
      ...startDeps(store),
      publisher: {
        publish: async () => {
          throw new Error('queue unavailable');
        },
      },
    };

    // Act
    const attempt = startReconcileRun(deps, now);

    // Assess
    await expect(attempt).rejects.toThrow('queue unavailable');
    expect(summaries.get('run-1')).toMatchObject({
      status: 'failed',
      failureReason: 'publishing shard jobs failed: queue unavailable',
    });
    expect(lock()).toBeUndefined();
  });
});

describe('Function: reconcileShard', () => {
  it('counts the active links of every page of its shard', async () => {
    // Prepare
    const { store, summaries } = memoryStore();
    await startReconcileRun(startDeps(store), now);
    const links = linksByShard({
      2: [
        [
          { pk: 'L#1', status: 'active' },
          { pk: 'L#2', status: 'paused' },
        ],
        [{ pk: 'L#3' }],
      ],
    });

    // Act
    const result = await reconcileShard(
      { store, links, checkLink: noDriftCheckYet },
      { v: 1, kind: 'reconcile-shard', runId: 'run-1', shard: 2 },
      now
    );

    // Assess
    expect(result).toEqual({
      status: 'recorded',
      counts: { linksChecked: 2, drift: {} },
      runCompleted: false,
    });
    expect(summaries.get('run-1')).toMatchObject({ linksChecked: 2, shardsDone: 1 });
  });

  it('tallies the drift class checkLink returns', async () => {
    // Prepare
    const { store, summaries } = memoryStore();
    await startReconcileRun(startDeps(store), now);
    const links = linksByShard({ 0: [[{ pk: 'L#1' }, { pk: 'L#2' }, { pk: 'L#3' }]] });
    const checkLink = async (link: ShardLink) => (link.pk === 'L#2' ? 'page_changed' : 'in_sync');

    // Act
    await reconcileShard(
      { store, links, checkLink },
      { v: 1, kind: 'reconcile-shard', runId: 'run-1', shard: 0 },
      now
    );

    // Assess
    expect(summaries.get('run-1')?.drift).toEqual({ in_sync: 2, page_changed: 1 });
  });

  it('completes the run and releases the lock with the last shard, counting a redelivery once', async () => {
    // Prepare
    const { store, summaries, lock } = memoryStore();
    await startReconcileRun(startDeps(store), now);
    const links = linksByShard({ 1: [[{ pk: 'L#1' }]] });
    const deps = { store, links, checkLink: noDriftCheckYet };
    const job = (shard: number): ReconcileShardJob => ({
      v: 1,
      kind: 'reconcile-shard',
      runId: 'run-1',
      shard,
    });

    // Act
    for (const shard of [0, 1, 1, 2]) await reconcileShard(deps, job(shard), now);
    const last = await reconcileShard(deps, job(3), now);

    // Assess
    expect(last).toMatchObject({ status: 'recorded', runCompleted: true });
    expect(summaries.get('run-1')).toMatchObject({
      status: 'completed',
      shardsDone: 4,
      linksChecked: 1,
      finishedAt: now.toISOString(),
    });
    expect(lock()).toBeUndefined();
  });

  it('does nothing for a run that no longer exists', async () => {
    // Prepare
    const { store } = memoryStore();

    // Act
    const result = await reconcileShard(
      { store, links: linksByShard({}), checkLink: noDriftCheckYet },
      { v: 1, kind: 'reconcile-shard', runId: 'gone', shard: 0 },
      now
    );

    // Assess
    expect(result).toEqual({ status: 'unknown_run' });
  });
});
