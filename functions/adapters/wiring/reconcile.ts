import { randomBytes } from 'node:crypto';
import { SHARD_COUNT } from '../../core/linking/model.js';
import type { ReconcileSettings, ShardDeps, StartRunDeps } from '../../core/reconcile/run.js';
import * as z from '../../core/zod.js';
import { dynamoDocumentClient, sqs } from '../aws/clients.js';
import { loadConfig } from '../config.js';
import { createDriftReportStore } from '../dynamodb/drift-reports.js';
import { createLinkDriftWriter } from '../dynamodb/fleet.js';
import { createBaselineSource } from '../dynamodb/reconcile-baselines.js';
import { createLinkPageSource, createReconcileRunStore } from '../dynamodb/reconcile-runs.js';
import { createPageSubscriptions } from '../meta/page-subscriptions.js';
import { createReconcileObserver, createUsageGauge } from '../meta/reconcile-observer.js';
import { logger } from '../observability/logger.js';
import { createReconcileMetrics } from '../observability/metrics.js';
import { reconcileConfig, syncQueueConfig } from '../sqs/config.js';
import { createReconcileJobPublisher } from '../sqs/reconcile-publisher.js';
import { eventPublisher } from './events.js';
import {
  grantRepository,
  graphClient,
  linkObserver,
  linkRepository,
  tokenVault,
} from './shared.js';

/**
 * Builders for the reconciler's dependencies: the scheduled reconciler, the worker's shard jobs and
 * the reconcile API. Each reads only the configuration it needs, once, at module scope of its handler.
 */

const settingsOf = (config: z.infer<typeof reconcileConfig>): ReconcileSettings => ({
  // The shards links are written into; a run over any other count would miss or empty some.
  shardCount: SHARD_COUNT,
  pageSize: config.RECONCILE_PAGE_SIZE,
  leaseSeconds: config.RECONCILE_LEASE_SECONDS,
  retentionDays: config.DRIFT_RETENTION_DAYS,
  tenantCooldownSeconds: config.RECONCILE_TENANT_COOLDOWN_SECONDS,
  slowDownAtPercent: config.RECONCILE_SLOW_DOWN_AT_PERCENT,
  giveUpAfterAttempts: config.RECONCILE_GIVE_UP_AFTER_ATTEMPTS,
  dailyCheckSlots: config.RECONCILE_DAILY_CHECK_SLOTS,
});

const reportsTableConfig = z.pick(reconcileConfig, {
  DRIFT_REPORTS_TABLE: true,
  DRIFT_RETENTION_DAYS: true,
});
const queueUrlConfig = z.pick(syncQueueConfig, { SYNC_QUEUE_URL: true });

/** Sortable by start time, unique even for two runs started in the same millisecond. */
const newRunId = (now: Date): string =>
  `rcn_${now.toISOString().replace(/[-:.]/g, '')}_${randomBytes(4).toString('hex')}`;

/** What starting a run needs: the reconciler and POST /reconcile/runs. */
const startRunDeps = (): StartRunDeps => {
  const config = loadConfig(z.intersection(reconcileConfig, queueUrlConfig));
  return {
    store: createReconcileRunStore(
      dynamoDocumentClient(),
      config.DRIFT_REPORTS_TABLE,
      config.DRIFT_RETENTION_DAYS
    ),
    publisher: createReconcileJobPublisher(sqs(), config.SYNC_QUEUE_URL),
    newRunId,
    settings: settingsOf(config),
    metrics: createReconcileMetrics(),
    events: eventPublisher(),
  };
};

/** What a shard job needs: the worker. */
const shardDeps = (): ShardDeps => {
  const config = loadConfig(z.intersection(reconcileConfig, queueUrlConfig));
  const db = dynamoDocumentClient();
  // One observer per execution environment: its Page-token and picture caches serve every job.
  const gauge = createUsageGauge();
  const graph = graphClient({ onUsage: gauge.record });
  return {
    store: createReconcileRunStore(db, config.DRIFT_REPORTS_TABLE, config.DRIFT_RETENTION_DAYS),
    links: createLinkPageSource(db, config.LINKS_TABLE),
    linkStore: linkRepository(),
    observer: createReconcileObserver(linkObserver(graph, { storePageTokens: true }), gauge),
    baselines: createBaselineSource(db, config.LINKS_TABLE),
    subscriptions: createPageSubscriptions({
      graph,
      grants: grantRepository(),
      vault: tokenVault(),
      log: logger,
    }),
    reports: createDriftReportStore(db, config.DRIFT_REPORTS_TABLE),
    linkDrift: createLinkDriftWriter(db, config.LINKS_TABLE),
    publisher: createReconcileJobPublisher(sqs(), config.SYNC_QUEUE_URL),
    metrics: createReconcileMetrics(),
    events: eventPublisher(),
    settings: settingsOf(config),
  };
};

/** What the read routes need: runs and reports, read-only. */
const reportDeps = () => {
  const config = loadConfig(reportsTableConfig);
  const db = dynamoDocumentClient();
  return {
    store: createReconcileRunStore(db, config.DRIFT_REPORTS_TABLE, config.DRIFT_RETENTION_DAYS),
    reports: createDriftReportStore(db, config.DRIFT_REPORTS_TABLE),
  };
};

/** A link's drift history (GET /links/{linkId}/drift): the reports, and the link they are of. */
const linkDriftDeps = () => ({ ...reportDeps(), links: linkRepository() });

/** A run asked for over the API (POST /reconcile/runs): as the reconciler's, and the links named. */
const runRequestDeps = () => ({ ...startRunDeps(), links: linkRepository() });

export { linkDriftDeps, newRunId, reportDeps, runRequestDeps, shardDeps, startRunDeps };
