import { whatsappEvent } from './whatsapp-event.js';
import * as z from './zod.js';

/**
 * The job envelope: what travels on the sync queue. Versioned so a worker can refuse (and dead-letter)
 * a message written by a newer producer instead of misreading it; a discriminated union on `kind` so
 * each job handler receives exactly its own shape.
 */

const id = z.string().check(z.minLength(1), z.maxLength(128));

const syncJob = z.object({
  v: z.literal(1),
  kind: z.literal('sync'),
  tenantId: id,
  linkId: id,
  /**
   * `whatsapp_event`: a WABA webhook (a reconnected number, a lost profile photo); `enabled`: the
   * first sync, run when the user turns sync on.
   */
  trigger: z.enum(['webhook', 'manual', 'reconcile', 'whatsapp_event', 'enabled']),
  /** When the change was observed (webhook time, click time, run start): a stale job never wins. */
  observedAt: z.iso.datetime({ offset: true }),
  /** The reconcile run that asked for the sync, when `trigger` is `reconcile`. */
  runId: z.optional(id),
  /** Correlates the job with the request or webhook delivery that caused it, for the logs. */
  correlationId: z.optional(id),
});

const reconcileShardJob = z.object({
  v: z.literal(1),
  kind: z.literal('reconcile-shard'),
  runId: id,
  shard: z.int().check(z.minimum(0), z.maximum(1023)),
  /** Which page of the shard this job reconciles (absent: the first); continuations carry the next. */
  seq: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
  /** Where that page starts in the index (opaque); absent for the first page. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
  /** On-demand runs read one tenant's links (or one link of it) instead of a shard of the index. */
  tenantId: z.optional(id),
  linkId: z.optional(id),
});

/**
 * Sends `reconcile.completed` for a finished scheduled run to each tenant it covered, a page of
 * tenants from `cursor` on; each page queues the next (functions/core/reconcile/run.ts).
 */
