import { describe, expect, it } from 'vitest';
import { createReconcileMetrics } from '../../../../functions/adapters/observability/metrics.js';

/** The reconciler's metrics port as CloudWatch EMF log lines (functions/adapters/observability/metrics.ts). */
describe('Function: createReconcileMetrics', () => {
  const at = new Date('2026-07-01T10:00:00.000Z');

  it('writes one EMF document per page and one per drift class seen', () => {
    // Prepare
    const lines: string[] = [];
    const metrics = createReconcileMetrics(
      (line) => lines.push(line),
      () => at
    );

    // Act
    metrics.pageReconciled('all', {
      linksChecked: 100,
      drift: { in_sync: 97, page_changed: 3 },
      errors: 0,
      syncsEnqueued: 2,
      metaLink: {},
      health: {},
      dailyChecks: 0,
    });

    // Assess
    const documents = lines.map((line) => JSON.parse(line));
    expect(documents).toHaveLength(3);
    expect(documents[0]).toEqual({
      _aws: {
        Timestamp: at.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: 'Tandem',
            Dimensions: [['Scope']],
            Metrics: [
              { Name: 'LinksChecked', Unit: 'Count' },
              { Name: 'ReconcileErrors', Unit: 'Count' },
              { Name: 'SyncsEnqueued', Unit: 'Count' },
            ],
          },
        ],
      },
      Scope: 'all',
      LinksChecked: 100,
      ReconcileErrors: 0,
      SyncsEnqueued: 2,
    });
    expect(documents[2]).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Dimensions: [['DriftClass']] }] },
      DriftClass: 'page_changed',
      LinksByDriftClass: 3,
    });
  });

  it('reports a finished run with its duration', () => {
    // Prepare
    const lines: string[] = [];
    const metrics = createReconcileMetrics(
      (line) => lines.push(line),
      () => at
    );

    // Act
    metrics.runFinished({
      runId: 'rcn_x',
      scope: { kind: 'all' },
      trigger: 'schedule',
      status: 'completed',
      startedAt: '2026-07-01T09:00:00.000Z',
      finishedAt: at.toISOString(),
      durationMs: 3_600_000,
      shardCount: 16,
      shardsDone: 16,
      pagesDone: 160,
      linksChecked: 16_000,
      drift: {},
      errors: 4,
      syncsEnqueued: 0,
      metaLink: {},
      health: {},
      dailyChecks: 0,
      expiresAt: 0,
    });

    // Assess
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      Scope: 'all',
      runId: 'rcn_x',
      RunDurationMs: 3_600_000,
      RunLinksChecked: 16_000,
      RunErrors: 4,
    });
  });
});
