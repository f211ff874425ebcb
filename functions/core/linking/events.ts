import * as z from '../zod.js';
import { DRIFT_CLASSES } from './drift-class.js';
import { SYNC_FIELDS } from './model.js';
import { STORY_TARGETS } from './stories-consent.js';

/**
 * The event catalogue: every event type Tandem sends to a tenant's webhook endpoints, with the schema
 * of its `data`, and the sink port (EventPublisher) every use case that causes an event receives. The
 * schemas are the contract (docs/events.md and the OpenAPI description are built from them);
 * publishers are typed by them, so an event cannot be sent with the wrong shape.
 *
 * It lives with linking, the layer every emitting folder (sync, reconcile, ads, stories) stands on, as
 * drift-class.ts does: they import this leaf, never the webhook domain (core/events), which imports
 * them.
 */

const syncField = z.enum(SYNC_FIELDS);
const linkId = z.string();

const fieldDiff = z.object({
  field: z.string(),
  /** What Tandem last wrote (the Page's value). */
  expected: z.optional(z.unknown()),
  /** What WhatsApp holds now. */
  actual: z.optional(z.unknown()),
});

const storyTarget = z.enum(STORY_TARGETS);

const metaSurface = z.enum(['pages', 'whatsapp', 'marketing', 'login']);

