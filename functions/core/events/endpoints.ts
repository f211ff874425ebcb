import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { DIRECT_ONLY, EVENT_TYPES, type EventType } from '../linking/events.js';
import type { PageOf, PageRequest, TokenContext } from '../linking/ports.js';
import type { EventsDeps, WebhookEndpoint } from './model.js';
import { newEvent, storeEvent } from './publish.js';

/**
 * A tenant's webhook endpoints: create, read, change, delete, rotate the secret, send a test event.
 * Every URL passes the outbound fetch rules when it is registered (and again at every delivery).
 */

/** Stripe's limit too: enough for staging, production and a few tools. */
const MAX_ENDPOINTS = 16;
/** How long a rotated-out secret still signs deliveries by default (a day, as Stripe offers). */
const DEFAULT_ROTATION_GRACE_SECONDS = 86_400;

/** An endpoint as the API shows it: never its secrets. */
type EndpointView = Omit<WebhookEndpoint, 'secrets' | 'tenantId'> & {
  /** Until when the previous secret still signs, after a rotation. */
  previousSecretExpiresAt?: string;
};

interface EndpointInput {
  url: string;
  description?: string;
  eventTypes: string[];
}

const secretContext = (tenantId: string, endpointId: string): TokenContext => ({
  tenantId,
  grantId: endpointId,
  purpose: 'webhook_secret',
});

const viewOf = (endpoint: WebhookEndpoint): EndpointView => {
  const { secrets, tenantId: _tenant, ...rest } = endpoint;
  return {
    ...rest,
    ...(secrets.previous ? { previousSecretExpiresAt: secrets.previous.expiresAt } : {}),
  };
};

const endpointNotFound = (endpointId: string): NotFoundError =>
  new NotFoundError(
    `Webhook endpoint ${endpointId} not found. List yours with GET /webhook-endpoints.`,
    { endpointId },
    'endpoint_not_found'
  );

/** `*` alone, or known types an endpoint may subscribe to, each once. */
const checkEventTypes = (types: readonly string[]): string[] => {
  if (types.length === 1 && types[0] === '*') return ['*'];
  const unknown = types.filter(
    (type) => !EVENT_TYPES.includes(type as EventType) || DIRECT_ONLY.has(type as EventType)
  );
  if (types.length === 0 || unknown.length > 0 || types.includes('*')) {
    throw new ValidationError(
      types.length === 0 || types.includes('*')
        ? 'eventTypes must be ["*"] alone or a list of event types.'
        : `Unknown event type(s): ${unknown.join(', ')}. The catalogue is in docs/events.md.`,
      { unknown },
      'unknown_event_type'
    );
  }
  return [...new Set(types)].sort();
};

const requireEndpoint = async (
  deps: Pick<EventsDeps, 'endpoints'>,
  tenantId: string,
  endpointId: string
): Promise<WebhookEndpoint> => {
  const endpoint = await deps.endpoints.get(tenantId, endpointId);
  if (!endpoint) throw endpointNotFound(endpointId);
  return endpoint;
};

/**
 * Registers an endpoint and answers it with its signing secret, the only time the secret is shown
 * (a rotation shows the new one).
 *
 * 1. The URL must pass the outbound rules (https, a public address, the default port).
 * 2. At most MAX_ENDPOINTS per tenant (409 `too_many_endpoints`).
 * 3. A fresh secret is sealed under the tenant and endpoint (the token vault) and stored.
 */
