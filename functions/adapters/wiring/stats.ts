import { SHARD_COUNT } from '../../core/linking/model.js';
import type { StatsFanOutDeps, StatsPullDeps, StatsReadDeps } from '../../core/stats/ports.js';
import * as z from '../../core/zod.js';
import { dynamoDocumentClient } from '../aws/clients.js';
import { loadConfig } from '../config.js';
import { createStatsStore } from '../dynamodb/message-stats.js';
import { createLinkPageSource } from '../dynamodb/reconcile-runs.js';
import { tables } from '../dynamodb/tables.js';
import { createStatsGateway } from '../meta/stats-gateway.js';
import {
  clock,
  grantRepository,
  graphClient,
  linkRepository,
  operationStore,
  syncJobQueue,
  tokenVault,
} from './shared.js';

/**
 * Builders for the message statistics' dependencies: the schedule, the worker's shard and pull jobs,
 * and the two read routes. Each reads only the configuration it needs, once, at module scope.
 */

const statsConfig = z.object({
  [tables.messageStats.envVar]: z.string().check(z.minLength(1)),
  /** Links per shard job; each link becomes one pull job (one SQS batch per ten). */
  STATS_PAGE_SIZE: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
});

const statsStore = () =>
  createStatsStore(
    dynamoDocumentClient(),
    loadConfig(statsConfig)[tables.messageStats.envVar] as string
  );

const publisher = () => {
  const queue = syncJobQueue();
  return { publish: (jobs: Parameters<typeof queue.publish>[0]) => queue.publish(jobs) };
};

/** What the worker's `stats-pull` jobs need. */
const statsPullDeps = (): StatsPullDeps => ({
  links: linkRepository(),
  grants: grantRepository(),
  vault: tokenVault(),
  operations: operationStore(),
  stats: createStatsGateway(graphClient()),
  store: statsStore(),
  publisher: publisher(),
  clock,
});

/** What the worker's `stats-shard` jobs need: the links table's shard index and the queue. */
const statsFanOutDeps = (): StatsFanOutDeps => {
  const config = loadConfig(
    z.extend(statsConfig, { [tables.links.envVar]: z.string().check(z.minLength(1)) })
  );
  return {
    links: createLinkPageSource(dynamoDocumentClient(), config[tables.links.envVar] as string),
    publisher: publisher(),
    pageSize: config.STATS_PAGE_SIZE,
    shardCount: SHARD_COUNT,
  };
};

/** What the read routes need. */
const statsReadDeps = (): StatsReadDeps => ({
  links: linkRepository(),
  store: statsStore(),
  clock,
});

export { publisher as statsPublisher, statsFanOutDeps, statsPullDeps, statsReadDeps };
