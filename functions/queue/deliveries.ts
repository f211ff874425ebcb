import { logger } from '../adapters/observability/logger.js';
import { type BatchRunnerOptions, batchHandler } from '../adapters/sqs/batch-runner.js';
import { deliveriesRoot } from '../adapters/wiring/events.js';
import { broadcast, deliver, fanOut } from '../core/events/delivery.js';

/** Each deliveries job kind: one core call, then a log line with the outcome. */
const deliveryBatchOptions = ({
  events: deps,
  queue,
}: ReturnType<typeof deliveriesRoot>): BatchRunnerOptions => ({
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
  ...queue,
  log: logger.child({ fn: 'deliveries' }),
});

/**
 * Consumes the deliveries queue: fans new events out to the endpoints that want them and delivers
 * each, signed, retrying on the schedule (functions/core/events/delivery.ts). An endpoint's failure
 * is an outcome, not an error; only Tandem's own failures (the events table, the vault) are retried
 * by SQS and dead-lettered after maxReceiveCount.
 */
export const handler = batchHandler(deliveryBatchOptions(deliveriesRoot()));
