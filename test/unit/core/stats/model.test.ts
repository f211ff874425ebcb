import { describe, expect, it } from 'vitest';
import {
  earliestDay,
  joinDays,
  type MessagingAnalytics,
  pullWindow,
  rollup,
  type StatsDay,
} from '../../../../functions/core/stats/model.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const at = (day: string, hour = 0) => Date.parse(`${day}T00:00:00Z`) / 1000 + hour * 3600;

const aDay = (day: string, overrides: Partial<StatsDay> = {}): StatsDay => ({
  day,
  sent: 10,
  delivered: 9,
  byCategory: { MARKETING: { volume: 4, cost: 0.1 }, SERVICE: { volume: 5, cost: 0 } },
  cost: 0.1,
  currency: 'USD',
  ads: { spend: 5, impressions: 100, conversationsStarted: 2 },
  adCurrency: 'USD',
  ...overrides,
});

describe('Function: pullWindow', () => {
  it("reads a new link's latest chunk first, then backfills Meta's year up to the day before", () => {
    // Act
    const window = pullWindow(NOW, undefined, {});

    // Assess
    expect(window).toEqual({
      since: '2026-10-21',
      until: '2026-11-20',
      next: { from: '2025-11-21', until: '2026-10-20' },
    });
    expect(earliestDay(NOW)).toBe('2025-11-21');
  });

  it('clamps a backfill asked from beyond the lookback to its first day, and keeps its end', () => {
    // Act
    const window = pullWindow(NOW, undefined, { from: '2020-01-01', until: '2026-10-20' });

    // Assess
    expect(window).toEqual({
      since: '2025-11-21',
      until: '2025-12-21',
      next: { from: '2025-12-22', until: '2026-10-20' },
    });
  });

  it('ends a backfill at its own end', () => {
    // Act
    const window = pullWindow(NOW, '2026-11-20', { from: '2026-10-01', until: '2026-10-20' });

    // Assess
    expect(window).toEqual({ since: '2026-10-01', until: '2026-10-20', next: undefined });
  });

  it('reads the settling days again after the last pull and stops at today', () => {
    // Act
    const window = pullWindow(NOW, '2026-11-19', {});

    // Assess
    expect(window).toEqual({ since: '2026-11-17', until: '2026-11-20', next: undefined });
  });

  it('catches up chunk by chunk after a long gap', () => {
    // Act
    const window = pullWindow(NOW, '2026-08-01', {});

    // Assess
    expect(window).toEqual({
      since: '2026-07-30',
      until: '2026-08-29',
      next: { from: '2026-08-30' },
    });
  });

  it('never asks beyond today, even for a continuation from the future', () => {
    // Act
    const window = pullWindow(NOW, undefined, { from: '2026-12-31' });

    // Assess
    expect(window).toEqual({ since: '2026-11-20', until: '2026-11-20', next: undefined });
  });
});

describe('Function: joinDays', () => {
  const analytics: MessagingAnalytics = {
    currency: 'USD',
    delivery: [
      { start: at('2026-11-18'), sent: 30, delivered: 28 },
      { start: at('2026-11-19'), sent: 12, delivered: 12 },
    ],
    pricing: [
      { start: at('2026-11-18'), category: 'MARKETING', volume: 10, cost: 0.25 },
      { start: at('2026-11-18'), category: 'UTILITY', volume: 18, cost: 0.072 },
      { start: at('2026-11-19'), category: 'SERVICE', volume: 12, cost: 0 },
    ],
  };

  it('answers one record per day of the window, zero where Meta reported nothing', () => {
    // Act
    const days = joinDays({ since: '2026-11-17', until: '2026-11-19' }, analytics, null);

    // Assess
    expect(days.map((day) => [day.day, day.sent, day.delivered, day.cost])).toEqual([
      ['2026-11-17', 0, 0, 0],
      ['2026-11-18', 30, 28, 0.322],
      ['2026-11-19', 12, 12, 0],
    ]);
    expect(days[1]?.byCategory).toEqual({
      MARKETING: { volume: 10, cost: 0.25 },
      UTILITY: { volume: 18, cost: 0.072 },
    });
    expect(days[1]?.ads).toBeNull();
  });

  it('says cost null on every day, never 0, when Meta left cost out (partner credit line)', () => {
    // Prepare
    const noCost: MessagingAnalytics = {
      ...analytics,
      pricing: analytics.pricing.map(({ cost: _cost, ...point }) => point),
    };

    // Act
    const days = joinDays({ since: '2026-11-17', until: '2026-11-19' }, noCost, null);

    // Assess
    expect(days.map((day) => day.cost)).toEqual([null, null, null]);
    expect(days[1]?.byCategory.MARKETING).toEqual({ volume: 10, cost: null });
  });

  it("joins the link's ads' daily results, summing ads of the same day", () => {
    // Act
    const days = joinDays({ since: '2026-11-18', until: '2026-11-19' }, analytics, {
      currency: 'EUR',
      rows: [
        { day: '2026-11-18', spend: 3.5, impressions: 400, conversationsStarted: 2 },
        { day: '2026-11-18', spend: 1.25, impressions: 100, conversationsStarted: 1 },
      ],
    });

    // Assess
    expect(days.map((day) => day.ads)).toEqual([
      { spend: 4.75, impressions: 500, conversationsStarted: 3 },
      { spend: 0, impressions: 0, conversationsStarted: 0 },
    ]);
    expect(days[0]?.adCurrency).toBe('EUR');
  });
});

