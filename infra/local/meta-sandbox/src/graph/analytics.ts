import { createHash } from 'node:crypto';
import type { GraphCtx, GraphResult } from '../context.js';
import { invalidParameter } from '../graph-error.js';
import { parseFields } from '../meta-spec/fields.js';
import { decodeStructured, enumValues } from '../meta-spec/index.js';
import type { PhoneNumber, Waba } from '../store.js';
import { stringParam } from './common.js';

/**
 * The WABA's message statistics with synthetic, deterministic numbers: each number's figures for a
 * day come from a hash of its id and the date, so a query always answers the same.
 * - `analytics` is a field of the WABA (codegen WhatsAppBusinessAccount.json: type Object) taking
 *   `start`, `end`, `granularity` (HALF_HOUR, DAY, MONTH), `phone_numbers`, `country_codes`,
 *   `product_types` as modifiers: https://developers.facebook.com/docs/graph-api/reference/waba-analytics/
 * - `pricing_analytics` is the GET edge the codegen spec declares, with its parameters and enums
 *   (already checked against the spec before the route runs); the data point shape is the analytics
 *   guide's: https://developers.facebook.com/documentation/business-messaging/whatsapp/analytics/
 * Both refuse a `start` more than one year back (Meta's lookback since Dec 1, 2025, same guide).
 */

const DAY_S = 86_400;
const LOOKBACK_S = 365 * DAY_S;
const ANALYTICS_MODIFIERS = [
  'start',
  'end',
  'granularity',
  'phone_numbers',
  'country_codes',
  'product_types',
];
const ANALYTICS_GRANULARITY = ['HALF_HOUR', 'DAY', 'MONTH'];
/** What the sandbox charges per delivered message, in the WABA's currency (plausible, not Meta's). */
const RATES: Record<string, number> = {
  MARKETING: 0.025,
  UTILITY: 0.004,
  AUTHENTICATION: 0.0135,
  SERVICE: 0,
};

const digits = (value: string): string => value.replace(/\D/g, '');

const dayFigures = (phoneId: string, dayStart: number) => {
  const digest = createHash('sha256').update(`${phoneId}:${dayStart}`).digest();
  const sent = 20 + (digest.readUInt16BE(0) % 180);
  const delivered = Math.floor((sent * (90 + ((digest[2] ?? 0) % 10))) / 100);
  const marketing = Math.floor((delivered * (20 + ((digest[3] ?? 0) % 30))) / 100);
  const utility = Math.floor((delivered * (10 + ((digest[4] ?? 0) % 20))) / 100);
  const authentication = Math.floor((delivered * ((digest[5] ?? 0) % 10)) / 100);
  return {
    sent,
    delivered,
    categories: {
      MARKETING: marketing,
      UTILITY: utility,
      AUTHENTICATION: authentication,
      SERVICE: delivered - marketing - utility - authentication,
    } as Record<string, number>,
  };
};

const epoch = (name: string, raw: string | undefined): number => {
  if (raw === undefined || raw === '')
    throw invalidParameter(`(#100) The parameter ${name} is required`);
  if (!/^\d{1,12}$/.test(raw)) {
    throw invalidParameter(`(#100) Param ${name} must be a UNIX timestamp in seconds`);
  }
  return Number(raw);
};

/** Refuses an empty or inverted range, and one reaching back further than Meta's one year. */
const checkRange = (start: number, end: number): void => {
  if (end <= start) throw invalidParameter('(#100) Param end must be after start');
  if (start < Math.floor(Date.now() / 1000) - LOOKBACK_S) {
    throw invalidParameter(
      '(#100) Param start is out of range: analytics can be retrieved for at most the last 1 year',
      { error_user_title: 'Start date too old' }
    );
  }
};

const stringList = (name: string, raw: unknown): string[] | undefined => {
  if (raw === undefined || raw === '') return undefined;
  const decoded = decodeStructured(raw);
  if (
    !decoded.ok ||
    !Array.isArray(decoded.value) ||
    decoded.value.some((v) => typeof v !== 'string')
  ) {
    throw invalidParameter(`(#100) Param ${name} must be an array of strings`);
  }
  return decoded.value as string[];
};

/** The WABA's numbers an analytics call covers: all, or those named (as normalised digits). */
const numbersOf = (ctx: GraphCtx, waba: Waba, named: string[] | undefined): PhoneNumber[] =>
  waba.phoneNumberIds
    .map((id) => ctx.store.phoneNumbers.get(id))
    .filter((phone): phone is PhoneNumber => phone !== undefined)
    .filter((phone) => !named || named.map(digits).includes(digits(phone.displayPhoneNumber)));

/** Bucket starts (epoch seconds, UTC) over [start, end): days, months or half hours. */
const bucketStarts = (start: number, end: number, granularity: string): number[] => {
  const starts: number[] = [];
  if (granularity === 'HALF_HOUR') {
    for (let at = start - (start % 1800); at < end && starts.length < 10_000; at += 1800) {
      starts.push(at);
    }
    return starts;
  }
  const first = new Date((start - (start % DAY_S)) * 1000);
  for (let at = first; at.getTime() / 1000 < end; ) {
    starts.push(at.getTime() / 1000);
    at =
      granularity === 'DAY' || granularity === 'DAILY'
        ? new Date(at.getTime() + DAY_S * 1000)
        : new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  }
  return starts;
};