const createEndpoint = async (
  deps: Pick<EventsDeps, 'endpoints' | 'urls' | 'vault' | 'ids' | 'clock'>,
  tenantId: string,
  input: EndpointInput
): Promise<EndpointView & { secret: string }> => {
  const eventTypes = checkEventTypes(input.eventTypes);
  await deps.urls.check(input.url);
  const existing = await deps.endpoints.listAll(tenantId);
  if (existing.length >= MAX_ENDPOINTS) {
    throw new ConflictError(
      `A tenant may register at most ${MAX_ENDPOINTS} webhook endpoints; delete one first.`,
      { limit: MAX_ENDPOINTS },
      'too_many_endpoints'
    );
  }
  const endpointId = deps.ids.endpointId();
  const secret = deps.ids.secret();
  const now = deps.clock.now().toISOString();
  const endpoint: WebhookEndpoint = {
    endpointId,
    tenantId,
    url: input.url,
    description: input.description ?? '',
    eventTypes,
    status: 'enabled',
    secrets: { current: await deps.vault.seal(secret, secretContext(tenantId, endpointId)) },
    consecutiveFailures: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await deps.endpoints.create(endpoint);
  return { ...viewOf(endpoint), secret };
};

const getEndpoint = async (
  deps: Pick<EventsDeps, 'endpoints'>,
  tenantId: string,
  endpointId: string
): Promise<EndpointView> => viewOf(await requireEndpoint(deps, tenantId, endpointId));

const listEndpoints = async (
  deps: Pick<EventsDeps, 'endpoints'>,
  tenantId: string,
  page: PageRequest
): Promise<PageOf<EndpointView>> => {
  const result = await deps.endpoints.list(tenantId, page);
  return { ...result, items: result.items.map(viewOf) };
};

interface EndpointChange {
  url?: string;
  description?: string;
  eventTypes?: string[];
  /** `enabled` turns a disabled endpoint back on and forgets its failures. */
  status?: 'enabled' | 'disabled';
}

/**
 * Changes an endpoint under optimistic concurrency. A new URL passes the outbound rules; enabling an
 * endpoint Tandem disabled starts its failure count afresh.
 */
const updateEndpoint = async (
  deps: Pick<EventsDeps, 'endpoints' | 'urls' | 'clock'>,
  tenantId: string,
  endpointId: string,
  change: EndpointChange
): Promise<EndpointView> => {
  if (Object.values(change).every((value) => value === undefined)) {
    throw new ValidationError(
      'Nothing to change: set url, description, eventTypes and/or status.',
      undefined,
      'empty_update'
    );
  }
  const current = await requireEndpoint(deps, tenantId, endpointId);
  if (change.url !== undefined && change.url !== current.url) await deps.urls.check(change.url);
  const now = deps.clock.now().toISOString();
  const { disabled: _disabled, failingSince: _since, ...rest } = current;
  const enabling = change.status === 'enabled' && current.status === 'disabled';
  const disabling = change.status === 'disabled' && current.status === 'enabled';
  const next: WebhookEndpoint = {
    ...(enabling ? { ...rest, consecutiveFailures: 0 } : current),
    url: change.url ?? current.url,
    description: change.description ?? current.description,
    eventTypes: change.eventTypes ? checkEventTypes(change.eventTypes) : current.eventTypes,
    status: change.status ?? current.status,
    ...(disabling
      ? { disabled: { at: now, reason: 'Disabled by the tenant.', by: 'tenant' } }
      : {}),
    updatedAt: now,
    version: current.version + 1,
  };
  await deps.endpoints.update(next, current.version);
  return viewOf(next);
};

const deleteEndpoint = async (
  deps: Pick<EventsDeps, 'endpoints'>,
  tenantId: string,
  endpointId: string
): Promise<void> => {
  await requireEndpoint(deps, tenantId, endpointId);
  await deps.endpoints.delete(tenantId, endpointId);
};

/**
 * Replaces the signing secret and answers the new one. The old one keeps signing too (a second `v1`
 * in the header) for `graceSeconds`, so receivers can switch without missing a delivery; 0 drops it
 * at once (a leaked secret).
 */
const rotateSecret = async (
  deps: Pick<EventsDeps, 'endpoints' | 'vault' | 'ids' | 'clock'>,
  tenantId: string,
  endpointId: string,
  graceSeconds: number = DEFAULT_ROTATION_GRACE_SECONDS
): Promise<EndpointView & { secret: string }> => {
  const current = await requireEndpoint(deps, tenantId, endpointId);
  const secret = deps.ids.secret();
  const now = deps.clock.now();
  const next: WebhookEndpoint = {
    ...current,
    secrets: {
      current: await deps.vault.seal(secret, secretContext(tenantId, endpointId)),
      ...(graceSeconds > 0
        ? {
            previous: {
              sealed: current.secrets.current,
              expiresAt: new Date(now.getTime() + graceSeconds * 1000).toISOString(),
            },
          }
        : {}),
    },
    updatedAt: now.toISOString(),
    version: current.version + 1,
  };
  await deps.endpoints.update(next, current.version);
  return { ...viewOf(next), secret };
};

/**
 * Sends an `endpoint.test` event to this endpoint only, once (no retries, no failure counted), and
 * answers its id: GET /events/{id} shows how the delivery went.
 */
const sendTestEvent = async (
  deps: Pick<EventsDeps, 'endpoints' | 'events' | 'queue' | 'ids' | 'clock' | 'retentionDays'>,
  tenantId: string,
  endpointId: string
): Promise<{ eventId: string }> => {
  const endpoint = await requireEndpoint(deps, tenantId, endpointId);
  if (endpoint.status !== 'enabled') throw endpointDisabled(endpoint);
  const event = await publishEventTo(deps, tenantId, endpointId);
  return { eventId: event.id };
};

const endpointDisabled = (endpoint: WebhookEndpoint): ConflictError =>
  new ConflictError(
    `Webhook endpoint ${endpoint.endpointId} is disabled (${endpoint.disabled?.reason ?? 'by request'}). Enable it with PATCH /webhook-endpoints/${endpoint.endpointId} {"status":"enabled"} first.`,
    { endpointId: endpoint.endpointId, disabled: endpoint.disabled },
    'endpoint_disabled'
  );

/** Stores a test event and queues its one delivery (no fan-out: it is for this endpoint only). */
const publishEventTo = async (
  deps: Pick<EventsDeps, 'events' | 'queue' | 'ids' | 'clock' | 'retentionDays'>,
  tenantId: string,
  endpointId: string
) => {
  const event = newEvent(deps, tenantId, 'endpoint.test', {
    endpointId,
    message: 'A test delivery from Tandem: if your endpoint verified its signature, it is ready.',
  });
  await storeEvent(deps, event);
  await deps.events.recordDelivery(tenantId, event.id, {
    endpointId,
    status: 'pending',
    attempts: 0,
  });
  await deps.queue.send([
    {
      v: 1,
      kind: 'event-delivery',
      tenantId,
      eventId: event.id,
      endpointId,
      attempt: 1,
      notBefore: event.createdAt,
      once: true,
    },
  ]);
  return event;
};

/** The events about Meta itself, sent to every tenant whose endpoints want them (a broadcast). */
const OUTAGE_EVENTS: readonly EventType[] = ['meta.outage.started', 'meta.outage.ended'];

/** Whether an endpoint subscribed to these types hears of Meta's outages. */
const wantsOutageEvents = (eventTypes: readonly string[]): boolean =>
  eventTypes.some((type) => type === '*' || OUTAGE_EVENTS.includes(type as EventType));

export type { EndpointChange, EndpointInput, EndpointView };
export {
  createEndpoint,
  DEFAULT_ROTATION_GRACE_SECONDS,
  deleteEndpoint,
  endpointDisabled,
  endpointNotFound,
  getEndpoint,
  listEndpoints,
  MAX_ENDPOINTS,
  requireEndpoint,
  rotateSecret,
  secretContext,
  sendTestEvent,
  updateEndpoint,
  wantsOutageEvents,
};
