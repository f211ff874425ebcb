import { eventEnvelope } from '../../core/linking/events.js';
import * as z from '../../core/zod.js';

/**
 * Response schemas of the webhook-endpoint and events API (OpenAPI), mirroring the core views;
 * test/unit/http/responses.test.ts keeps each equal to its type.
 */

const endpointView = z.object({
  endpointId: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(['enabled', 'disabled']),
  disabled: z.optional(
    z.object({ at: z.string(), reason: z.string(), by: z.enum(['tandem', 'tenant']) })
  ),
  consecutiveFailures: z.int(),
  failingSince: z.optional(z.string()),
  lastSuccessAt: z.optional(z.string()),
  previousSecretExpiresAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});

/** Create and rotate answer the signing secret, the only time it is shown. */
const endpointWithSecret = z.extend(endpointView, {
  secret: z.string(),
});

const endpointPage = z.object({
  items: z.array(endpointView),
  nextCursor: z.optional(z.string()),
});

const deliveryState = z.object({
  endpointId: z.string(),
  status: z.enum(['pending', 'retrying', 'delivered', 'failed', 'skipped']),
  attempts: z.int(),
  lastAttemptAt: z.optional(z.string()),
  lastResult: z.optional(z.object({ status: z.optional(z.int()), error: z.optional(z.string()) })),
  nextAttemptAt: z.optional(z.string()),
});

const eventView = z.extend(eventEnvelope, { deliveries: z.array(deliveryState) });

const eventPage = z.object({ items: z.array(eventView), nextCursor: z.optional(z.string()) });

const redelivered = z.object({ eventId: z.string(), endpointIds: z.array(z.string()) });
const testSent = z.object({ eventId: z.string() });

export {
  deliveryState,
  endpointPage,
  endpointView,
  endpointWithSecret,
  eventPage,
  eventView,
  redelivered,
  testSent,
};
