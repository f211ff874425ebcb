import { z } from 'zod';

/** The sync queue and its DLQ, as the CDK house function (or the local runtime) passes them. */
const syncQueueConfig = z.object({
  SYNC_QUEUE_URL: z.url(),
  SYNC_DLQ_URL: z.url(),
});

/** Reconcile run settings; the defaults are the production values. */
const reconcileConfig = z.object({
  DRIFT_REPORTS_TABLE: z.string().min(1),
  LINKS_TABLE: z.string().min(1),
  /** Must match the shard count links are written with (functions/core/linking/model.ts). */
  SHARD_COUNT: z.coerce.number().int().min(1).max(1024).default(16),
  /** Below the hourly schedule, so a crashed run blocks at most one scheduled run. */
  RECONCILE_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(50 * 60),
  DRIFT_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
});

export { reconcileConfig, syncQueueConfig };
