import { NotFoundError } from '../errors.js';
import type { EventBroadcastJob, EventDeliveryJob, EventFanoutJob } from '../jobs.js';
import {
  DIRECT_ONLY,
  type EventData,
  type EventEnvelope,
  type EventType,
} from '../linking/events.js';
import type { PageOf, PageRequest } from '../linking/ports.js';
import { epochSeconds } from '../time.js';
import { endpointDisabled, requireEndpoint, secretContext } from './endpoints.js';
import type { DeliveryState, EventsDeps, StoredEvent, WebhookEndpoint } from './model.js';
import { publishEvent } from './publish.js';
import { hopDelaySeconds, nextAttemptAt, shouldDisable } from './schedule.js';
import {
  ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
} from './signing.js';

/**
 * The delivery worker's use cases: fan a new event out to the endpoints that want it, deliver one
 * event to one endpoint (signed, retried on the schedule, the endpoint disabled when it keeps
 * failing), and the replay API (list, read, redeliver).
 */

const subscribes = (endpoint: WebhookEndpoint, type: EventType): boolean =>
  !DIRECT_ONLY.has(type) &&
  endpoint.status === 'enabled' &&
  (endpoint.eventTypes.includes('*') || endpoint.eventTypes.includes(type));

/** What a delivery's body is: the envelope, without Tandem's bookkeeping. */
const envelopeOf = (event: StoredEvent): EventEnvelope => ({
  id: event.id,
  type: event.type,
  apiVersion: event.apiVersion,
  createdAt: event.createdAt,
  tenantId: event.tenantId,
  data: event.data,
});

/**
 * Queues one delivery per subscribed, enabled endpoint. A repeat of the fan-out (SQS delivers at
 * least once) skips endpoints that already have a delivery of this event.
 */
const fanOut = async (
  deps: Pick<EventsDeps, 'events' | 'endpoints' | 'queue'>,
  job: EventFanoutJob
): Promise<{ queued: number }> => {
  const event = await deps.events.get(job.tenantId, job.eventId);
  if (!event) return { queued: 0 };
  const targets = (await deps.endpoints.listAll(job.tenantId)).filter(
    (endpoint) => subscribes(endpoint, event.type) && !event.deliveries[endpoint.endpointId]
  );
  for (const endpoint of targets) {
    await deps.events.recordDelivery(job.tenantId, event.id, {
      endpointId: endpoint.endpointId,
      status: 'pending',
      attempts: 0,
    });
  }
  await deps.queue.send(
    targets.map((endpoint) => ({
      v: 1,
      kind: 'event-delivery',
      tenantId: job.tenantId,
      eventId: event.id,
      endpointId: endpoint.endpointId,
      attempt: 1,
      notBefore: event.createdAt,
    }))
  );
  return { queued: targets.length };
};

/** Tenants per page of a broadcast: each is one PutItem and one SendMessage. */
const BROADCAST_PAGE = 100;

/**
 * Publishes an event about Meta itself to every tenant with an endpoint that wants it, one page of
 * tenants per job, and queues the next page. Each tenant gets its own event (its own id, kept with
 * its events and fanned out to its endpoints), as if it had caused it. A page delivered twice
 * publishes its tenants' events twice; the payload (surface and time) tells the two apart from a
 * new outage.
 */
const broadcast = async (
  deps: Pick<EventsDeps, 'events' | 'endpoints' | 'queue' | 'ids' | 'clock' | 'retentionDays'>,
  job: EventBroadcastJob
): Promise<{ tenants: number; more: boolean }> => {
  const page = await deps.endpoints.outageSubscribers({
    limit: BROADCAST_PAGE,
    ...(job.cursor ? { cursor: job.cursor } : {}),
  });
  for (const tenantId of page.items) {
    await publishEvent(deps, tenantId, job.type, job.data as EventData<typeof job.type>);
  }
  if (page.nextCursor) await deps.queue.send([{ ...job, cursor: page.nextCursor }]);
  return { tenants: page.items.length, more: page.nextCursor !== undefined };
};

/** The secrets to sign with: the current one, and the previous one while its grace lasts. */
const signingSecrets = async (
  deps: Pick<EventsDeps, 'vault'>,
  endpoint: WebhookEndpoint,
  now: Date
): Promise<string[]> => {
  const context = secretContext(endpoint.tenantId, endpoint.endpointId);
  const current = await deps.vault.open(endpoint.secrets.current, context);
  const previous = endpoint.secrets.previous;
  if (!previous || Date.parse(previous.expiresAt) <= now.getTime()) return [current];
  return [current, await deps.vault.open(previous.sealed, context)];
};

