import type { OperationStore } from '../ads/ports.js';
import type { StatsPullJob, StatsShardJob } from '../jobs.js';
import type { Clock, GrantRepository, LinkRepository, TokenVault } from '../linking/ports.js';
import type { LinkPageSource } from '../reconcile/ports.js';
import type { AdDailyRow, MessagingAnalytics, StatsDay } from './model.js';

/**
 * The ports message statistics need. Adapters live in functions/adapters/stats; unit tests pass
 * in-memory fakes. Gateway methods throw Tandem's typed errors.
 */

interface StatsGateway {
  /**
   * The WABA's `analytics` (sent, delivered) and `pricing_analytics` (volume, cost per pricing
   * category) for one number, daily, between two epoch-second instants (UTC), and its currency.
   */
  getMessagingAnalytics(
    token: string,
    wabaId: string,
    phoneNumber: string,
    window: { start: number; end: number }
  ): Promise<MessagingAnalytics>;
  /** An ad's insights one row per day (`time_increment=1`); days without delivery are absent. */
  getAdDailyInsights(
    token: string,
    adId: string,
    range: { since: string; until: string }
  ): Promise<AdDailyRow[]>;
}

interface StatsStore {
  /** The last day a pull stored for the link, if any. */
  pulledThrough(tenantId: string, linkId: string): Promise<string | undefined>;
  /** Replaces the link's days (idempotent) and moves its pulled-through day forward, never back. */
  saveDays(
    tenantId: string,
    linkId: string,
    days: StatsDay[],
    pulledThrough: string
  ): Promise<void>;
  linkDays(tenantId: string, linkId: string, since: string, until: string): Promise<StatsDay[]>;
  /**
   * Every link's days of the tenant in the range; `too_many` when more than `maxItems` are stored
   * (the caller asks for a shorter range instead of reading without bound).
   */
  tenantDays(
    tenantId: string,
    since: string,
    until: string,
    maxItems: number
  ): Promise<(StatsDay & { linkId: string })[] | 'too_many'>;
}

interface StatsJobPublisher {
  publish(jobs: (StatsShardJob | StatsPullJob)[]): Promise<void>;
}

interface StatsPullDeps {
  links: Pick<LinkRepository, 'get'>;
  grants: Pick<GrantRepository, 'get'>;
  vault: Pick<TokenVault, 'open'>;
  operations: Pick<OperationStore, 'listForLink'>;
  stats: StatsGateway;
  store: Pick<StatsStore, 'pulledThrough' | 'saveDays'>;
  publisher: StatsJobPublisher;
  clock: Clock;
}

interface StatsFanOutDeps {
  links: LinkPageSource;
  publisher: StatsJobPublisher;
  /** Links per shard job; each becomes one pull job. */
  pageSize: number;
  shardCount: number;
}

interface StatsReadDeps {
  links: Pick<LinkRepository, 'get'>;
  store: Pick<StatsStore, 'linkDays' | 'tenantDays'>;
  clock: Clock;
}

export type {
  StatsFanOutDeps,
  StatsGateway,
  StatsJobPublisher,
  StatsPullDeps,
  StatsReadDeps,
  StatsStore,
};
