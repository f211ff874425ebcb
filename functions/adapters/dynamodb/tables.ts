/**
 * The DynamoDB tables Tandem's functions read and write, described once, here beside the repositories
 * that rely on their keys and indexes. The CDK stack and the local runtime both build their tables
 * from these descriptions (and name each in a function's environment by `envVar`), so the code, AWS
 * and `npm start` can never disagree on keys or indexes.
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

export type { IndexSpec, KeySpec, TableName, TableSpec };
export { tables };
