import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../adapters/observability/logger.js';
import { statsPublisher } from '../adapters/wiring/stats.js';
import { SHARD_COUNT } from '../core/linking/model.js';
import { statsShardJobs } from '../core/stats/pull.js';

const publisher = statsPublisher();
const log = logger.child({ fn: 'stats-scheduler' });

/**
 * Scheduled daily: publishes one `stats-shard` job per shard; the worker fans each out to one pull
 * per active link. A repeated start only pulls the same days again (pulls overwrite their days).
 */
export const handler = middy<ScheduledEvent, { shards: number }>().handler(async (event) => {
  await publisher.publish(statsShardJobs(SHARD_COUNT));
  log.info('stats pull started', { shards: SHARD_COUNT, scheduledAt: event.time });
  return { shards: SHARD_COUNT };
});
