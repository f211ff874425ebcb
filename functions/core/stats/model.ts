/**
 * Message statistics: per link and UTC day, what the WhatsApp number sent and delivered (WABA
 * `analytics`), what Meta billed per pricing category (`pricing_analytics`), and what the link's
 * Click-to-WhatsApp ads spent and started (ad insights). Pure types and rules, no I/O.
 *
 * Sources (docs/meta.md lists the calls):
 * - https://developers.facebook.com/documentation/business-messaging/whatsapp/analytics/
 * - https://developers.facebook.com/docs/graph-api/reference/waba-analytics/
 * - https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/pricing_analytics/
 */

const DAY_MS = 86_400_000;

/**
 * Meta cut the lookback of messaging, conversation and pricing analytics from 10 years to 1 year on
 * Dec 1, 2025 (analytics guide above). Counted as 365 days including today, so a `start` on the
 * earliest day is always inside Meta's window, whatever the hour.
 */
const LOOKBACK_DAYS = 365;

/** Days one pull job asks Meta for: one page of daily ad insights, far inside the job's timeout. */
const PULL_CHUNK_DAYS = 31;

/** Days the daily pull reads again: Meta's numbers for the last days still settle. */
const SETTLE_DAYS = 2;

/**
 * Pricing categories, as `enum_types.json` of Meta's codegen specs names them
 * (`whatsappbusinessaccountpricing_analytics_pricing_categories_enum_param`).
 */
const PRICING_CATEGORIES = [
  'AI_BOT',
  'AUTHENTICATION',
  'AUTHENTICATION_INTERNATIONAL',
  'GROUP_MARKETING',
  'GROUP_MARKETING_LITE',
  'GROUP_SERVICE',
  'GROUP_UTILITY',
  'MARKETING',
  'MARKETING_LITE',
  'MARKETING_LITE_DYNAMIC',
  'SERVICE',
  'UTILITY',
] as const;
type PricingCategory = (typeof PRICING_CATEGORIES)[number];

const GRANULARITIES = ['DAY', 'MONTH'] as const;
type Granularity = (typeof GRANULARITIES)[number];

interface CategoryFigures {
  volume: number;
  /** null when Meta reported no cost (a partner's credit line pays the messages). */
  cost: number | null;
}

interface AdDayFigures {
  spend: number;
  impressions: number;
  conversationsStarted: number;
}

/** One link's figures for one UTC day, as stored. */
interface StatsDay {
  day: string;
  sent: number;
  delivered: number;
  byCategory: Partial<Record<PricingCategory, CategoryFigures>>;
  /** Sum of the categories' cost; null when Meta reported no cost for the account's messages. */
  cost: number | null;
  /** The WABA's currency, which pricing analytics report cost in. */
  currency: string | null;
  /** null when the link has no ad Tandem created, or the grant cannot read ads. */
  ads: AdDayFigures | null;
  adCurrency: string | null;
}

/** What one WABA read answered for one number, in Meta's units (epoch seconds, UTC). */
interface MessagingAnalytics {
  currency?: string;
  delivery: { start: number; sent: number; delivered: number }[];
  pricing: { start: number; category: string; volume: number; cost?: number }[];
}

interface AdDailyRow {
  day: string;
  spend: number;
  impressions: number;
  conversationsStarted: number;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, days: number): string => isoDay(dayMs(day) + days * DAY_MS);
const todayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** The earliest day Meta still answers for. */
const earliestDay = (now: Date): string => addDays(todayOf(now), -(LOOKBACK_DAYS - 1));

const daysBetween = (since: string, until: string): string[] => {
  const days: string[] = [];
  for (let day = since; day <= until; day = addDays(day, 1)) days.push(day);
  return days;
};

const round = (value: number, places: number): number => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

const isCategory = (value: string): value is PricingCategory =>
  (PRICING_CATEGORIES as readonly string[]).includes(value);

/** Where a pull goes on after its window: the next chunk, up to `until` (absent: today). */
interface PullNext {
  from: string;
  until?: string;
}

/**
 * Which days one pull job reads, at most a chunk, never before Meta's lookback nor after today:
 * - a job with `from` (a continuation or backfill) reads from there towards its `until` or today;
 * - a link pulled before reads again from its last day minus the settling days;
 * - a new link reads its last chunk first, so recent days show at once, and `next` backfills the
 *   rest of Meta's year, oldest first, up to the day before.
 */