describe('Function: rollup', () => {
  it('sums days into months over the range, every bucket present', () => {
    // Act
    const result = rollup([aDay('2026-10-31'), aDay('2026-11-01'), aDay('2026-11-02')], {
      since: '2026-10-30',
      until: '2026-11-02',
      granularity: 'MONTH',
    });

    // Assess
    expect(result.buckets.map((bucket) => [bucket.start, bucket.end, bucket.sent])).toEqual([
      ['2026-10-30', '2026-10-31', 10],
      ['2026-11-01', '2026-11-02', 20],
    ]);
    expect(result.totals).toMatchObject({
      sent: 30,
      delivered: 27,
      volume: 27,
      cost: 0.3,
      costComplete: true,
      byCategory: { MARKETING: { volume: 12, cost: 0.3 }, SERVICE: { volume: 15, cost: 0 } },
      ads: { spend: 15, impressions: 300, conversationsStarted: 6, costPerConversation: 2.5 },
    });
    expect(result.notes).toEqual([]);
  });

  it('answers cost null with a note when no day reported it, and partial totals otherwise', () => {
    // Prepare
    const credit = { cost: null, byCategory: { MARKETING: { volume: 4, cost: null } } };

    // Act
    const result = rollup([aDay('2026-11-01', credit), aDay('2026-11-02')], {
      since: '2026-11-01',
      until: '2026-11-02',
      granularity: 'DAY',
    });

    // Assess
    expect(result.buckets[0]).toMatchObject({ cost: null, costComplete: false });
    expect(result.buckets[1]).toMatchObject({ cost: 0.1, costComplete: true });
    expect(result.totals).toMatchObject({ cost: 0.1, costComplete: false });
    expect(result.notes.join(' ')).toMatch(/credit line/);
  });

  it('does not add up costs in different currencies', () => {
    // Act
    const result = rollup([aDay('2026-11-01'), aDay('2026-11-01', { currency: 'EUR' })], {
      since: '2026-11-01',
      until: '2026-11-01',
      granularity: 'DAY',
    });

    // Assess
    expect(result.currency).toBeNull();
    expect(result.totals).toMatchObject({ cost: null, costComplete: false });
    expect(result.notes.join(' ')).toMatch(/different currencies/);
  });

  it('says ads null where no day had ad figures, and no cost per conversation without one', () => {
    // Act
    const result = rollup(
      [
        aDay('2026-11-01', { ads: null }),
        aDay('2026-11-02', { ads: { spend: 2, impressions: 5, conversationsStarted: 0 } }),
      ],
      { since: '2026-11-01', until: '2026-11-02', granularity: 'DAY' }
    );

    // Assess
    expect(result.buckets[0]?.ads).toBeNull();
    expect(result.buckets[1]?.ads).toEqual({
      spend: 2,
      impressions: 5,
      conversationsStarted: 0,
      costPerConversation: null,
    });
  });
});
