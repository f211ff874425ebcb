import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReconcileRunStore } from '../../../functions/adapters/dynamodb/reconcile-runs.js';
import { createReconcileMetrics } from '../../../functions/adapters/observability/metrics.js';
import { newRunId } from '../../../functions/adapters/wiring/reconcile.js';
import { startReconcileRun } from '../../../functions/core/reconcile/run.js';
import { recordingPublisher } from '../../helpers/events.js';
import { awsClients, runReconcilerNow, useSystem } from '../../helpers/system.js';
import { clearFaults, fault, liftCallBudgets } from '../ads/linked.js';
import { linkedTenant, moreLinks, startRun, waitForRun } from './fixtures.js';

const settings = {
  shardCount: 16,
  pageSize: 100,
  leaseSeconds: 60,
  retentionDays: 30,
  tenantCooldownSeconds: 60,
  slowDownAtPercent: 75,
  giveUpAfterAttempts: 4,
  dailyCheckSlots: 24,
};

const store = () =>
  createReconcileRunStore(awsClients().documents, useSystem().tables.driftReports, 30);

describe('Function: reconcileShard (runs through the queue)', () => {
  let restoreBudgets: () => Promise<unknown>;

  beforeEach(async () => {
    restoreBudgets = await liftCallBudgets();
  });

  afterEach(async () => {
    await clearFaults();
    await restoreBudgets();
  });

  it('resumes from its checkpoint after a page job fails, and counts every link exactly once', async () => {
    // Prepare: 250 links in one tenant = 3 pages of 100; Graph fails the first page's batch calls
    // for longer than the client's own retries, so that job fails and SQS hands it out again.
    const linked = await linkedTenant();
    await moreLinks(linked, 249);
    await fault({
      match: { method: 'POST', path: '^/?(v\\d+\\.\\d+/?)?$' },
      times: 3,
      error: { status: 500, code: 2, isTransient: true },
    });

    // Act
    const started = await startRun(linked.tenant);
    const run = await waitForRun(linked.tenant, String(started.body.runId), 60_000);

    // Assess
    expect(run.counts.linksChecked).toBe(250);
    expect(run.counts.errors).toBe(0);
    expect(Object.values(run.counts.drift).reduce((a, b) => a + b, 0)).toBe(250);
    expect(run.progress).toEqual({ shardCount: 1, shardsDone: 1, pagesDone: 3 });
  });

  it('joins the run in progress instead of starting a second one', async () => {
    // Prepare: slow Graph down so the first run is still running when the second request arrives.
    const linked = await linkedTenant();
    await fault({
      match: { method: 'POST', path: '^/?(v\\d+\\.\\d+/?)?$' },
      times: 1,
      latencyMs: 3_000,
    });

    // Act
    const first = await startRun(linked.tenant);
    const second = await startRun(linked.tenant);

    // Assess
    expect(first.status).toBe(202);
    expect(second).toEqual({
      status: 202,
      body: { runId: first.body.runId, status: 'running', joined: true },
    });
    const run = await waitForRun(linked.tenant, String(first.body.runId));
    expect(run.counts.linksChecked).toBe(1);
  });

  it('resumes a scheduled run whose lease ran out instead of starting a second run', async () => {
    // Prepare: a scheduled run whose shard jobs were all lost (published nowhere), lease run out.
    const linked = await linkedTenant();
    const runs = store();
    const stalled = await startReconcileRun(
      {
        store: runs,
        publisher: {
          shardJobs: async () => undefined,
          syncJobs: async () => undefined,
          reportJobs: async () => undefined,
        },
        newRunId,
        settings,
        metrics: createReconcileMetrics(() => undefined),
        events: recordingPublisher(),
      },
      { scope: { kind: 'all' }, trigger: 'schedule' },
      new Date()
    );
    if (stalled.status !== 'started') throw new Error(`no stalled run: ${stalled.status}`);
    await awsClients().documents.send(
      new UpdateCommand({
        TableName: useSystem().tables.driftReports,
        Key: { pk: 'LOCK', sk: 'RECONCILE' },
        UpdateExpression: 'SET leaseUntil = :past',
        ExpressionAttributeValues: { ':past': Date.now() - 1_000 },
      })
    );

    // Act
    const resumed = await runReconcilerNow();

    // Assess
    expect(resumed).toEqual({ status: 'resumed', runId: stalled.runId, shardsResumed: 16 });
    const run = await waitForRun(linked.tenant, stalled.runId);
    expect(run.resumedAt).toEqual(expect.any(String));
    expect(run.counts.linksChecked).toBe(1);
    const lock = await awsClients().documents.send(
      new GetCommand({
        TableName: useSystem().tables.driftReports,
        Key: { pk: 'LOCK', sk: 'RECONCILE' },
        ConsistentRead: true,
      })
    );
    expect(lock.Item).toBeUndefined();
  });
});
