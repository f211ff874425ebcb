import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../adapters/observability/logger.js';
import { startRunDeps } from '../adapters/wiring/reconcile.js';
import { type StartRunResult, startReconcileRun } from '../core/reconcile/run.js';

const deps = startRunDeps();
const log = logger.child({ fn: 'reconciler' });

/**
 * Scheduled: starts a reconcile run over every active link, resumes the run whose lease ran out, or
 * skips while a run is making progress.
 */
export const handler = middy<ScheduledEvent, StartRunResult>().handler(async (event) => {
  // The lease is compared with the clock, not the event time: a retried event may be old.
  const result = await startReconcileRun(
    deps,
    { scope: { kind: 'all' }, trigger: 'schedule' },
    new Date()
  );
  log.info(`reconcile run ${result.status}`, { ...result, scheduledAt: event.time });
  return result;
});
