import {
  EVENT_SCHEMAS,
  EVENTS_API_VERSION,
  type EventData,
  type EventEnvelope,
  type EventPublisher,
  type EventType,
} from '../linking/events.js';
import { epochSeconds } from '../time.js';
import type { EventsDeps } from './model.js';

/**
 * Publishing: an event is written to the events table (kept for replay) and one fan-out job is put
 * on the deliveries queue; everything else (which endpoints want it, signing, sending, retrying)
 * happens in the delivery worker. An action that causes an event pays one PutItem and one
 * SendMessage, never an endpoint's latency.
 */

const DAY_SECONDS = 86_400;

/** Builds the envelope of a new event; the payload is checked against the catalogue's schema. */
const newEvent = <T extends EventType>(
  deps: Pick<EventsDeps, 'ids' | 'clock'>,
  tenantId: string,
  type: T,
  data: EventData<T>
): EventEnvelope => {
  const now = deps.clock.now();
  return {
    id: deps.ids.eventId(now),
    type,
    apiVersion: EVENTS_API_VERSION,
    createdAt: now.toISOString(),
    tenantId,
    data: EVENT_SCHEMAS[type].parse(data) as Record<string, unknown>,
  };
};

/** Stores the event until its retention ends. */
const storeEvent = (
  deps: Pick<EventsDeps, 'events' | 'retentionDays'>,
  event: EventEnvelope
): Promise<void> =>
  deps.events.put(
    event,
    epochSeconds(new Date(Date.parse(event.createdAt))) + deps.retentionDays * DAY_SECONDS
  );

/**
 * Publishes an event: store it, then queue its fan-out.
 *
 * @example
 * await publishEvent(deps, tenantId, 'link.resumed', { linkId, overwrite: true, optedOutFields: [] });
 */
const publishEvent = async <T extends EventType>(
  deps: Pick<EventsDeps, 'events' | 'queue' | 'ids' | 'clock' | 'retentionDays'>,
  tenantId: string,
  type: T,
  data: EventData<T>
): Promise<EventEnvelope> => {
  const event = newEvent(deps, tenantId, type, data);
  await storeEvent(deps, event);
  await deps.queue.send([{ v: 1, kind: 'event-fanout', tenantId, eventId: event.id }]);
  return event;
};

/**
 * The EventPublisher the emitting use cases receive. A failure to publish is reported to `onError`
 * and never fails the action that caused the event: a link is not left half-paused, nor a sync
 * retried, because the events table or queue had a bad moment.
 */
const createEventPublisher = (
  deps: Pick<EventsDeps, 'events' | 'queue' | 'ids' | 'clock' | 'retentionDays'>,
  onError: (error: unknown, event: { tenantId: string; type: EventType }) => void
): EventPublisher => ({
  publish: async (tenantId, type, data) => {
    try {
      await publishEvent(deps, tenantId, type, data);
    } catch (error) {
      onError(error, { tenantId, type });
    }
  },
});

export { createEventPublisher, newEvent, publishEvent, storeEvent };
