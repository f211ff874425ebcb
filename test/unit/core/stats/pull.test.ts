import { describe, expect, it } from 'vitest';
import type { AdOperation } from '../../../../functions/core/ads/operation.js';
import { NotFoundError } from '../../../../functions/core/errors.js';
import type { StatsPullJob } from '../../../../functions/core/jobs.js';
import type { Link } from '../../../../functions/core/linking/model.js';
import type { StatsDay } from '../../../../functions/core/stats/model.js';
import type { StatsPullDeps } from '../../../../functions/core/stats/ports.js';
import {
  fanOutStatsShard,
  pullLinkStats,
  statsShardJobs,
} from '../../../../functions/core/stats/pull.js';
import { aGrant, aLink, LINK_ID, TENANT } from '../ads/fakes.js';

const job: StatsPullJob = { v: 1, kind: 'stats-pull', tenantId: TENANT, linkId: LINK_ID };

const completedAd = (adId: string): AdOperation =>
  ({ status: 'completed', currency: 'EUR', progress: { adId } }) as unknown as AdOperation;

/** A pull's world: one link, what Meta answers, and what was stored and published. */
const world = (
  options: {
    link?: Link | undefined;
    pulledThrough?: string;
    cost?: boolean;
    ads?: AdOperation[];
    scopes?: string[];
  } = {}
) => {
  const calls: { analytics: { start: number; end: number; phone: string }[]; ads: string[] } = {
    analytics: [],
    ads: [],
  };
  const saved: { days: StatsDay[]; pulledThrough: string }[] = [];
  const published: unknown[] = [];
  const deps: StatsPullDeps = {
    links: { get: async () => ('link' in options ? options.link : aLink()) },
    grants: { get: async () => aGrant(options.scopes ? { scopes: options.scopes } : {}) },
    vault: { open: async () => 'user-token' },
    operations: { listForLink: async () => options.ads ?? [] },
    stats: {
      getMessagingAnalytics: async (_token, _waba, phone, window) => {
        calls.analytics.push({ ...window, phone });
        return {
          currency: 'USD',
          delivery: [{ start: window.start, sent: 5, delivered: 4 }],
          pricing: [
            {
              start: window.start,
              category: 'MARKETING',
              volume: 4,
              ...(options.cost === false ? {} : { cost: 0.1 }),
            },
          ],
        };
      },
      getAdDailyInsights: async (_token, adId, range) => {
        calls.ads.push(adId);
        if (adId === 'gone') throw new NotFoundError('gone');
        return [{ day: range.since, spend: 2, impressions: 50, conversationsStarted: 1 }];
      },
    },
    store: {
      pulledThrough: async () => options.pulledThrough,
      saveDays: async (_tenant, _link, days, pulledThrough) => {
        saved.push({ days, pulledThrough });
      },
    },
    publisher: { publish: async (jobs) => void published.push(...jobs) },
    clock: { now: () => new Date('2026-11-20T12:00:00.000Z') },
  };
  return { deps, calls, saved, published };
};

