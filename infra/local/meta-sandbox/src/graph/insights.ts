import { createHash } from 'node:crypto';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { invalidParameter, nonexistingField, unsupportedGet } from '../graph-error.js';
import { jsonParam, paginate, requestedFields, stringParam } from './common.js';
import { adsError, usableAccount, usableObject } from './marketing-common.js';

/**
 * Insights with synthetic but deterministic numbers: each day's figures come from a hash of the
 * object id and the date, so the same query always answers the same and tests can assert on it.
 */

const MESSAGING_STARTED = 'onsite_conversion.messaging_conversation_started_7d';
const DAY_MS = 86_400_000;
const MAX_DAYS = 400;

const INSIGHT_FIELDS = [
  'spend',
  'impressions',
  'reach',
  'clicks',
  'actions',
  'cost_per_action_type',
  'account_id',
  'campaign_id',
  'adset_id',
  'ad_id',
  'date_start',
  'date_stop',
];

const dayNumbers = (id: string, date: string) => {
  const digest = createHash('sha256').update(`${id}:${date}`).digest();
  const impressions = 500 + (digest.readUInt16BE(0) % 1500);
  const cpmCents = 200 + (digest.readUInt16BE(2) % 300);
  return {
    impressions,
    reach: Math.floor(impressions * (0.6 + (digest[4] ?? 0) / 1000)),
    clicks: Math.floor((impressions * (5 + ((digest[5] ?? 0) % 20))) / 1000),
    spendCents: Math.floor((impressions * cpmCents) / 1000),
    conversations: Math.floor((impressions * (1 + ((digest[6] ?? 0) % 6))) / 1000),
  };
};

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const presetRange = (preset: string): { since: string; until: string } => {
  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate()
  );
  const days: Record<string, [number, number]> = {
    today: [0, 0],
    yesterday: [1, 1],
    last_7d: [7, 1],
    last_14d: [14, 1],
    last_30d: [30, 1],
    last_90d: [90, 1],
    maximum: [MAX_DAYS - 1, 0],
  };
  const [back, end] = days[preset] ?? [30, 1];
  return { since: isoDate(today - back * DAY_MS), until: isoDate(today - end * DAY_MS) };
};

const dateRange = (ctx: GraphCtx): { since: string; until: string } => {
  const raw = jsonParam(ctx, 'time_range');
  if (raw === undefined) return presetRange(stringParam(ctx, 'date_preset') ?? 'last_30d');
  const range = raw as { since?: unknown; until?: unknown };
  const since = String(range.since ?? '');
  const until = String(range.until ?? '');
  const valid = /^\d{4}-\d{2}-\d{2}$/;
  if (!valid.test(since) || !valid.test(until) || since > until) {
    throw adsError(
      '(#100) Param time_range must be {"since":"YYYY-MM-DD","until":"YYYY-MM-DD"} with since <= until',
      'Invalid Date Range',
      'Choose a start date on or before the end date.',
      1487534
    );
  }
  if ((Date.parse(until) - Date.parse(since)) / DAY_MS >= MAX_DAYS) {
    throw adsError(
      '(#100) time_range is too long',
      'Date Range Too Long',
      `Ask for at most ${MAX_DAYS} days at a time.`,
      1487535
    );
  }
  return { since, until };
};

const totals = (id: string, since: string, until: string) => {
  const sum = { impressions: 0, reach: 0, clicks: 0, spendCents: 0, conversations: 0 };
  for (let ms = Date.parse(since); ms <= Date.parse(until); ms += DAY_MS) {
    const day = dayNumbers(id, isoDate(ms));
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += day[key];
  }
  return sum;
};

const insightsRow = (id: string, ids: Record<string, string>, since: string, until: string) => {
  const sum = totals(id, since, until);
  const spend = (sum.spendCents / 100).toFixed(2);
  const costPer =
    sum.conversations > 0 ? (sum.spendCents / 100 / sum.conversations).toFixed(6) : undefined;
  return {
    ...ids,
    spend,
    impressions: String(sum.impressions),
    reach: String(sum.reach),
    clicks: String(sum.clicks),
    actions: [
      { action_type: 'link_click', value: String(sum.clicks) },
      { action_type: MESSAGING_STARTED, value: String(sum.conversations) },
      {
        action_type: 'onsite_conversion.total_messaging_connection',
        value: String(sum.conversations),
      },
    ],
    cost_per_action_type: costPer ? [{ action_type: MESSAGING_STARTED, value: costPer }] : [],
    date_start: since,
    date_stop: until,
  };
};

/** Resolves the object the insights are for and the ids Graph reports alongside the numbers. */
const subject = (ctx: GraphCtx): { id: string; ids: Record<string, string> } => {
  const id = ctx.params.id ?? '';
  const account = ctx.store.adAccounts.get(id);
  if (account) {
    usableAccount(ctx, id, false);
    return { id, ids: { account_id: account.accountId } };
  }
  const object = ctx.store.adObjects.get(id);
  if (!object || object.kind === 'adcreative') throw unsupportedGet(id);
  usableObject(ctx, object, false);
  const ids: Record<string, string> = { account_id: object.accountId.replace(/^act_/, '') };
  if (object.kind === 'campaign') ids.campaign_id = object.id;
  if (object.kind === 'adset')
    Object.assign(ids, { campaign_id: String(object.fields.campaign_id), adset_id: object.id });
  if (object.kind === 'ad')
    Object.assign(ids, {
      campaign_id: String(object.fields.campaign_id),
      adset_id: String(object.fields.adset_id),
      ad_id: object.id,
    });
  return { id, ids };
};

/**
 * `time_increment`: `all_days` (the default) answers one row for the range; a number of days answers
 * one row per that many days, each with its own date_start / date_stop (Meta's AdsInsights docs:
 * https://developers.facebook.com/docs/marketing-api/insights/parameters).
 */
const periods = (
  ctx: GraphCtx,
  since: string,
  until: string
): { since: string; until: string }[] => {
  const raw = stringParam(ctx, 'time_increment') ?? 'all_days';
  if (raw === 'all_days') return [{ since, until }];
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw invalidParameter('(#100) Param time_increment must be all_days, monthly or 1 to 90');
  }
  const out: { since: string; until: string }[] = [];
  for (let ms = Date.parse(since); ms <= Date.parse(until); ms += days * DAY_MS) {
    const end = Math.min(ms + (days - 1) * DAY_MS, Date.parse(until));
    out.push({ since: isoDate(ms), until: isoDate(end) });
  }
  return out;
};

const insights = (ctx: GraphCtx): GraphResult => {
  const { id, ids } = subject(ctx);
  const fields = requestedFields(ctx) ?? ['spend', 'impressions', 'date_start', 'date_stop'];
  const unknown = fields.find((field) => !INSIGHT_FIELDS.includes(field));
  if (unknown) throw nonexistingField(unknown, 'AdsInsights');
  const { since, until } = dateRange(ctx);
  const rows = periods(ctx, since, until).map((period) => {
    const row: Record<string, unknown> = insightsRow(id, ids, period.since, period.until);
    return Object.fromEntries(
      [...fields, 'date_start', 'date_stop']
        .filter((field) => row[field] !== undefined)
        .map((field) => [field, row[field]])
    );
  });
  return { json: paginate(ctx, rows, (row) => row) };
};

const insightsRoutes: GraphRoute[] = [
  { method: 'GET', pattern: '/:id/insights', auth: 'token', handle: insights },
];

export { insightsRoutes, MESSAGING_STARTED };
