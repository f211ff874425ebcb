import { DRIFT_CLASSES } from '../../core/reconcile/drift.js';
import type { RunCounts, RunSummary } from '../../core/reconcile/model.js';
import type { ReconcileMetrics } from '../../core/reconcile/ports.js';

/**
 * Metrics as CloudWatch Embedded Metric Format (EMF): one JSON log line per metric document, which
 * CloudWatch Logs turns into metrics asynchronously. No SDK call, no latency, no IAM beyond logging.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */

const NAMESPACE = 'Tandem';

type Unit = 'Count' | 'Milliseconds';

interface MetricDocument {
  dimensions: Record<string, string>;
  metrics: Record<string, { value: number; unit: Unit }>;
  /** Extra top-level fields: searchable in Logs Insights, not metrics. */
  properties?: Record<string, unknown>;
}

type Write = (line: string) => void;

/** Metrics follow the log level: silenced with the logs (tests, benchmarks), on everywhere else. */
const defaultWrite: Write = (line) => {
  if (process.env.LOG_LEVEL?.toLowerCase() === 'silent') return;
  process.stdout.write(`${line}\n`);
};

/** Renders one EMF document (a metric directive plus the values as top-level members). */
const emfLine = (document: MetricDocument, at: Date): string => {
  const values = Object.fromEntries(
    Object.entries(document.metrics).map(([name, metric]) => [name, metric.value])
  );
  return JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: NAMESPACE,
          Dimensions: [Object.keys(document.dimensions)],
          Metrics: Object.entries(document.metrics).map(([name, metric]) => ({
            Name: name,
            Unit: metric.unit,
          })),
        },
      ],
    },
    ...document.dimensions,
    ...document.properties,
    ...values,
  });
};

/**
 * The reconciler's metrics:
 * - per page: `LinksChecked`, `ReconcileErrors`, `SyncsEnqueued` (dimension `Scope`), and
 *   `LinksByDriftClass` per `DriftClass` (one document per class seen);
 * - per finished run: `RunDurationMs`, `RunLinksChecked`, `RunErrors` (dimension `Scope`).
 *
 * @example
 * const metrics = createReconcileMetrics();
 * metrics.pageReconciled('all', counts);
 */
const createReconcileMetrics = (
  write: Write = defaultWrite,
  now: () => Date = () => new Date()
): ReconcileMetrics => ({
  pageReconciled: (scope, counts: RunCounts) => {
    const at = now();
    write(
      emfLine(
        {
          dimensions: { Scope: scope },
          metrics: {
            LinksChecked: { value: counts.linksChecked, unit: 'Count' },
            ReconcileErrors: { value: counts.errors, unit: 'Count' },
            SyncsEnqueued: { value: counts.syncsEnqueued, unit: 'Count' },
          },
        },
        at
      )
    );
    for (const driftClass of DRIFT_CLASSES) {
      const count = counts.drift[driftClass];
      if (!count) continue;
      write(
        emfLine(
          {
            dimensions: { DriftClass: driftClass },
            metrics: { LinksByDriftClass: { value: count, unit: 'Count' } },
          },
          at
        )
      );
    }
  },
  runFinished: (summary: RunSummary) => {
    write(
      emfLine(
        {
          dimensions: { Scope: summary.scope.kind },
          metrics: {
            RunDurationMs: { value: summary.durationMs ?? 0, unit: 'Milliseconds' },
            RunLinksChecked: { value: summary.linksChecked, unit: 'Count' },
            RunErrors: { value: summary.errors, unit: 'Count' },
          },
          properties: { runId: summary.runId, status: summary.status },
        },
        now()
      )
    );
  },
});

export { createReconcileMetrics };