type DeliveryOutcome =
  /** Not due yet: back on the queue for another hop. */
  | { outcome: 'waiting'; delaySeconds: number }
  | { outcome: 'delivered'; status: number }
  | { outcome: 'retrying'; nextAttemptAt: string }
  /** Failed for good: a single attempt, or the last of the schedule. */
  | { outcome: 'failed' }
  /** This failure disabled the endpoint. */
  | { outcome: 'disabled' }
  | { outcome: 'skipped'; why: 'event_gone' | 'endpoint_gone' | 'endpoint_disabled' };

/**
 * Delivers one event to one endpoint.
 *
 * 1. A job not yet due goes back on the queue (SQS delays 15 minutes at most per hop).
 * 2. An expired event, or a deleted or disabled endpoint, ends the delivery (recorded as skipped).
 * 3. POST the envelope, signed at this moment with the endpoint's secret(s), with the event id and
 *    the attempt number in headers, under the outbound fetch rules. Any 2xx is a success.
 * 4. A failure counts against the endpoint: when its run of failures meets the disable rule the
 *    endpoint is disabled and `endpoint.disabled` published; otherwise the next attempt is queued on
 *    the schedule, until the schedule ends. A single attempt (test, redelivery) is not retried and
 *    does not count.
 */
const deliver = async (
  deps: Omit<EventsDeps, 'urls'>,
  job: EventDeliveryJob
): Promise<DeliveryOutcome> => {
  const now = deps.clock.now();
  const wait = hopDelaySeconds(new Date(job.notBefore), now);
  if (wait > 0) {
    await deps.queue.send([job], wait);
    return { outcome: 'waiting', delaySeconds: wait };
  }
  const record = (state: Omit<DeliveryState, 'endpointId' | 'attempts'>) =>
    deps.events.recordDelivery(job.tenantId, job.eventId, {
      endpointId: job.endpointId,
      attempts: job.attempt,
      ...state,
    });
  const event = await deps.events.get(job.tenantId, job.eventId);
  if (!event) return { outcome: 'skipped', why: 'event_gone' };
  const endpoint = await deps.endpoints.get(job.tenantId, job.endpointId);
  if (endpoint?.status !== 'enabled') {
    await record({
      status: 'skipped',
      lastResult: { error: endpoint ? 'endpoint disabled' : 'endpoint deleted' },
    });
    return { outcome: 'skipped', why: endpoint ? 'endpoint_disabled' : 'endpoint_gone' };
  }

  const body = JSON.stringify(envelopeOf(event));
  const result = await deps.sender.post(endpoint.url, body, {
    'content-type': 'application/json',
    [SIGNATURE_HEADER]: signatureHeader(
      await signingSecrets(deps, endpoint, now),
      epochSeconds(now),
      body
    ),
    [EVENT_ID_HEADER]: event.id,
    [EVENT_TYPE_HEADER]: event.type,
    [ATTEMPT_HEADER]: String(job.attempt),
  });
  const at = deps.clock.now();
  if (result.ok) {
    const lastResult = { status: result.status };
    await deps.endpoints.recordAttempt(job.tenantId, job.endpointId, 'success', at.toISOString());
    await record({ status: 'delivered', lastAttemptAt: at.toISOString(), lastResult });
    return { outcome: 'delivered', status: result.status };
  }
  const lastResult = { ...(result.status ? { status: result.status } : {}), error: result.error };
  if (job.once) {
    await record({ status: 'failed', lastAttemptAt: at.toISOString(), lastResult });
    return { outcome: 'failed' };
  }
  const after = await deps.endpoints.recordAttempt(
    job.tenantId,
    job.endpointId,
    'failure',
    at.toISOString()
  );
  if (after && shouldDisable(after, at)) {
    await record({ status: 'failed', lastAttemptAt: at.toISOString(), lastResult });
    const reason = `Every delivery failed for more than a day (${after.consecutiveFailures} attempts in a row since ${after.failingSince}); the last: ${lastResult.error}.`;
    const disabledNow = await deps.endpoints.disable(job.tenantId, job.endpointId, {
      at: at.toISOString(),
      reason,
      by: 'tandem',
    });
    if (disabledNow) {
      await publishEvent(deps, job.tenantId, 'endpoint.disabled', {
        endpointId: endpoint.endpointId,
        url: endpoint.url,
        consecutiveFailures: after.consecutiveFailures,
        failingSince: after.failingSince ?? at.toISOString(),
        reason,
      });
    }
    return { outcome: 'disabled' };
  }
  const next = nextAttemptAt(job.attempt, at);
  if (!next) {
    await record({ status: 'failed', lastAttemptAt: at.toISOString(), lastResult });
    return { outcome: 'failed' };
  }
  await record({
    status: 'retrying',
    lastAttemptAt: at.toISOString(),
    lastResult,
    nextAttemptAt: next.toISOString(),
  });
  await deps.queue.send(
    [{ ...job, attempt: job.attempt + 1, notBefore: next.toISOString() }],
    hopDelaySeconds(next, at)
  );
  return { outcome: 'retrying', nextAttemptAt: next.toISOString() };
};

