import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../../functions/core/errors.js';
import type { StatsDay } from '../../../../functions/core/stats/model.js';
import {
  getLinkStats,
  getTenantStats,
  statsQuery,
  statsRange,
} from '../../../../functions/core/stats/read.js';
import { aLink, LINK_ID, TENANT } from '../ads/fakes.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');

const day = (value: string, linkId = LINK_ID): StatsDay & { linkId: string } => ({
  linkId,
  day: value,
  sent: 3,
  delivered: 2,
  byCategory: {},
  cost: 0,
  currency: 'USD',
  ads: null,
  adCurrency: null,
});

const deps = (stored: (StatsDay & { linkId: string })[] | 'too_many' = []) => ({
  links: {
    get: async (_tenant: string, linkId: string) => (linkId === LINK_ID ? aLink() : undefined),
  },
  store: {
    linkDays: async () => (stored === 'too_many' ? [] : stored),
    tenantDays: async () => stored,
  },
  clock: { now: () => NOW },
});

describe('Function: statsRange', () => {
  it('defaults to the last 30 days by day', () => {
    // Act
    const range = statsRange(statsQuery.parse({}), NOW);

    // Assess
    expect(range).toEqual({ since: '2026-10-22', until: '2026-11-20', granularity: 'DAY' });
  });

  it.each([
    ['since after until', { since: '2026-11-10', until: '2026-11-01' }, 'invalid_date_range'],
    ['until in the future', { since: '2026-11-10', until: '2026-12-01' }, 'invalid_date_range'],
    ['since beyond the one-year lookback', { since: '2025-11-20' }, 'beyond_lookback'],
  ])('refuses %s with its own code', (_case, query, code) => {
    // Act
    const act = () => statsRange(statsQuery.parse(query), NOW);

    // Assess
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(expect.objectContaining({ code }));
  });

  it('accepts the first day of the lookback', () => {
    // Act
    const range = statsRange(statsQuery.parse({ since: '2025-11-21', granularity: 'MONTH' }), NOW);

    // Assess
    expect(range.since).toBe('2025-11-21');
  });
});

describe('Function: getLinkStats', () => {
  it('answers 404 for a link the tenant does not have', async () => {
    // Act
    const act = getLinkStats(deps(), TENANT, `lnk_${'f'.repeat(32)}`, statsQuery.parse({}));

    // Assess
    await expect(act).rejects.toThrow(NotFoundError);
  });

  it("rolls the link's stored days up", async () => {
    // Act
    const stats = await getLinkStats(
      deps([day('2026-11-19'), day('2026-11-20')]),
      TENANT,
      LINK_ID,
      statsQuery.parse({ since: '2026-11-19' })
    );

    // Assess
    expect(stats.linkId).toBe(LINK_ID);
    expect(stats.totals.sent).toBe(6);
  });
});

describe('Function: getTenantStats', () => {
  it('counts the links behind the figures', async () => {
    // Act
    const stats = await getTenantStats(
      deps([day('2026-11-20'), day('2026-11-20', 'lnk_other')]),
      TENANT,
      statsQuery.parse({ since: '2026-11-20' })
    );

    // Assess
    expect(stats).toMatchObject({ links: 2, totals: { sent: 6, delivered: 4 } });
  });

  it('asks for a shorter range instead of reading without bound', async () => {
    // Act
    const act = getTenantStats(deps('too_many'), TENANT, statsQuery.parse({}));

    // Assess
    await expect(act).rejects.toThrow(expect.objectContaining({ code: 'range_too_large' }));
  });
});