const EVENT_SCHEMAS = {
  'link.created': z.object({
    linkId,
    grantId: z.string(),
    pageId: z.string(),
    pageName: z.string(),
    wabaId: z.string(),
    phoneNumberId: z.string(),
    displayPhoneNumber: z.string(),
  }),
  'link.deleted': z.object({
    linkId,
    pageId: z.string(),
    phoneNumberId: z.string(),
    /** `unlinked`: DELETE /links/{id}; the others: Meta's callbacks for the user who linked it. */
    cause: z.enum(['unlinked', 'meta_deauthorized', 'meta_data_deletion']),
  }),
  'link.paused': z.object({
    linkId,
    reason: z.enum(['local_override', 'token_invalid', 'whatsapp_disconnected']),
    since: z.string(),
    /** `local_override`: each field edited on WhatsApp, with Tandem's and WhatsApp's values. */
    fields: z.array(fieldDiff),
    message: z.string(),
  }),
  'link.resumed': z.object({
    linkId,
    /** true: the Page's values are written over WhatsApp's edits; false: those fields opted out. */
    overwrite: z.boolean(),
    optedOutFields: z.array(z.string()),
  }),
  'link.meta_changed': z.object({
    linkId,
    /** The WhatsApp-side state Meta reports now (the Page's WhatsApp button, the number's health). */
    state: z.string(),
    previous: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
  'sync.applied': z.object({
    linkId,
    trigger: z.enum(['webhook', 'manual', 'reconcile', 'whatsapp_event', 'enabled']),
    changedFields: z.array(syncField),
    at: z.string(),
  }),
  'sync.failed': z.object({
    linkId,
    trigger: z.enum(['webhook', 'manual', 'reconcile', 'whatsapp_event', 'enabled']),
    code: z.string(),
    reason: z.string(),
    at: z.string(),
  }),
  'drift.detected': z.object({
    runId: z.string(),
    linkId,
    class: z.enum(DRIFT_CLASSES),
    fields: z.array(z.string()),
    action: z.enum(['enqueue_sync', 'restore_subscription', 'report_only']),
    paused: z.boolean(),
  }),
  'reconcile.completed': z.object({
    runId: z.string(),
    linksChecked: z.int(),
    drift: z.record(z.string(), z.int()),
    errors: z.int(),
    syncsEnqueued: z.int(),
    startedAt: z.string(),
    finishedAt: z.string(),
  }),
  'ad.completed': z.object({
    linkId,
    operationId: z.string(),
    campaignId: z.optional(z.string()),
    adSetId: z.optional(z.string()),
    creativeId: z.optional(z.string()),
    adId: z.optional(z.string()),
    adStatus: z.string(),
  }),
  'ad.failed': z.object({
    linkId,
    operationId: z.string(),
    code: z.string(),
    message: z.string(),
    cleanedUp: z.int(),
    leftBehind: z.int(),
  }),
  'grant.revoked': z.object({
    grantId: z.string(),
    /** `unlinked`: Tandem revoked the app on Meta after the user's last link; `meta_*`: Meta did. */
    cause: z.enum(['unlinked', 'meta_deauthorized', 'meta_data_deletion']),
  }),
  /** Sent to every tenant with an endpoint that wants it, not only those whose calls failed. */
  'meta.outage.started': z.object({
    surface: metaSurface,
    since: z.string(),
    /** When Tandem first tries the surface again (a probe); it may stay down longer. */
    retryAt: z.optional(z.string()),
  }),
  'meta.outage.ended': z.object({ surface: metaSurface, endedAt: z.string() }),
  /** One per target: a story that reaches both Facebook and Instagram sends two. */
  'story.published': z.object({
    linkId,
    operationId: z.string(),
    target: storyTarget,
    /** Facebook: the story's post id; Instagram: the story's media id (when Meta answered one). */
    publishedId: z.optional(z.string()),
    publishedAt: z.string(),
  }),
  /** One per target that failed for good (a retryable failure is retried first). */
  'story.failed': z.object({
    linkId,
    operationId: z.string(),
    target: storyTarget,
    code: z.string(),
    message: z.string(),
  }),
  'endpoint.disabled': z.object({
    endpointId: z.string(),
    url: z.string(),
    consecutiveFailures: z.int(),
    failingSince: z.string(),
    reason: z.string(),
  }),
  /** Sent by POST /webhook-endpoints/{id}/test to that endpoint only. */
  'endpoint.test': z.object({ endpointId: z.string(), message: z.string() }),
} as const;

type EventType = keyof typeof EVENT_SCHEMAS;
type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

/** What each event type means, for docs/events.md and the OpenAPI description. */
const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  'link.created': 'A Page was linked to a WhatsApp number (POST /links or the sign-in picker).',
  'link.deleted': "A link was removed: unlinked, or Meta's deauthorize or data-deletion callback.",
  'link.paused':
    'Sync paused for a link: a direct edit on WhatsApp (`local_override`, with the fields), Meta no longer accepting the access (`token_invalid`), or the number no longer on the Cloud API (`whatsapp_disconnected`).',
  'link.resumed': 'A paused link was resumed (POST /links/{id}/resume).',
  'link.meta_changed':
    "The WhatsApp side of a link changed on Meta (the Page's WhatsApp button, the number's state).",
  'sync.applied': "A sync wrote the Page's values to the WhatsApp profile.",
  'sync.failed':
    'A sync failed for good: it cannot succeed (the Page or number is gone, Meta refused the write), or every attempt failed and the job was dead-lettered.',
  'drift.detected': 'A reconcile run found a link out of step (one event per link and run).',
  'reconcile.completed':
    "A reconcile run finished, with the tenant's own counts: its on-demand run, or a scheduled run that covered its links.",
  'ad.completed': 'A Click-to-WhatsApp ad operation created every object.',
  'ad.failed': 'A Click-to-WhatsApp ad operation failed for good; what was created is cleaned up.',
  'grant.revoked': "A sign-in's access ended: revoked by Tandem after the last unlink, or by Meta.",
  'meta.outage.started': 'Tandem sees a Meta surface down; work on it waits.',
  'meta.outage.ended': 'The Meta surface is back; waiting work resumes.',
  'story.published': "A story reached one target: the Page's Facebook or Instagram stories.",
  'story.failed': 'A story could not be posted to one target, for good (the code says why).',
  'endpoint.disabled':
    'One of the tenant’s endpoints was disabled after failing every delivery for too long.',
  'endpoint.test': 'A test delivery asked for with POST /webhook-endpoints/{id}/test.',
};

/** Events an endpoint cannot subscribe to: sent to one endpoint on request, never fanned out. */
const DIRECT_ONLY: ReadonlySet<EventType> = new Set(['endpoint.test']);

/** The version of the envelope and payloads; a breaking change gets a new one. */
const EVENTS_API_VERSION = '2026-12-01';

/** What every delivery's body is. */
const eventEnvelope = z.object({
  /** `evt_` + time-ordered id: de-duplicate on it. */
  id: z.string(),
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  apiVersion: z.literal(EVENTS_API_VERSION),
  createdAt: z.string(),
  tenantId: z.string(),
  data: z.record(z.string(), z.unknown()),
});

type EventEnvelope = z.infer<typeof eventEnvelope>;

/** Where a use case sends the events it causes; the one port every emitting use case receives. */
interface EventPublisher {
  publish<T extends EventType>(tenantId: string, type: T, data: EventData<T>): Promise<void>;
}

export type { EventData, EventEnvelope, EventPublisher, EventType };
export {
  DIRECT_ONLY,
  EVENT_DESCRIPTIONS,
  EVENT_SCHEMAS,
  EVENT_TYPES,
  EVENTS_API_VERSION,
  eventEnvelope,
};
