import { QuotaExceededError } from './errors.js';

/**
 * Per-tenant quotas on what enqueues work or calls Meta on a tenant's behalf, so no tenant can starve
 * the others of the queue, the worker's concurrency or the app's share of Meta's rate limits. Fixed
 * windows: a counter per tenant (and link, for link quotas) per window, taken atomically before the
 * work. A caller may reach up to twice a limit across a window boundary, never more; the limits are
 * set so that even that is harmless.
 */

interface QuotaSpec {
  /** Stable, as clients see it in a 429's `details.quota`. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** `link`: counted per tenant and link (the route's `linkId`); `tenant`: per tenant. */
  per: 'tenant' | 'link';
  /** What it counts, for the docs and the 429's message. */
  counts: string;
}

const QUOTAS = {
  syncRequests: {
    name: 'sync_requests',
    limit: 60,
    windowSeconds: 60,
    per: 'tenant',
    counts: 'syncs enqueued with sync now or resume',
  },
  linkSyncRequests: {
    name: 'link_sync_requests',
    limit: 6,
    windowSeconds: 60,
    per: 'link',
    counts: 'syncs enqueued for one link (a sync already queued covers the next change)',
  },
  adCreates: {
    name: 'ad_creates',
    limit: 30,
    windowSeconds: 60,
    per: 'tenant',
    counts: 'Click-to-WhatsApp ad creations (each up to six Graph writes)',
  },
  adImageUploads: {
    name: 'ad_image_uploads',
    limit: 30,
    windowSeconds: 60,
    per: 'tenant',
    counts: 'images uploaded to an ad account’s library (up to 4 MB each)',
  },
  metaReads: {
    name: 'meta_reads',
    limit: 120,
    windowSeconds: 60,
    per: 'tenant',
    counts:
      'reads that call Meta: a grant’s assets, an ad account’s DSA recommendations, an ad’s insights, a link’s profiles and WhatsApp side',
  },
  linkWrites: {
    name: 'link_writes',
    limit: 60,
    windowSeconds: 60,
    per: 'tenant',
    counts:
      'links created or deleted, grants deleted, and Meta-side links asked for (each calls Meta)',
  },
  storyPosts: {
    name: 'story_posts',
    limit: 30,
    windowSeconds: 60,
    per: 'tenant',
    counts: 'stories queued (each up to five Graph calls per target)',
  },
  storyUploads: {
    name: 'story_uploads',
    limit: 60,
    windowSeconds: 60,
    per: 'tenant',
    counts: 'story upload URLs signed (each good for one photo or video of up to 100 MB)',
  },
  signIns: {
    name: 'sign_ins',
    limit: 30,
    windowSeconds: 60,
    per: 'tenant',
    counts: 'sign-ins with Facebook started (each callback calls Meta)',
  },
  fleetScans: {
    name: 'fleet_scans',
    limit: 30,
    windowSeconds: 60,
    per: 'tenant',
    counts: 'fleet summaries (each reads every link of the tenant)',
  },
  bulkActions: {
    name: 'bulk_actions',
    limit: 10,
    windowSeconds: 3600,
    per: 'tenant',
    counts:
      'bulk actions started (each walks the filter and may enqueue a sync per link, outside the sync_requests quota)',
  },
  eventDeliveries: {
    name: 'event_deliveries',
    limit: 60,
    windowSeconds: 60,
    per: 'tenant',
    counts: 'test events and redeliveries asked for (each a delivery to the tenant’s endpoints)',
  },
} as const satisfies Record<string, QuotaSpec>;

type QuotaName = keyof typeof QUOTAS;

/**
 * Cool-downs: how far apart some of a tenant's work must be, whatever its quotas. The number is the
 * default; the deployment may set another (its config variable), which the 429's Retry-After then
 * follows.
 */
const COOLDOWNS = {
  reconcileRuns: {
    name: 'reconcile_cooldown',
    defaultSeconds: 60,
    configVariable: 'RECONCILE_TENANT_COOLDOWN_SECONDS',
    counts: 'between the end of a tenant’s on-demand reconcile run and the start of its next',
  },
} as const;

type CooldownName = keyof typeof COOLDOWNS;

/** Takes one from a counter; the store is DynamoDB in the functions (adapters/dynamodb/quotas.ts). */
interface QuotaCounter {
  /**
   * Adds one to `key`'s count unless it is at `limit`; the counter may be forgotten after
   * `expiresAt` (epoch seconds). Answers whether it was taken.
   */
  take(key: string, limit: number, expiresAt: number): Promise<boolean>;
}

/**
 * Takes one of each quota for the tenant (and link), narrowest first, or throws QuotaExceededError
 * naming the quota that is used up and when its window ends.
 */
const takeQuotas = async (
  counter: QuotaCounter,
  quotas: readonly QuotaSpec[],
  subject: { tenantId: string; linkId?: string | undefined },
  now: Date
): Promise<void> => {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const ordered = [...quotas].sort((a, b) => (a.per === b.per ? 0 : a.per === 'link' ? -1 : 1));
  for (const quota of ordered) {
    if (quota.per === 'link' && !subject.linkId) continue;
    const windowStart = nowSeconds - (nowSeconds % quota.windowSeconds);
    const windowEnd = windowStart + quota.windowSeconds;
    const scope = quota.per === 'link' ? `${subject.tenantId}#${subject.linkId}` : subject.tenantId;
    const taken = await counter.take(
      `${quota.name}#${scope}#${windowStart}`,
      quota.limit,
      windowEnd
    );
    if (!taken) throw new QuotaExceededError(quota, Math.max(1, windowEnd - nowSeconds));
  }
};

export type { CooldownName, QuotaCounter, QuotaName, QuotaSpec };
export { COOLDOWNS, QUOTAS, takeQuotas };