/** Each bucket's figures: sums over its days (half hours get a 48th of the day). */
const figuresOver = (phone: PhoneNumber, from: number, to: number, granularity: string) => {
  if (granularity === 'HALF_HOUR') {
    const day = dayFigures(phone.id, from - (from % DAY_S));
    const share = (value: number) => Math.floor(value / 48);
    return {
      sent: share(day.sent),
      delivered: share(day.delivered),
      categories: Object.fromEntries(
        Object.entries(day.categories).map(([name, value]) => [name, share(value)])
      ),
    };
  }
  const sum = { sent: 0, delivered: 0, categories: {} as Record<string, number> };
  for (let day = from - (from % DAY_S); day < to; day += DAY_S) {
    const figures = dayFigures(phone.id, day);
    sum.sent += figures.sent;
    sum.delivered += figures.delivered;
    for (const [name, value] of Object.entries(figures.categories)) {
      sum.categories[name] = (sum.categories[name] ?? 0) + value;
    }
  }
  return sum;
};

const bucketEnd = (starts: number[], index: number, end: number, granularity: string): number =>
  starts[index + 1] ??
  (granularity === 'HALF_HOUR'
    ? (starts[index] ?? end) + 1800
    : granularity === 'MONTH' || granularity === 'MONTHLY'
      ? Date.UTC(
          new Date((starts[index] ?? end) * 1000).getUTCFullYear(),
          new Date((starts[index] ?? end) * 1000).getUTCMonth() + 1,
          1
        ) / 1000
      : (starts[index] ?? end) + DAY_S);

/** The `analytics` field of a WABA read, or undefined when the read did not ask for it. */
const analyticsField = (ctx: GraphCtx, waba: Waba): Record<string, unknown> | undefined => {
  const raw = stringParam(ctx, 'fields');
  const selection = raw ? parseFields(raw).find((field) => field.name === 'analytics') : undefined;
  if (!selection) return undefined;
  const modifiers = selection.modifiers;
  const unknown = Object.keys(modifiers).find((name) => !ANALYTICS_MODIFIERS.includes(name));
  if (unknown) throw invalidParameter(`(#100) Unknown filter ${unknown} on field analytics`);
  const start = epoch('start', modifiers.start);
  const end = epoch('end', modifiers.end);
  const granularity = modifiers.granularity ?? '';
  if (!ANALYTICS_GRANULARITY.includes(granularity)) {
    throw invalidParameter(
      `(#100) Param granularity must be one of {${ANALYTICS_GRANULARITY.join(', ')}}`
    );
  }
  checkRange(start, end);
  const named = stringList('phone_numbers', modifiers.phone_numbers);
  const phones = numbersOf(ctx, waba, named);
  const starts = bucketStarts(start, end, granularity);
  const points = starts.map((at, index) => {
    const to = Math.min(bucketEnd(starts, index, end, granularity), end);
    const sum = phones.reduce(
      (acc, phone) => {
        const figures = figuresOver(phone, Math.max(at, start), to, granularity);
        return { sent: acc.sent + figures.sent, delivered: acc.delivered + figures.delivered };
      },
      { sent: 0, delivered: 0 }
    );
    return { start: at, end: to, ...sum };
  });
  return {
    phone_numbers: phones.map((phone) => digits(phone.displayPhoneNumber)),
    granularity,
    data_points: points.filter((point) => point.sent > 0),
  };
};

/** `GET /{waba-id}/pricing_analytics`: volume and cost per data point, split by the dimensions. */
const pricingAnalytics = (ctx: GraphCtx, waba: Waba): GraphResult => {
  const start = epoch('start', stringParam(ctx, 'start'));
  const end = epoch('end', stringParam(ctx, 'end'));
  checkRange(start, end);
  const granularity = stringParam(ctx, 'granularity') ?? 'DAILY';
  const dimensions = stringList('dimensions', ctx.req.params.dimensions) ?? [];
  const metrics = stringList('metric_types', ctx.req.params.metric_types) ?? ['VOLUME', 'COST'];
  const categories = stringList('pricing_categories', ctx.req.params.pricing_categories) ?? [
    ...(enumValues('whatsappbusinessaccountpricing_analytics_pricing_categories_enum_param') ?? []),
  ];
  const phones = numbersOf(ctx, waba, stringList('phone_numbers', ctx.req.params.phone_numbers));
  const byCategory = dimensions.includes('PRICING_CATEGORY');
  const byPhone = dimensions.includes('PHONE');
  const starts = bucketStarts(start, end, granularity);
  const points = starts.flatMap((at, index) => {
    const to = Math.min(bucketEnd(starts, index, end, granularity), end);
    const groups = new Map<
      string,
      { phone?: string; category?: string; volume: number; cost: number }
    >();
    for (const phone of phones) {
      const figures = figuresOver(phone, Math.max(at, start), to, granularity);
      for (const [category, volume] of Object.entries(figures.categories)) {
        if (!categories.includes(category) || volume === 0) continue;
        const key = `${byPhone ? phone.id : ''}#${byCategory ? category : ''}`;
        const group = groups.get(key) ?? {
          ...(byPhone ? { phone: digits(phone.displayPhoneNumber) } : {}),
          ...(byCategory ? { category } : {}),
          volume: 0,
          cost: 0,
        };
        group.volume += volume;
        group.cost += volume * (RATES[category] ?? 0);
        groups.set(key, group);
      }
    }
    return [...groups.values()].map((group) => ({
      start: at,
      end: to,
      ...(group.phone ? { phone_number: group.phone } : {}),
      ...(group.category ? { pricing_category: group.category } : {}),
      ...(metrics.includes('VOLUME') ? { volume: group.volume } : {}),
      // A partner's credit line pays these messages: Meta reports no cost (UNVERIFIED, docs/meta.md).
      ...(metrics.includes('COST') && !waba.partnerCreditLine
        ? { cost: Math.round(group.cost * 1e6) / 1e6 }
        : {}),
    }));
  });
  return { json: { data: [{ data_points: points }] } };
};

export { analyticsField, pricingAnalytics };
