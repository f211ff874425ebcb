import { ENDPOINT_ID, EVENT_ID } from '../../core/events/model.js';
import * as z from '../../core/zod.js';

/** Request schemas of the webhook-endpoint and events API: strict, ids by their exact format. */

const endpointId = z
  .string()
  .check(z.regex(ENDPOINT_ID, 'must be an endpoint id: we_ followed by 32 hex digits'));
const eventId = z
  .string()
  .check(z.regex(EVENT_ID, 'must be an event id: evt_ followed by 32 hex digits'));

/** Request bodies here are small; 8 KB leaves ample room. */
const MAX_BODY_BYTES = 8 * 1024;
/** A rotated-out secret signs for a week at most. */
const MAX_GRACE_SECONDS = 7 * 86_400;

const endpointParams = z.strictObject({ endpointId });
const eventParams = z.strictObject({ eventId });

const url = z.string().check(z.minLength(1), z.maxLength(2048));
const description = z.string().check(z.maxLength(256));
/** `["*"]` for every type, or up to 32 types from the catalogue (docs/events.md). */
const eventTypes = z
  .array(z.string().check(z.maxLength(64)))
  .check(z.minLength(1), z.maxLength(32));

const createEndpointBody = z.strictObject({
  url,
  description: z.optional(description),
  eventTypes,
});

const updateEndpointBody = z.strictObject({
  url: z.optional(url),
  description: z.optional(description),
  eventTypes: z.optional(eventTypes),
  status: z.optional(z.enum(['enabled', 'disabled'])),
});

const rotateSecretBody = z.strictObject({
  /** How long the old secret still signs (a second v1): 0-604800 seconds, default 86400. */
  graceSeconds: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_GRACE_SECONDS))),
});

const redeliverBody = z.strictObject({
  /** Only to this endpoint; by default to every endpoint the event went to. */
  endpointId: z.optional(endpointId),
});

export {
  createEndpointBody,
  endpointParams,
  eventParams,
  MAX_BODY_BYTES,
  redeliverBody,
  rotateSecretBody,
  updateEndpointBody,
};
