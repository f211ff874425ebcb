import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReconcileRunStore } from '../../../functions/adapters/dynamodb/reconcile-runs.js';
import { createReconcileMetrics } from '../../../functions/adapters/observability/metrics.js';
import { startReconcileRun } from '../../../functions/core/reconcile/run.js';
import { recordingPublisher } from '../../helpers/events.js';
import { awsClients, eventually, runReconcilerNow, useSystem } from '../../helpers/system.js';
import { liftCallBudgets } from '../ads/linked.js';

const summaryOf = async (runId: string) =>
  (
    await awsClients().documents.send(
      new GetCommand({
        TableName: useSystem().tables.driftReports,
        Key: { pk: `RUN#${runId}`, sk: 'SUMMARY' },
        ConsistentRead: true,
      })
    )
  ).Item;

const lockItem = async () =>
  (
    await awsClients().documents.send(
      new GetCommand({
        TableName: useSystem().tables.driftReports,
        Key: { pk: 'LOCK', sk: 'RECONCILE' },
        ConsistentRead: true,
      })
    )
  ).Item;

/** Active links already in the table (other test files link the demo business too). */
const activeLinksInTable = async (): Promise<number> => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().documents.send(
      new ScanCommand({
        TableName: useSystem().tables.links,
        IndexName: 'byShard',
        ExclusiveStartKey: startKey,
      })
    );
    count += (page.Items ?? []).filter(
      (item) => item.status === undefined || item.status === 'active'
    ).length;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
};

describe('Reconciler: runs', () => {
  let restoreBudgets: () => Promise<unknown>;

  beforeEach(async () => {
    restoreBudgets = await liftCallBudgets();
  });

  afterEach(async () => {
    await restoreBudgets();
  });

  it('refuses to start a run while an earlier run still holds the lock', async () => {
    // Prepare: a first run that took the lock and has not finished (its shard jobs never ran).
    const store = createReconcileRunStore(
      awsClients().documents,
      useSystem().tables.driftReports,
      30
    );
    const first = await startReconcileRun(
      {
        store,
        publisher: {
          shardJobs: async () => undefined,
          syncJobs: async () => undefined,
          reportJobs: async () => undefined,
        },
        newRunId: () => `rcn_test_${randomUUID()}`,
        settings: {
          shardCount: 16,
          pageSize: 100,
          leaseSeconds: 600,
          retentionDays: 30,
          tenantCooldownSeconds: 60,
          slowDownAtPercent: 75,
          giveUpAfterAttempts: 4,
          dailyCheckSlots: 24,
        },
        metrics: createReconcileMetrics(() => undefined),
        events: recordingPublisher(),
      },
      { scope: { kind: 'all' }, trigger: 'schedule' },
      new Date()
    );
    if (first.status !== 'started') throw new Error('the first run did not start');

    try {
      // Act
      const second = await runReconcilerNow();

      // Assess
      expect(second).toMatchObject({
        status: 'skipped',
        reason: 'run_in_progress',
        heldBy: first.runId,
      });
    } finally {
      await store.releaseLock({ kind: 'all' }, first.runId);
    }
  });

  it('completes the run summary once every shard job has run', async () => {
    // Prepare: active links in two shards, and an item without a shard (not in the sparse index).
    const { documents } = awsClients();
    const table = useSystem().tables.links;
    const items = [
      { pk: `LINK#${randomUUID()}`, sk: 'LINK', shard: 0, status: 'active' },
      { pk: `LINK#${randomUUID()}`, sk: 'LINK', shard: 5, status: 'active' },
      { pk: `LINK#${randomUUID()}`, sk: 'LINK', shard: 5, status: 'active' },
      { pk: `GRANT#${randomUUID()}`, sk: 'GRANT' },
    ];
    for (const item of items)
      await documents.send(new PutCommand({ TableName: table, Item: item }));
    const expectedLinks = await activeLinksInTable();

    // Act
    const started = (await runReconcilerNow()) as {
      status: string;
      runId: string;
      shardCount: number;
    };

    // Assess
    expect(started).toMatchObject({ status: 'started', shardCount: 16 });
    const summary = await eventually(async () => {
      const item = await summaryOf(started.runId);
      if (item?.status !== 'completed')
        throw new Error(
          `run is ${String(item?.status)}: ${JSON.stringify({ shardsDone: item?.shardsDone, pagesDone: item?.pagesDone, linksChecked: item?.linksChecked, errors: item?.errors })}`
        );
      return item;
    });
    expect(summary).toMatchObject({
      runId: started.runId,
      status: 'completed',
      shardCount: 16,
      shardsDone: 16,
      linksChecked: expectedLinks,
    });
    // The three items above are not links the reconciler can check: counted as errors, not drift.
    expect(summary.errors).toBeGreaterThanOrEqual(3);
    expect(summary.expiresAt).toBeGreaterThan(Date.now() / 1000 + 29 * 86_400);
    expect(Date.parse(summary.finishedAt)).not.toBeNaN();
    // The lock goes in a write of its own just after the summary completes.
    await eventually(async () => {
      const lock = await lockItem();
      if (lock) throw new Error(`the lock is still held by ${String(lock.runId)}`);
    });
  });
});