/** An event as the API shows it: the envelope and where each endpoint's delivery stands. */
type EventView = EventEnvelope & { deliveries: DeliveryState[] };

const viewOf = (event: StoredEvent): EventView => ({
  ...envelopeOf(event),
  deliveries: Object.values(event.deliveries).sort((a, b) =>
    a.endpointId.localeCompare(b.endpointId)
  ),
});

const eventNotFound = (eventId: string): NotFoundError =>
  new NotFoundError(
    `Event ${eventId} not found: it is not one of yours, or it is older than the retention period.`,
    { eventId },
    'event_not_found'
  );

const requireEvent = async (
  deps: Pick<EventsDeps, 'events'>,
  tenantId: string,
  eventId: string
): Promise<StoredEvent> => {
  const event = await deps.events.get(tenantId, eventId);
  if (!event) throw eventNotFound(eventId);
  return event;
};

const getEvent = async (
  deps: Pick<EventsDeps, 'events'>,
  tenantId: string,
  eventId: string
): Promise<EventView> => viewOf(await requireEvent(deps, tenantId, eventId));

const listEvents = async (
  deps: Pick<EventsDeps, 'events'>,
  tenantId: string,
  page: PageRequest
): Promise<PageOf<EventView>> => {
  const result = await deps.events.list(tenantId, page);
  return { ...result, items: result.items.map(viewOf) };
};

/**
 * Sends a kept event again, once, to one endpoint or to every endpoint it went to (or, if it went to
 * none, every endpoint that subscribes to it now). Receivers de-duplicate on the event id; the
 * signature is fresh.
 */
const redeliverEvent = async (
  deps: Pick<EventsDeps, 'events' | 'endpoints' | 'queue' | 'clock'>,
  tenantId: string,
  eventId: string,
  endpointId?: string
): Promise<{ eventId: string; endpointIds: string[] }> => {
  const event = await requireEvent(deps, tenantId, eventId);
  let targets: WebhookEndpoint[];
  if (endpointId) {
    const endpoint = await requireEndpoint(deps, tenantId, endpointId);
    if (endpoint.status !== 'enabled') throw endpointDisabled(endpoint);
    targets = [endpoint];
  } else {
    const all = await deps.endpoints.listAll(tenantId);
    const before = all.filter(
      (endpoint) => event.deliveries[endpoint.endpointId] && endpoint.status === 'enabled'
    );
    targets = before.length > 0 ? before : all.filter((e) => subscribes(e, event.type));
  }
  const notBefore = deps.clock.now().toISOString();
  for (const endpoint of targets) {
    await deps.events.recordDelivery(tenantId, eventId, {
      endpointId: endpoint.endpointId,
      status: 'pending',
      attempts: event.deliveries[endpoint.endpointId]?.attempts ?? 0,
    });
  }
  await deps.queue.send(
    targets.map((endpoint) => ({
      v: 1,
      kind: 'event-delivery',
      tenantId,
      eventId,
      endpointId: endpoint.endpointId,
      attempt: (event.deliveries[endpoint.endpointId]?.attempts ?? 0) + 1,
      notBefore,
      once: true,
    }))
  );
  return { eventId, endpointIds: targets.map((endpoint) => endpoint.endpointId) };
};

export type { DeliveryOutcome, EventView };
export {
  broadcast,
  deliver,
  envelopeOf,
  eventNotFound,
  fanOut,
  getEvent,
  listEvents,
  redeliverEvent,
};
