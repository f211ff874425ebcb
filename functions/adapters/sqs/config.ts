import { COOLDOWNS } from '../../core/quotas.js';
import * as z from '../../core/zod.js';

/** The sync queue and its DLQ, as the CDK house function (or the local runtime) passes them. */
const syncQueueConfig = z.object({
  SYNC_QUEUE_URL: z.url(),
  SYNC_DLQ_URL: z.url(),
});

/** The deliveries queue (webhook events) and its DLQ. */
const deliveriesQueueConfig = z.object({
  DELIVERIES_QUEUE_URL: z.url(),
  DELIVERIES_DLQ_URL: z.url(),
});

/** Reconcile run settings; the defaults are the production values. */
const reconcileConfig = z.object({
  DRIFT_REPORTS_TABLE: z.string().check(z.minLength(1)),
  LINKS_TABLE: z.string().check(z.minLength(1)),
  /**
   * How long a run may go without committing a page before the next start resumes it. Every page
   * renews it, so it only has to outlast one page (and any delay Meta's usage imposed).
   */
  RECONCILE_LEASE_SECONDS: z._default(z.coerce.number().check(z.int(), z.minimum(60)), 15 * 60),
  DRIFT_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 30),
  /**
   * Links per shard job. 100 links = 200 Graph reads = 4 batch calls per grant: a few seconds, far
   * inside the worker's 30 s timeout, and a bounded amount of work lost if a job fails.
   */
  RECONCILE_PAGE_SIZE: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)),
    100
  ),
  /** From this Meta usage percentage on, continuations are delayed (more the closer to 100). */
  RECONCILE_SLOW_DOWN_AT_PERCENT: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(99)),
    75
  ),
  /** A tenant's on-demand runs are at least this far apart. */
  RECONCILE_TENANT_COOLDOWN_SECONDS: z._default(
    z.coerce.number().check(z.int(), z.minimum(0), z.maximum(3600)),
    COOLDOWNS.reconcileRuns.defaultSeconds
  ),
  /** Below the queue's maxReceiveCount (5): a page that keeps failing is recorded as errors. */
  RECONCILE_GIVE_UP_AFTER_ATTEMPTS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5)),
    4
  ),
  /**
   * Scheduled runs a day that share the daily checks (the number's health): one per run, so each
   * scheduled run reads 1/n of the links' health. 24 fits the hourly schedule
   * (`reconcileSchedule` in infra/shared/functions.ts).
   */
  RECONCILE_DAILY_CHECK_SLOTS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1440)),
    24
  ),
});

export { deliveriesQueueConfig, reconcileConfig, syncQueueConfig };