const reconcileReportJob = z.object({
  v: z.literal(1),
  kind: z.literal('reconcile-report'),
  runId: id,
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** One page of a shard's links to pull message statistics for (functions/core/stats/pull.ts). */
const statsShardJob = z.object({
  v: z.literal(1),
  kind: z.literal('stats-shard'),
  shard: z.int().check(z.minimum(0), z.maximum(1023)),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});

/**
 * One link's message statistics pull: from `from` up to `until` (a continuation or backfill), or
 * from where the last pull stopped.
 */
const statsPullJob = z.object({
  v: z.literal(1),
  kind: z.literal('stats-pull'),
  tenantId: id,
  linkId: id,
  from: z.optional(day),
  until: z.optional(day),
});

/** Publishes a story operation's pending targets (functions/core/stories/publish.ts). */
const storyJob = z.object({
  v: z.literal(1),
  kind: z.literal('story'),
  tenantId: id,
  linkId: id,
  operationId: id,
});

/** One page of a bulk action over a tenant's links (functions/core/sync/bulk.ts). */
const linksBulkJob = z.object({
  v: z.literal(1),
  kind: z.literal('links-bulk'),
  tenantId: id,
  operationId: id,
  /** Which page of the walk this job does; the operation's record says which page is next. */
  seq: z.int().check(z.minimum(0), z.maximum(100_000_000)),
  /** Where that page starts (opaque, the previous page's cursor); absent for the first. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});

/** One WhatsApp Business Account webhook change to apply to the WABA's links. */
const whatsappEventJob = z.object({
  v: z.literal(1),
  kind: z.literal('whatsapp-event'),
  event: whatsappEvent,
  correlationId: z.optional(id),
});

/** A new event, to fan out to the tenant's subscribed webhook endpoints (the deliveries queue). */
const eventFanoutJob = z.object({
  v: z.literal(1),
  kind: z.literal('event-fanout'),
  tenantId: id,
  eventId: id,
});

/** One event to one endpoint, attempt `attempt`, due at `notBefore` (the deliveries queue). */
const eventDeliveryJob = z.object({
  v: z.literal(1),
  kind: z.literal('event-delivery'),
  tenantId: id,
  eventId: id,
  endpointId: id,
  attempt: z.int().check(z.minimum(1), z.maximum(100)),
  notBefore: z.iso.datetime({ offset: true }),
  /** One attempt asked for by the tenant (a test, a redelivery): no retries, no failure count. */
  once: z.optional(z.boolean()),
});

/**
 * An event about Meta itself (meta.outage.*), for every tenant with an endpoint that wants it: a
 * page of those tenants from `cursor` on; each page queues the next (the deliveries queue).
 */
const eventBroadcastJob = z.object({
  v: z.literal(1),
  kind: z.literal('event-broadcast'),
  type: z.enum(['meta.outage.started', 'meta.outage.ended']),
  /** The event's payload; checked against the catalogue when each tenant's event is published. */
  data: z.record(z.string(), z.unknown()),
  /** Names the broadcast in the logs and orders its pages. */
  broadcastId: id,
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});

const job = z.discriminatedUnion('kind', [
  syncJob,
  reconcileShardJob,
  reconcileReportJob,
  statsShardJob,
  statsPullJob,
  storyJob,
  linksBulkJob,
  whatsappEventJob,
  eventFanoutJob,
  eventDeliveryJob,
  eventBroadcastJob,
]);

type Job = z.infer<typeof job>;
type JobKind = Job['kind'];
type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;
type SyncJob = JobOf<'sync'>;
type ReconcileShardJob = JobOf<'reconcile-shard'>;
type ReconcileReportJob = JobOf<'reconcile-report'>;
type StatsShardJob = JobOf<'stats-shard'>;
type StatsPullJob = JobOf<'stats-pull'>;

type StoryJob = JobOf<'story'>;
type LinksBulkJob = JobOf<'links-bulk'>;
type WhatsAppEventJob = JobOf<'whatsapp-event'>;
type EventFanoutJob = JobOf<'event-fanout'>;
type EventDeliveryJob = JobOf<'event-delivery'>;
type EventBroadcastJob = JobOf<'event-broadcast'>;

const JOB_KINDS: readonly JobKind[] = [
  'sync',
  'reconcile-shard',
  'reconcile-report',
  'stats-shard',
  'stats-pull',
  'story',
  'links-bulk',
  'whatsapp-event',
  'event-fanout',
  'event-delivery',
  'event-broadcast',
];

type ParsedJob = { ok: true; job: Job } | { ok: false; reason: string };

const describeIssues = (error: z.core.$ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');

/**
 * Parses a message body into a job. Never throws: a bad body is a permanent failure the caller
 * dead-letters with `reason`.
 */
const parseJob = (body: string): ParsedJob => {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'the message body is not JSON' };
  }
  const result = job.safeParse(value);
  if (!result.success) {
    return { ok: false, reason: `not a valid job envelope: ${describeIssues(result.error)}` };
  }
  return { ok: true, job: result.data };
};

/**
 * Jobs on one key run one after the other; different keys may run side by side. A WABA's events
 * share a key, so two of one batch never race on the same links.
 */
const orderingKey = (value: Job): string => {
  switch (value.kind) {
    case 'sync':
      return `link#${value.tenantId}#${value.linkId}`;
    case 'reconcile-shard':
      return `run#${value.runId}#${value.shard}`;
    case 'reconcile-report':
      return `reconcile-report#${value.runId}`;
    case 'stats-shard':
      return `stats-shard#${value.shard}`;
    case 'stats-pull':
      return `stats#${value.tenantId}#${value.linkId}`;
    case 'story':
      return `story#${value.operationId}`;
    case 'links-bulk':
      return `bulk#${value.tenantId}#${value.operationId}`;
    case 'whatsapp-event':
      return `waba#${value.event.wabaId}`;
    case 'event-fanout':
      return `event#${value.eventId}`;
    case 'event-delivery':
      return `event#${value.eventId}#${value.endpointId}`;
    case 'event-broadcast':
      return `broadcast#${value.broadcastId}`;
  }
};

const serializeJob = (value: Job): string => JSON.stringify(job.parse(value));

export type {
  EventBroadcastJob,
  EventDeliveryJob,
  EventFanoutJob,
  Job,
  JobKind,
  JobOf,
  LinksBulkJob,
  ParsedJob,
  ReconcileReportJob,
  ReconcileShardJob,
  StatsPullJob,
  StatsShardJob,
  StoryJob,
  SyncJob,
  WhatsAppEventJob,
};
export { JOB_KINDS, job as jobSchema, orderingKey, parseJob, serializeJob };
