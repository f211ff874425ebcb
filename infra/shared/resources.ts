/**
 * The stateful resources Tandem needs, described once. The CDK stack and the local runtime both build
 * their tables and queues from these descriptions, so the two can never disagree on keys or indexes.
 */

interface KeySpec {
  name: string;
  type: 'S' | 'N';
}

interface IndexSpec {
  name: string;
  partitionKey: KeySpec;
  sortKey?: KeySpec;
}

interface TableSpec {
  /** CDK construct id and the stem of the local table name. */
  id: string;
  /** Environment variable that carries the table name into a function. */
  envVar: string;
  partitionKey: KeySpec;
  sortKey?: KeySpec;
  /** Attribute holding an epoch-seconds expiry; DynamoDB TTL deletes the item after it. */
  ttlAttribute?: string;
  indexes: IndexSpec[];
}

interface QueueSpec {
  id: string;
  envVar: string;
  dlqEnvVar: string;
  /** SQS wants at least 6x the consumer's timeout so a slow batch is not handed out twice. */
  visibilityTimeoutSeconds: number;
  /** Receives before SQS moves a message to the DLQ on its own. */
  maxReceiveCount: number;
  batchSize: number;
  maxBatchingWindowSeconds: number;
  /** How long a dead letter is kept for inspection and redrive. */
  dlqRetentionDays: number;
}

const S = (name: string): KeySpec => ({ name, type: 'S' });
const N = (name: string): KeySpec => ({ name, type: 'N' });

const tables = {
  /**
   * Links, grants and the guard items that keep one Page and one number in at most one link (a
   * Page's guard names its link: webhook fan-in reads guards in batches, not an index per Page).
   * - byMetaUser: Meta's deauthorize and data-deletion callbacks name a Meta user, not a tenant.
   * - byShard: sparse, only active links carry a shard, so the reconciler can fan out by shard.
   * - byWaba: only links carry `wabaId`; a WhatsApp Business Account's webhooks name the WABA, and
   *   its last unlink ends the app's subscription to it.
   */
  links: {
    id: 'Links',
    envVar: 'LINKS_TABLE',
    partitionKey: S('pk'),
    sortKey: S('sk'),
    indexes: [
      { name: 'byMetaUser', partitionKey: S('metaUserId'), sortKey: S('sk') },
      { name: 'byShard', partitionKey: N('shard'), sortKey: S('pk') },
      { name: 'byWaba', partitionKey: S('wabaId'), sortKey: S('sk') },
    ],
  },
  /** Single-use OAuth state, bound to a tenant, gone minutes after it was issued. */
  oauthState: {
    id: 'OAuthState',
    envVar: 'OAUTH_STATE_TABLE',
    partitionKey: S('state'),
    ttlAttribute: 'expiresAt',
    indexes: [],
  },
  /**
   * Idempotency records for API writes, ad creation and webhook de-duplication.
   * - byLink: sparse, only ad operations carry a link key, so unlinking (or Meta's data deletion)
   *   finds and deletes a link's ad operations.
   */
  idempotency: {
    id: 'Idempotency',
    envVar: 'IDEMPOTENCY_TABLE',
    partitionKey: S('id'),
    ttlAttribute: 'expiration',
    indexes: [{ name: 'byLink', partitionKey: S('linkKey'), sortKey: S('id') }],
  },
  /**
   * Meta's deauthorize and data-deletion callbacks: one record per request (keyed by an HMAC of the
   * Meta user and the request's issue time, never the user id), kept through the replay window, and
   * the status of each data-deletion request, which the public status page reads. Apart from the
   * links table, so that page can read nothing else.
   */
  metaCallbacks: {
    id: 'MetaCallbacks',
    envVar: 'META_CALLBACKS_TABLE',
    partitionKey: S('pk'),
    ttlAttribute: 'expiresAt',
    indexes: [],
  },
  /**
   * Per-tenant quota counters (functions/core/quotas.ts): one item per tenant, quota and window,
   * expiring when the window ends.
   */
  quotas: {
    id: 'Quotas',
    envVar: 'QUOTAS_TABLE',
    partitionKey: S('pk'),
    ttlAttribute: 'expiresAt',
    indexes: [],
  },
  /** Reconciler runs (summary and per-link drift), expiring after the retention period. */
  driftReports: {
    id: 'DriftReports',
    envVar: 'DRIFT_REPORTS_TABLE',
    partitionKey: S('pk'),
    sortKey: S('sk'),
    ttlAttribute: 'expiresAt',
    indexes: [],
  },
  /**
   * The circuit breaker of each Meta surface (functions/core/outages/breaker.ts): one small item per
   * surface, read by every function that calls Graph and written on transient failures and
   * transitions. Apart from the other tables, so the public status route can read nothing else.
   */
  breakers: {
    id: 'MetaBreakers',
    envVar: 'BREAKERS_TABLE',
    partitionKey: S('pk'),
    indexes: [],
  },
  /**
   * Message statistics (functions/adapters/dynamodb/message-stats.ts): per link and UTC day, and the
   * day each link's pull reached.
   * - byTenant: sparse, only day items carry it, so the tenant-wide rollup reads one key range.
   */
  messageStats: {
    id: 'MessageStats',
    envVar: 'MESSAGE_STATS_TABLE',
    partitionKey: S('pk'),
    sortKey: S('sk'),
    ttlAttribute: 'expiresAt',
    indexes: [{ name: 'byTenant', partitionKey: S('tenantId'), sortKey: S('tenantDay') }],
  },
  /**
   * A tenant's webhook endpoints (sealed secrets) and the events sent to them, each with its
   * deliveries, kept for GET /events and redelivery until the retention period ends (TTL; endpoints
   * carry no expiry). One partition per tenant; layout in functions/adapters/dynamodb/events.ts.
   * - byOutageFeed: sparse, only endpoints that want Meta's outage events carry it, by tenant, so
   *   an outage reaches their tenants without a scan.
   */
  events: {
    id: 'Events',
    envVar: 'EVENTS_TABLE',
    partitionKey: S('pk'),
    sortKey: S('sk'),
    ttlAttribute: 'expiresAt',
    indexes: [{ name: 'byOutageFeed', partitionKey: S('outageFeed'), sortKey: S('outageTenant') }],
  },
} as const satisfies Record<string, TableSpec>;

type TableName = keyof typeof tables;

const queues = {
  /** Sync and reconcile jobs, one queue for both so one worker drains them with one set of limits. */
  sync: {
    id: 'SyncJobs',
    envVar: 'SYNC_QUEUE_URL',
    dlqEnvVar: 'SYNC_DLQ_URL',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    dlqRetentionDays: 14,
  },
  /**
   * Event fan-outs and deliveries to the tenants' webhook endpoints: apart from the sync queue, so a
   * slow or failing endpoint never holds up a sync, and a sync backlog never delays an event. A
   * retry is a new message (delayed on the retry schedule), not a redelivery: the receive count only
   * counts Tandem's own failures (the events table or the vault unavailable).
   */
  deliveries: {
    id: 'EventDeliveries',
    envVar: 'DELIVERIES_QUEUE_URL',
    dlqEnvVar: 'DELIVERIES_DLQ_URL',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    dlqRetentionDays: 14,
  },
} as const satisfies Record<string, QueueSpec>;

type QueueName = keyof typeof queues;

export type { IndexSpec, KeySpec, QueueName, QueueSpec, TableName, TableSpec };
export { queues, tables };
