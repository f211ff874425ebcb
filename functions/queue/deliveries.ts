import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sqs } from '../adapters/aws/clients.js';
import { loadConfig } from '../adapters/config.js';
import { logger } from '../adapters/observability/logger.js';
import { runBatch } from '../adapters/sqs/batch-runner.js';
import { deliveriesQueueConfig } from '../adapters/sqs/config.js';
import { createSqsDeadLetters } from '../adapters/sqs/dead-letters.js';
import { queues } from '../adapters/sqs/queues.js';
import { eventsDeps } from '../adapters/wiring/events.js';
import { broadcast, deliver, fanOut } from '../core/events/delivery.js';
import * as z from '../core/zod.js';

const config = loadConfig(z.pick(deliveriesQueueConfig, { DELIVERIES_DLQ_URL: true }));

const deps = eventsDeps();
const deadLetters = createSqsDeadLetters(sqs(), config.DELIVERIES_DLQ_URL);
const log = logger.child({ fn: 'deliveries' });

/**
 * Consumes the deliveries queue: fans new events out to the endpoints that want them and delivers
 * each, signed, retrying on the schedule (functions/core/events/delivery.ts). An endpoint's failure
 * is an outcome, not an error; only Tandem's own failures (the events table, the vault) are retried
 * by SQS and dead-lettered after maxReceiveCount.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>().handler((event) =>
  runBatch(event, {
    registry: {
      'event-fanout': async (job, ctx) => {
        const result = await fanOut(deps, job);
        ctx.log.info('event fanned out', { eventId: job.eventId, ...result });
      },
      'event-broadcast': async (job, ctx) => {
        const result = await broadcast(deps, job);
        ctx.log.info('event broadcast page', {
          type: job.type,
          broadcastId: job.broadcastId,
          ...result,
        });
      },
      'event-delivery': async (job, ctx) => {
        const result = await deliver(deps, job);
        ctx.log.info('event delivery', {
          eventId: job.eventId,
          endpointId: job.endpointId,
          attempt: job.attempt,
          ...result,
        });
      },
    },
    deadLetters,
    maxReceiveCount: queues.deliveries.maxReceiveCount,
    log,
  })
);
