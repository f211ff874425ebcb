import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsPullJob } from '../../../functions/core/jobs.js';
import { addDays, todayOf } from '../../../functions/core/stats/model.js';
import { pullLinkStats } from '../../../functions/core/stats/pull.js';
import { api, applySystemEnv } from '../../helpers/system.js';
import { adBody, bodyOf, graph, type Linked, linkedTenant } from '../ads/linked.js';

/**
 * Message statistics end to end on the real parts: the pull job with its real adapters (Graph client
 * against the sandbox over HTTP, DynamoDB Local), then the two read routes through the local
 * gateway, checked against the sandbox's own answers. Continuations are captured, not queued, so a
 * test decides how far a pull goes.
 */

applySystemEnv();
const { statsPullDeps } = await import('../../../functions/adapters/wiring/stats.js');

const today = todayOf(new Date());
const since = addDays(today, -6);

interface Bucket {
  start: string;
  sent: number;
  delivered: number;
  volume: number;
  cost: number | null;
  costComplete: boolean;
  ads: { spend: number | null; conversationsStarted: number } | null;
}

interface StatsBody {
  linkId?: string;
  links?: number;
  granularity: string;
  currency: string | null;
  buckets: Bucket[];
  totals: Bucket;
  notes: string[];
  error: { code: string; message: string };
}

const statsOf = async (response: Response) => (await response.json()) as StatsBody;

/** Runs one pull job in this process; answers its result and the continuations it asked for. */
const pull = async (linked: Linked, from?: string) => {
  const published: StatsPullJob[] = [];
  const deps = {
    ...statsPullDeps(),
    publisher: {
      publish: async (jobs: unknown[]) => void published.push(...(jobs as StatsPullJob[])),
    },
  };
  const job: StatsPullJob = {
    v: 1,
    kind: 'stats-pull',
    tenantId: linked.tenant,
    linkId: linked.linkId,
    ...(from ? { from } : {}),
  };
  return { result: await pullLinkStats(deps, job), published };
};

const epoch = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

let linked: Linked;
let adId: string;

beforeAll(async () => {
  linked = await linkedTenant();
  const created = await bodyOf(
    await api(`/links/${linked.linkId}/ads`, {
      tenant: linked.tenant,
      body: adBody(linked),
      headers: { 'idempotency-key': `key-${randomBytes(8).toString('hex')}` },
    })
  );
  adId = created.created.adId ?? '';
  await pull(linked, since);
});

describe('Route: GET /links/{linkId}/stats', () => {
  it("answers each day's messages as Meta counts them, with cost and the ad's results", async () => {
    // Prepare
    const numbers = JSON.stringify([linked.numberDigits]);
    const meta = await graph<{
      analytics: { data_points: { start: number; sent: number; delivered: number }[] };
    }>(
      linked.token,
      `${linked.wabaId}?fields=analytics.start(${epoch(since)}).end(${epoch(today)}).granularity(DAY).phone_numbers(${numbers})`
    );
    const insights = await graph<{ data: { date_start: string; spend: string }[] }>(
      linked.token,
      `${adId}/insights?fields=spend&time_increment=1&time_range=${encodeURIComponent(JSON.stringify({ since, until: today }))}`
    );

    // Act
    const response = await api(`/links/${linked.linkId}/stats?since=${since}&until=${today}`, {
      tenant: linked.tenant,
    });

    // Assess
    expect(response.status).toBe(200);
    const body = await statsOf(response);
    expect(body).toMatchObject({ linkId: linked.linkId, granularity: 'DAY', currency: 'USD' });
    const buckets = body.buckets;
    expect(buckets.map((bucket) => bucket.start)).toHaveLength(7);
    const firstSix = buckets.slice(0, 6);
    expect(firstSix.map((bucket) => bucket.sent)).toEqual(
      meta.body.analytics.data_points.map((point) => point.sent)
    );
    expect(firstSix.every((bucket) => bucket.cost !== null && bucket.cost > 0)).toBe(true);
    expect(firstSix.every((bucket) => bucket.volume === bucket.delivered)).toBe(true);
    const spend = insights.body.data.reduce((sum, row) => sum + Number(row.spend), 0);
    expect(body.totals.ads?.spend).toBeCloseTo(spend, 2);
    expect(body.totals.ads?.conversationsStarted).toBeGreaterThan(0);
    expect(body.notes).toEqual([]);
  });

  it('rolls the days up by calendar month', async () => {
    // Act
    const response = await api(
      `/links/${linked.linkId}/stats?since=${since}&until=${today}&granularity=MONTH`,
      { tenant: linked.tenant }
    );

    // Assess
    const body = await statsOf(response);
    const months = new Set([since.slice(0, 7), today.slice(0, 7)]);
    expect(body.buckets).toHaveLength(months.size);
    expect(body.buckets.reduce((sum, bucket) => sum + bucket.sent, 0)).toBe(body.totals.sent);
  });

  it("answers 400 naming the earliest day for a range beyond Meta's one-year lookback", async () => {
    // Act
    const response = await api(`/links/${linked.linkId}/stats?since=${addDays(today, -400)}`, {
      tenant: linked.tenant,
    });

    // Assess
    expect(response.status).toBe(400);
    const body = await statsOf(response);
    expect(body.error.code).toBe('beyond_lookback');
    expect(body.error.message).toContain(addDays(today, -364));
  });

  it.each([
    ['an unknown granularity', '?granularity=WEEK'],
    ['a date that is not a date', '?since=2026-02-30'],
    ['an unknown parameter', '?from=2026-01-01'],
  ])('answers 400 for %s', async (_case, query) => {
    // Act
    const response = await api(`/links/${linked.linkId}/stats${query}`, { tenant: linked.tenant });

    // Assess
    expect(response.status).toBe(400);
  });

  it("answers 404 for another tenant's link", async () => {
    // Act
    const response = await api(`/links/${linked.linkId}/stats`, { tenant: 't-someone-else' });

    // Assess
    expect(response.status).toBe(404);
  });
});

