import { calendarDate } from '../ads/read.js';
import { NotFoundError, ValidationError } from '../errors.js';
import * as z from '../zod.js';
import {
  addDays,
  earliestDay,
  GRANULARITIES,
  LOOKBACK_DAYS,
  rollup,
  type StatsRollup,
  todayOf,
} from './model.js';
import type { StatsReadDeps } from './ports.js';

/** Reading message statistics back: one link's, or the tenant's rolled up over every link. */

/** Days a range covers when `since` is left out: the last 30, today included. */
const DEFAULT_DAYS = 30;

/**
 * Link-days the tenant rollup reads at most (1,000 links for 40 days, 110 for a year): past it the
 * caller narrows the range rather than the function reading without bound inside the API's 30 s.
 */
const MAX_TENANT_ITEMS = 40_000;

/** The `since` / `until` / `granularity` query of the statistics routes. */
const statsQuery = z.strictObject({
  since: z.optional(calendarDate),
  until: z.optional(calendarDate),
  granularity: z._default(z.enum(GRANULARITIES), 'DAY'),
});
type StatsQuery = z.infer<typeof statsQuery>;

/**
 * Resolves the defaults and refuses what Meta cannot answer: a range reaching further back than
 * Meta's one-year lookback is a 400 naming the earliest day, not an empty chart.
 */
const statsRange = (query: StatsQuery, now: Date) => {
  const today = todayOf(now);
  const until = query.until ?? today;
  const since = query.since ?? addDays(until, -(DEFAULT_DAYS - 1));
  const earliest = earliestDay(now);
  const problem =
    since > until
      ? { code: 'invalid_date_range', why: 'since must be on or before until' }
      : until > addDays(today, 1)
        ? { code: 'invalid_date_range', why: 'until must not be in the future' }
        : since < earliest
          ? {
              code: 'beyond_lookback',
              why: `since must be on or after ${earliest}: Meta keeps message analytics for ${LOOKBACK_DAYS} days (one year)`,
            }
          : undefined;
  if (problem) {
    throw new ValidationError(
      `Invalid date range: ${problem.why}.`,
      { since, until, earliest },
      problem.code
    );
  }
  return { since, until, granularity: query.granularity };
};

type LinkStats = StatsRollup & { linkId: string };
type TenantStats = StatsRollup & { links: number };

/** @throws NotFoundError `link_not_found`; ValidationError for the range. */
const getLinkStats = async (
  deps: StatsReadDeps,
  tenantId: string,
  linkId: string,
  query: StatsQuery
): Promise<LinkStats> => {
  const range = statsRange(query, deps.clock.now());
  if (!(await deps.links.get(tenantId, linkId))) {
    throw new NotFoundError(
      `There is no link ${linkId} for this tenant.`,
      { linkId },
      'link_not_found'
    );
  }
  const days = await deps.store.linkDays(tenantId, linkId, range.since, range.until);
  return { linkId, ...rollup(days, range) };
};

/** @throws ValidationError for the range, or `range_too_large` past the read bound. */
const getTenantStats = async (
  deps: StatsReadDeps,
  tenantId: string,
  query: StatsQuery
): Promise<TenantStats> => {
  const range = statsRange(query, deps.clock.now());
  const days = await deps.store.tenantDays(tenantId, range.since, range.until, MAX_TENANT_ITEMS);
  if (days === 'too_many') {
    throw new ValidationError(
      `The range holds more than ${MAX_TENANT_ITEMS} link-days of statistics; ask for a shorter range (for example a quarter at a time with granularity MONTH).`,
      { since: range.since, until: range.until, maxLinkDays: MAX_TENANT_ITEMS },
      'range_too_large'
    );
  }
  const links = new Set(days.map((day) => day.linkId)).size;
  return { links, ...rollup(days, range) };
};

export type { LinkStats, StatsQuery, TenantStats };
export { getLinkStats, getTenantStats, MAX_TENANT_ITEMS, statsQuery, statsRange };
