import { randomBytes } from 'node:crypto';
import { ValidationError } from '../../core/errors.js';
import type {
  DeliveryQueue,
  EventIds,
  EventsDeps,
  UrlPolicy,
  WebhookSender,
} from '../../core/events/model.js';
import { createEventPublisher } from '../../core/events/publish.js';
import type { EventPublisher } from '../../core/linking/events.js';
import * as z from '../../core/zod.js';
import { dynamoDocumentClient, sqs } from '../aws/clients.js';
import { loadConfig } from '../config.js';
import { createEndpointStore, createEventStore } from '../dynamodb/events.js';
import { tables } from '../dynamodb/tables.js';
import { FetchRefusedError } from '../net/fetch-refused.js';
import { createGuardedFetch, createUrlCheck } from '../net/guarded-fetch.js';
import { logger } from '../observability/logger.js';
import { deliveriesQueueConfig } from '../sqs/config.js';
import { createSqsDeadLetters } from '../sqs/dead-letters.js';
import { createJobPublisher } from '../sqs/publisher.js';
import { queues } from '../sqs/queues.js';
import { clock, tableName, tokenVault } from './shared.js';

/**
 * Builders for the events feature: the publisher every emitting use case receives, and what the
 * webhook-endpoint routes, the events routes and the delivery worker need. Each reads only its own
 * configuration, so a function that only publishes needs only the table and the queue.
 */

const eventsConfig = z.object({
  /** How long events are kept for GET /events and redelivery (Stripe keeps 30 days). */
  EVENT_RETENTION_DAYS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(90)),
    30
  ),
});

const outboundConfig = z.object({
  /**
   * `true` only in the embedded default: endpoints on loopback (any port, http too) are allowed, so
   * a developer's receiver gets events. AWS deployments never set it.
   */
  WEBHOOK_ALLOW_LOOPBACK: z._default(z.enum(['true', 'false']), 'false'),
});

/** A webhook endpoint has this long to answer; a slow one is a failed attempt, retried later. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** What is read of an endpoint's answer (it is only kept as a status). */
const MAX_RESPONSE_BYTES = 64 * 1024;

const eventsTable = () => tableName(tables.events.envVar);

const deliveryQueue = (): DeliveryQueue => {
  const publisher = createJobPublisher({
    client: sqs(),
    queueUrl: loadConfig(z.pick(deliveriesQueueConfig, { DELIVERIES_QUEUE_URL: true }))
      .DELIVERIES_QUEUE_URL,
  });
  return { send: (jobs, delaySeconds) => publisher.publish(jobs, delaySeconds) };
};

const eventIds: EventIds = {
  eventId: (now) =>
    `evt_${now.getTime().toString(16).padStart(12, '0')}${randomBytes(10).toString('hex')}`,
  endpointId: () => `we_${randomBytes(16).toString('hex')}`,
  secret: () => `whsec_${randomBytes(32).toString('base64url')}`,
};

const allowLoopback = () => loadConfig(outboundConfig).WEBHOOK_ALLOW_LOOPBACK === 'true';

/** POSTs under the guarded fetch's rules; every refusal is a failed attempt with its reason. */
const webhookSender = (): WebhookSender => {
  const fetchGuarded = createGuardedFetch({
    allowLoopback: allowLoopback(),
    timeoutMs: DELIVERY_TIMEOUT_MS,
    userAgent: 'Tandem-Webhooks/1.0',
  });
  return {
    post: async (url, body, headers) => {
      try {
        const { status } = await fetchGuarded(url, {
          method: 'POST',
          body,
          headers,
          maxBytes: MAX_RESPONSE_BYTES,
        });
        return { ok: true, status };
      } catch (error) {
        if (!(error instanceof FetchRefusedError)) throw error;
        return {
          ok: false,
          ...(error.status ? { status: error.status } : {}),
          error: `${error.reason}: ${error.message}`,
        };
      }
    },
  };
};

/** The registration check: the same rules a delivery meets, refused as a 400 saying which. */
const urlPolicy = (): UrlPolicy => {
  const check = createUrlCheck({ allowLoopback: allowLoopback() });
  return {
    check: async (url) => {
      try {
        await check(url);
      } catch (error) {
        if (!(error instanceof FetchRefusedError)) throw error;
        throw new ValidationError(
          `The endpoint URL cannot be used: ${error.message}.`,
          { reason: error.reason },
          'endpoint_url_not_allowed'
        );
      }
    },
  };
};

const eventStore = () => createEventStore(dynamoDocumentClient(), eventsTable());
const endpointStore = () => createEndpointStore(dynamoDocumentClient(), eventsTable());

const publishingDeps = () => ({
  events: eventStore(),
  queue: deliveryQueue(),
  ids: eventIds,
  clock,
  retentionDays: loadConfig(eventsConfig).EVENT_RETENTION_DAYS,
});

/**
 * The publisher the emitting use cases receive (functions whose needs say `events: 'publish'`). A
 * failure to publish is logged with the event's type and tenant; the action itself goes on.
 */
const eventPublisher = (): EventPublisher =>
  createEventPublisher(publishingDeps(), (error, event) =>
    logger.error('event not published', { ...event, error })
  );

/** Everything the webhook-endpoint and events routes and the delivery worker use. */
const eventsDeps = (): EventsDeps => ({
  ...publishingDeps(),
  endpoints: endpointStore(),
  sender: webhookSender(),
  urls: urlPolicy(),
  vault: tokenVault(),
});

/** Reading, listing and deleting webhook endpoints: the endpoint store alone. */
const endpointDeps = () => ({ endpoints: endpointStore() });

/** Rotating an endpoint's signing secret: a new secret, sealed by the vault. */
const endpointRotateDeps = () => ({
  endpoints: endpointStore(),
  vault: tokenVault(),
  ids: eventIds,
  clock,
});

/** Registering an endpoint: as rotating (it gets a first secret), and the URL rules. */
const endpointCreateDeps = () => ({ ...endpointRotateDeps(), urls: urlPolicy() });

/** Changing an endpoint: a new URL meets the same rules as a registered one. */
const endpointUpdateDeps = () => ({ endpoints: endpointStore(), urls: urlPolicy(), clock });

/** Sending an endpoint a test event: the publisher's parts and the endpoint it goes to. */
const endpointTestDeps = () => ({ ...publishingDeps(), endpoints: endpointStore() });

/** Reading and listing events: the event store alone. */
const eventReadDeps = () => ({ events: eventStore() });

/** Redelivering an event: the event, its endpoints and the deliveries queue. */
const eventRedeliverDeps = () => ({
  events: eventStore(),
  endpoints: endpointStore(),
  queue: deliveryQueue(),
  clock,
});

/**
 * What the delivery worker (functions/queue/deliveries.ts) needs: the events feature's deps and its
 * queue's dead letters, built once at cold start.
 */
const deliveriesRoot = () => ({
  events: eventsDeps(),
  queue: {
    deadLetters: createSqsDeadLetters(
      sqs(),
      loadConfig(z.pick(deliveriesQueueConfig, { DELIVERIES_DLQ_URL: true })).DELIVERIES_DLQ_URL
    ),
    maxReceiveCount: queues.deliveries.maxReceiveCount,
  },
});

export {
  deliveriesRoot,
  endpointCreateDeps,
  endpointDeps,
  endpointRotateDeps,
  endpointTestDeps,
  endpointUpdateDeps,
  eventPublisher,
  eventReadDeps,
  eventRedeliverDeps,
  eventsDeps,
  publishingDeps,
};