const pullWindow = (
  now: Date,
  pulledThrough: string | undefined,
  job: { from?: string | undefined; until?: string | undefined }
): { since: string; until: string; next: PullNext | undefined } => {
  const today = todayOf(now);
  const earliest = earliestDay(now);
  // ISO days compare as strings.
  const clamp = (day: string) => [earliest, day, today].sort()[1] ?? today;
  const chunk = (since: string, end: string) => {
    const until = [addDays(since, PULL_CHUNK_DAYS - 1), end].sort()[0] ?? end;
    return { since, until };
  };
  if (job.from !== undefined) {
    const end = clamp(job.until ?? today);
    const window = chunk(clamp(job.from), end);
    const next =
      window.until < end
        ? { from: addDays(window.until, 1), ...(job.until !== undefined ? { until: end } : {}) }
        : undefined;
    return { ...window, next };
  }
  if (pulledThrough !== undefined) {
    const window = chunk(clamp(addDays(pulledThrough, -SETTLE_DAYS)), today);
    return {
      ...window,
      next: window.until < today ? { from: addDays(window.until, 1) } : undefined,
    };
  }
  const since = clamp(addDays(today, -(PULL_CHUNK_DAYS - 1)));
  return {
    since,
    until: today,
    next: since > earliest ? { from: earliest, until: addDays(since, -1) } : undefined,
  };
};

/**
 * Joins one pull's answers into one record per day of the window, zeros where Meta reported nothing
 * (it leaves out empty data points). When any pricing data point carries no cost, the account's
 * messages are paid through a partner's credit line (UNVERIFIED: docs/meta.md), so every day of the
 * pull says cost null, never 0.
 */
const joinDays = (
  window: { since: string; until: string },
  analytics: MessagingAnalytics,
  ads: { rows: AdDailyRow[]; currency: string | null } | null
): StatsDay[] => {
  const costReported = analytics.pricing.every((point) => point.cost !== undefined);
  const currency = analytics.currency ?? null;
  return daysBetween(window.since, window.until).map((day) => {
    const from = dayMs(day) / 1000;
    const to = from + DAY_MS / 1000;
    const inDay = (start: number) => start >= from && start < to;
    const delivery = analytics.delivery.filter((point) => inDay(point.start));
    const byCategory: Partial<Record<PricingCategory, CategoryFigures>> = {};
    for (const point of analytics.pricing.filter((candidate) => inDay(candidate.start))) {
      if (!isCategory(point.category)) continue;
      const figures = byCategory[point.category] ?? { volume: 0, cost: costReported ? 0 : null };
      figures.volume += point.volume;
      if (figures.cost !== null) figures.cost = round(figures.cost + (point.cost ?? 0), 6);
      byCategory[point.category] = figures;
    }
    const adRows = ads?.rows.filter((row) => row.day === day) ?? [];
    return {
      day,
      sent: delivery.reduce((sum, point) => sum + point.sent, 0),
      delivered: delivery.reduce((sum, point) => sum + point.delivered, 0),
      byCategory,
      cost: costReported
        ? round(
            Object.values(byCategory).reduce((sum, figures) => sum + (figures.cost ?? 0), 0),
            6
          )
        : null,
      currency,
      ads: ads
        ? {
            spend: round(
              adRows.reduce((sum, row) => sum + row.spend, 0),
              2
            ),
            impressions: adRows.reduce((sum, row) => sum + row.impressions, 0),
            conversationsStarted: adRows.reduce((sum, row) => sum + row.conversationsStarted, 0),
          }
        : null,
      adCurrency: ads?.currency ?? null,
    };
  });
};

/** One bucket of a rollup: a day or a calendar month (UTC), over one link or a tenant's. */
interface StatsBucket {
  /** First day of the bucket inside the asked range. */
  start: string;
  /** Last day of the bucket inside the asked range. */
  end: string;
  sent: number;
  delivered: number;
  /** Messages Meta priced, over every category. */
  volume: number;
  /**
   * Message cost in `currency`, summed over the days Meta reported it; null when it reported none
   * (partner credit line) or the days mix currencies.
   */
  cost: number | null;
  /** false when some days in the bucket have no cost: `cost` then covers only the others. */
  costComplete: boolean;
  byCategory: Partial<Record<PricingCategory, CategoryFigures>>;
  /** null when no day in the bucket has ad figures (no ad, or no ads permission). */
  ads: {
    /** null when the ad accounts use different currencies. */
    spend: number | null;
    impressions: number;
    conversationsStarted: number;
    costPerConversation: number | null;
  } | null;
}

interface StatsRollup {
  since: string;
  until: string;
  granularity: Granularity;
  /** The messaging cost currency; null when none is known or the days mix currencies. */
  currency: string | null;
  adCurrency: string | null;
  buckets: StatsBucket[];
  totals: StatsBucket;
  /** Plain statements about what the figures cannot show (partner credit line, currencies). */
  notes: string[];
}