describe('Route: GET /stats', () => {
  it("sums the tenant's links and counts them", async () => {
    // Prepare
    const link = await statsOf(
      await api(`/links/${linked.linkId}/stats?since=${since}&until=${today}`, {
        tenant: linked.tenant,
      })
    );

    // Act
    const response = await api(`/stats?since=${since}&until=${today}`, { tenant: linked.tenant });

    // Assess
    expect(response.status).toBe(200);
    const body = await statsOf(response);
    expect(body.links).toBe(1);
    expect(body.totals).toEqual(link.totals);
  });

  it('answers nothing of another tenant', async () => {
    // Act
    const response = await api(`/stats?since=${since}`, {
      tenant: `t-${randomBytes(6).toString('hex')}`,
    });

    // Assess
    const body = await statsOf(response);
    expect(body).toMatchObject({ links: 0, totals: { sent: 0, cost: null, ads: null } });
  });
});

describe('Job: stats-pull', () => {
  it("asks Meta from the lookback's first day at most, and continues chunk by chunk", async () => {
    // Prepare
    const fresh = await linkedTenant();

    // Act
    const { result, published } = await pull(fresh, '2020-01-01');

    // Assess
    expect(result).toMatchObject({
      status: 'pulled',
      since: addDays(today, -364),
      until: addDays(today, -334),
      continues: true,
    });
    expect(published).toEqual([
      expect.objectContaining({ linkId: fresh.linkId, from: addDays(today, -333) }),
    ]);
  });

  it('stores cost null and says why for a number on a partner credit line', async () => {
    // Prepare
    const partner = await linkedTenant({ partnerCreditLine: true });

    // Act
    await pull(partner, since);

    // Assess
    const body = await statsOf(
      await api(`/links/${partner.linkId}/stats?since=${since}&until=${today}`, {
        tenant: partner.tenant,
      })
    );
    expect(body.totals).toMatchObject({ cost: null, costComplete: false });
    expect(body.totals.volume).toBeGreaterThan(0);
    expect(body.notes.join(' ')).toMatch(/credit line/);
    expect(body.totals.ads).toBeNull();
  });

  it("deletes a link's statistics with the link, so the tenant's rollup no longer counts them", async () => {
    // Prepare
    const gone = await linkedTenant();
    await pull(gone, since);
    const rollup = () =>
      api(`/stats?since=${since}&until=${today}`, { tenant: gone.tenant }).then(statsOf);
    expect((await rollup()).totals.sent).toBeGreaterThan(0);

    // Act
    const unlinked = await api(`/links/${gone.linkId}`, { tenant: gone.tenant, method: 'DELETE' });

    // Assess
    expect(unlinked.status).toBe(200);
    const after = await rollup();
    expect(after.totals.sent).toBe(0);
    expect(after.links).toBe(0);
  });
});