describe('Function: pullLinkStats', () => {
  it('never asks Meta for a start before the one-year lookback, and continues in chunks', async () => {
    // Prepare
    const { deps, calls, published } = world();

    // Act
    const result = await pullLinkStats(deps, { ...job, from: '2024-01-01' });

    // Assess
    expect(calls.analytics[0]?.start).toBe(Date.parse('2025-11-21T00:00:00Z') / 1000);
    expect(calls.analytics[0]?.end).toBe(Date.parse('2025-12-22T00:00:00Z') / 1000);
    expect(calls.analytics[0]?.phone).toBe('15550100001');
    expect(result).toMatchObject({ status: 'pulled', since: '2025-11-21', until: '2025-12-21' });
    expect(published).toEqual([{ ...job, from: '2025-12-22' }]);
  });

  it("reads a new link's latest month first and queues the backfill of its year", async () => {
    // Prepare
    const { deps, calls, published } = world();

    // Act
    const result = await pullLinkStats(deps, job);

    // Assess
    expect(calls.analytics[0]?.start).toBe(Date.parse('2026-10-21T00:00:00Z') / 1000);
    expect(result).toMatchObject({ since: '2026-10-21', until: '2026-11-20', continues: true });
    expect(published).toEqual([{ ...job, from: '2025-11-21', until: '2026-10-20' }]);
  });

  it('re-reads the last days after an earlier pull and ends at now, with no continuation', async () => {
    // Prepare
    const { deps, calls, saved, published } = world({ pulledThrough: '2026-11-19' });

    // Act
    await pullLinkStats(deps, job);

    // Assess
    expect(calls.analytics[0]).toMatchObject({
      start: Date.parse('2026-11-17T00:00:00Z') / 1000,
      end: Date.parse('2026-11-20T12:00:00Z') / 1000,
    });
    expect(saved[0]?.days.map((day) => day.day)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
    expect(saved[0]?.pulledThrough).toBe('2026-11-20');
    expect(published).toEqual([]);
  });

  it('stores cost null, not 0, for a number paid through a partner credit line', async () => {
    // Prepare
    const { deps, saved } = world({ pulledThrough: '2026-11-19', cost: false });

    // Act
    await pullLinkStats(deps, job);

    // Assess
    expect(saved[0]?.days[0]).toMatchObject({
      cost: null,
      byCategory: { MARKETING: { volume: 4, cost: null } },
    });
  });

  it("joins the link's completed ads and skips one Meta no longer has", async () => {
    // Prepare
    const { deps, calls, saved } = world({
      pulledThrough: '2026-11-19',
      ads: [
        completedAd('ad-1'),
        completedAd('gone'),
        { status: 'failed', progress: {} } as unknown as AdOperation,
      ],
    });

    // Act
    await pullLinkStats(deps, job);

    // Assess
    expect(calls.ads).toEqual(['ad-1', 'gone']);
    expect(saved[0]?.days[0]).toMatchObject({
      ads: { spend: 2, impressions: 50, conversationsStarted: 1 },
      adCurrency: 'EUR',
    });
  });

  it('reads no ads when the grant has no ads permission', async () => {
    // Prepare
    const { deps, calls, saved } = world({
      pulledThrough: '2026-11-19',
      ads: [completedAd('ad-1')],
      scopes: ['whatsapp_business_management'],
    });

    // Act
    await pullLinkStats(deps, job);

    // Assess
    expect(calls.ads).toEqual([]);
    expect(saved[0]?.days[0]?.ads).toBeNull();
  });

  it('skips a link that is gone or whose sign-in Meta refuses, calling nobody', async () => {
    // Prepare
    const gone = world({ link: undefined });
    const refused = world({
      link: aLink({ status: 'paused', pause: { reason: 'token_invalid', since: '2026-11-01' } }),
    });

    // Act
    const results = [await pullLinkStats(gone.deps, job), await pullLinkStats(refused.deps, job)];

    // Assess
    expect(results).toEqual([
      { status: 'skipped', reason: 'link_gone' },
      { status: 'skipped', reason: 'token_invalid' },
    ]);
    expect([...gone.calls.analytics, ...refused.calls.analytics]).toEqual([]);
  });
});

describe('Function: fanOutStatsShard', () => {
  it('publishes a pull per link of the page and the next page of the shard', async () => {
    // Prepare
    const published: unknown[] = [];
    const deps = {
      links: {
        page: async () => ({
          items: [
            { ok: true as const, link: aLink() },
            { ok: false as const, key: 'broken', reason: 'unreadable' },
          ],
          cursor: 'next-page',
        }),
      },
      publisher: { publish: async (jobs: unknown[]) => void published.push(...jobs) },
      pageSize: 100,
      shardCount: 16,
    };

    // Act
    const result = await fanOutStatsShard(deps, { v: 1, kind: 'stats-shard', shard: 3 });

    // Assess
    expect(result).toEqual({ links: 1, continues: true });
    expect(published).toEqual([job, { v: 1, kind: 'stats-shard', shard: 3, cursor: 'next-page' }]);
    expect(statsShardJobs(2)).toEqual([
      { v: 1, kind: 'stats-shard', shard: 0 },
      { v: 1, kind: 'stats-shard', shard: 1 },
    ]);
  });
});
