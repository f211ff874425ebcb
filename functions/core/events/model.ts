import type { EventBroadcastJob, EventDeliveryJob, EventFanoutJob } from '../jobs.js';
import type { EventEnvelope } from '../linking/events.js';
import type { SealedToken } from '../linking/model.js';
import type { Clock, PageOf, PageRequest, TokenVault } from '../linking/ports.js';

/**
 * The webhook domain: a tenant's endpoints, the events kept for replay, and where each event's
 * delivery to each endpoint stands. Types and ports only; the use cases are in endpoints.ts,
 * publish.ts and delivery.ts.
 */

/** `evt_` + 12 hex digits of milliseconds + 20 random hex digits: ids sort by time. */
const EVENT_ID = /^evt_[0-9a-f]{32}$/;
/** `we_` + 32 hex digits. */
const ENDPOINT_ID = /^we_[0-9a-f]{32}$/;

interface EndpointSecrets {
  current: SealedToken;
  /** The secret before the last rotation, still signed with until `expiresAt`. */
  previous?: { sealed: SealedToken; expiresAt: string };
}

interface WebhookEndpoint {
  endpointId: string;
  tenantId: string;
  url: string;
  description: string;
  /** The event types delivered; `['*']` for every type. */
  eventTypes: string[];
  status: 'enabled' | 'disabled';
  /** Why and when it was disabled (Tandem after repeated failures, or the tenant). */
  disabled?: { at: string; reason: string; by: 'tandem' | 'tenant' };
  secrets: EndpointSecrets;
  /** Failed attempts since the last success; reset by a success or by enabling again. */
  consecutiveFailures: number;
  /** The first of those failures. */
  failingSince?: string;
  lastSuccessAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed' | 'skipped';

/** One event's delivery to one endpoint, as it stands. */
interface DeliveryState {
  endpointId: string;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt?: string;
  /** The endpoint's HTTP status, or why no status came back. */
  lastResult?: { status?: number; error?: string };
  nextAttemptAt?: string;
}

interface StoredEvent extends EventEnvelope {
  deliveries: Record<string, DeliveryState>;
}

interface EventStore {
  /** Writes the event, kept until `expiresAt` (epoch seconds). */
  put(event: EventEnvelope, expiresAt: number): Promise<void>;
  get(tenantId: string, eventId: string): Promise<StoredEvent | undefined>;
  /** Newest first. */
  list(tenantId: string, page: PageRequest): Promise<PageOf<StoredEvent>>;
  /** Sets one endpoint's delivery state on the event (nothing if the event has expired). */
  recordDelivery(tenantId: string, eventId: string, state: DeliveryState): Promise<void>;
}

interface EndpointStore {
  create(endpoint: WebhookEndpoint): Promise<void>;
  get(tenantId: string, endpointId: string): Promise<WebhookEndpoint | undefined>;
  list(tenantId: string, page: PageRequest): Promise<PageOf<WebhookEndpoint>>;
  /** Every endpoint of the tenant (a tenant has at most MAX_ENDPOINTS). */
  listAll(tenantId: string): Promise<WebhookEndpoint[]>;
  /**
   * Replaces the endpoint if its stored version is still `expectedVersion`.
   * @throws ConflictError (`version_mismatch`) or NotFoundError (`endpoint_not_found`).
   */
  update(endpoint: WebhookEndpoint, expectedVersion: number): Promise<void>;
  /** @throws NotFoundError (`endpoint_not_found`). */
  delete(tenantId: string, endpointId: string): Promise<void>;
  /**
   * Counts one delivery attempt's outcome atomically: a success resets the failure count, a failure
   * adds one (and sets `failingSince` if unset). Answers the endpoint after it, or undefined if gone.
   */
  recordAttempt(
    tenantId: string,
    endpointId: string,
    outcome: 'success' | 'failure',
    at: string
  ): Promise<WebhookEndpoint | undefined>;
  /**
   * The tenants with an endpoint subscribed to Meta's outage events (`*` or a `meta.outage.*`
   * type), a page at a time, across every tenant: the one read that is not a tenant's own.
   */
  outageSubscribers(page: PageRequest): Promise<PageOf<string>>;
  /** Disables the endpoint if it is still enabled; answers whether this call did. */
  disable(
    tenantId: string,
    endpointId: string,
    disabled: NonNullable<WebhookEndpoint['disabled']>
  ): Promise<boolean>;
}

interface DeliveryQueue {
  send(
    jobs: (EventDeliveryJob | EventFanoutJob | EventBroadcastJob)[],
    delaySeconds?: number
  ): Promise<void>;
}

/** How one POST to an endpoint went. */
type SendResult = { ok: true; status: number } | { ok: false; status?: number; error: string };

interface WebhookSender {
  /** POSTs `body` with `headers`, under the outbound fetch rules (no private address, no redirect). */
  post(url: string, body: string, headers: Record<string, string>): Promise<SendResult>;
}

interface UrlPolicy {
  /** @throws ValidationError (`endpoint_url_not_allowed`) saying why the URL may not be used. */
  check(url: string): Promise<void>;
}

interface EventIds {
  eventId(now: Date): string;
  endpointId(): string;
  /** `whsec_` + 256 random bits. */
  secret(): string;
}

interface EventsDeps {
  events: EventStore;
  endpoints: EndpointStore;
  queue: DeliveryQueue;
  sender: WebhookSender;
  urls: UrlPolicy;
  vault: TokenVault;
  ids: EventIds;
  clock: Clock;
  /** How long events are kept for GET /events and redelivery. */
  retentionDays: number;
}

export type {
  DeliveryQueue,
  DeliveryState,
  DeliveryStatus,
  EndpointSecrets,
  EndpointStore,
  EventIds,
  EventStore,
  EventsDeps,
  SendResult,
  StoredEvent,
  UrlPolicy,
  WebhookEndpoint,
  WebhookSender,
};
export { ENDPOINT_ID, EVENT_ID };
