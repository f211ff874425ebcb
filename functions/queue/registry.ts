import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createReconcileRunStore, createShardLinkSource } from '../adapters/aws/reconcile-runs.js';
import type { JobRegistry } from '../adapters/queue/batch-runner.js';
import { type CheckLink, noDriftCheckYet, reconcileShard } from '../core/reconcile-run.js';

interface RegistryDeps {
  db: DynamoDBDocumentClient;
  linksTable: string;
  driftReportsTable: string;
  retentionDays: number;
  /** Per-link drift check; until the drift feature wires one, links are counted but not classified. */
  checkLink?: CheckLink;
}

/**
 * The worker's job handlers, one per kind. There is no `sync` handler yet: until the sync feature
 * registers one, sync jobs are dead-lettered with "no handler for job kind sync", never dropped.
 */
const createJobRegistry = (deps: RegistryDeps): JobRegistry => {
  const store = createReconcileRunStore(deps.db, deps.driftReportsTable, deps.retentionDays);
  const links = createShardLinkSource(deps.db, deps.linksTable);
  const checkLink = deps.checkLink ?? noDriftCheckYet;
  return {
    'reconcile-shard': async (job, ctx) => {
      const result = await reconcileShard({ store, links, checkLink }, job, new Date());
      ctx.log.info('reconcile shard done', { runId: job.runId, shard: job.shard, ...result });
    },
  };
};

export { createJobRegistry };