const single = (values: (string | null)[]): { value: string | null; mixed: boolean } => {
  const distinct = [...new Set(values.filter((value): value is string => value !== null))];
  return {
    value: distinct.length === 1 ? (distinct[0] ?? null) : null,
    mixed: distinct.length > 1,
  };
};

const bucketOf = (
  start: string,
  end: string,
  days: StatsDay[],
  mixedCurrency: boolean,
  mixedAdCurrency: boolean
): StatsBucket => {
  const byCategory: Partial<Record<PricingCategory, CategoryFigures>> = {};
  for (const day of days) {
    for (const [name, figures] of Object.entries(day.byCategory)) {
      const category = name as PricingCategory;
      const sum = byCategory[category] ?? { volume: 0, cost: null };
      sum.volume += figures.volume;
      if (figures.cost !== null && !mixedCurrency) {
        sum.cost = round((sum.cost ?? 0) + figures.cost, 6);
      }
      byCategory[category] = sum;
    }
  }
  const costed = days.filter((day) => day.cost !== null);
  const withAds = days.filter((day) => day.ads !== null);
  const spend = round(
    withAds.reduce((sum, day) => sum + (day.ads?.spend ?? 0), 0),
    2
  );
  const conversations = withAds.reduce((sum, day) => sum + (day.ads?.conversationsStarted ?? 0), 0);
  return {
    start,
    end,
    sent: days.reduce((sum, day) => sum + day.sent, 0),
    delivered: days.reduce((sum, day) => sum + day.delivered, 0),
    volume: Object.values(byCategory).reduce((sum, figures) => sum + figures.volume, 0),
    cost:
      costed.length === 0 || mixedCurrency
        ? null
        : round(
            costed.reduce((sum, day) => sum + (day.cost ?? 0), 0),
            6
          ),
    costComplete: !mixedCurrency && costed.length === days.length,
    byCategory,
    ads:
      withAds.length === 0
        ? null
        : {
            spend: mixedAdCurrency ? null : spend,
            impressions: withAds.reduce((sum, day) => sum + (day.ads?.impressions ?? 0), 0),
            conversationsStarted: conversations,
            costPerConversation:
              conversations > 0 && !mixedAdCurrency ? round(spend / conversations, 2) : null,
          },
  };
};

/**
 * Rolls stored days (of one link or many) up into day or month buckets over `since`..`until`.
 * Every bucket of the range is present, zero when nothing was stored for it.
 */
const rollup = (
  days: StatsDay[],
  range: { since: string; until: string; granularity: Granularity }
): StatsRollup => {
  const inRange = days.filter((day) => day.day >= range.since && day.day <= range.until);
  const currency = single(inRange.map((day) => day.currency));
  const adCurrency = single(inRange.map((day) => day.adCurrency));
  const keyOf = (day: string) => (range.granularity === 'DAY' ? day : day.slice(0, 7));
  const groups = new Map<string, { start: string; end: string; days: StatsDay[] }>();
  for (const day of daysBetween(range.since, range.until)) {
    const group = groups.get(keyOf(day));
    if (group) group.end = day;
    else groups.set(keyOf(day), { start: day, end: day, days: [] });
  }
  for (const day of inRange) groups.get(keyOf(day.day))?.days.push(day);
  const buckets = [...groups.values()].map((group) =>
    bucketOf(group.start, group.end, group.days, currency.mixed, adCurrency.mixed)
  );
  const notes: string[] = [];
  if (inRange.some((day) => day.cost === null)) {
    notes.push(
      'Meta reports no message cost for some days: their messages are billed through a partner’s credit line, so cost is null (not 0) there and totals cover only the days with a cost.'
    );
  }
  if (currency.mixed) {
    notes.push('The links bill messages in different currencies, so message cost is not summed.');
  }
  if (adCurrency.mixed) {
    notes.push(
      'The ad accounts use different currencies, so ad spend and cost per conversation are not summed.'
    );
  }
  return {
    since: range.since,
    until: range.until,
    granularity: range.granularity,
    currency: currency.value,
    adCurrency: adCurrency.value,
    buckets,
    totals: bucketOf(range.since, range.until, inRange, currency.mixed, adCurrency.mixed),
    notes,
  };
};

export type {
  AdDailyRow,
  AdDayFigures,
  CategoryFigures,
  Granularity,
  MessagingAnalytics,
  PricingCategory,
  PullNext,
  StatsBucket,
  StatsDay,
  StatsRollup,
};
export {
  addDays,
  DAY_MS,
  daysBetween,
  earliestDay,
  GRANULARITIES,
  joinDays,
  LOOKBACK_DAYS,
  PRICING_CATEGORIES,
  PULL_CHUNK_DAYS,
  pullWindow,
  rollup,
  SETTLE_DAYS,
  todayOf,
};
