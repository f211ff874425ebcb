import type { GraphCtx } from '../context.js';
import { digitsOf } from '../seed.js';
import type { AdAccount, AdObject } from '../store.js';
import { stringParam } from './common.js';
import { adsError, objectParam, oneOf, ownObject, required } from './marketing-common.js';
import {
  BID_STRATEGIES,
  BILLING_EVENTS,
  DESTINATION_TYPES,
  OPTIMIZATION_GOALS,
  WHATSAPP_GOALS_BY_OBJECTIVE,
} from './marketing-enums.js';

/** The ad-set rules a Click-to-WhatsApp flow runs into, each a Meta-style error. */

const MIN_DAILY_BUDGET = 100;

const budgetValue = (ctx: GraphCtx, name: string): number | undefined => {
  const raw = stringParam(ctx, name);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw adsError(
      `(#100) Param ${name} must be a non-negative integer`,
      'Invalid Budget',
      `${name} is given in the account currency's smallest unit (for USD, cents).`
    );
  }
  return value;
};

const timeValue = (ctx: GraphCtx, name: string): number | undefined => {
  const raw = stringParam(ctx, name);
  if (raw === undefined || raw === '' || raw === '0') return undefined;
  const seconds = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw) / 1000;
  if (!Number.isFinite(seconds)) {
    throw adsError(
      `(#100) Param ${name} must be a valid time`,
      'Invalid Time',
      `Use ISO 8601 (2026-03-12T23:59:59-0700) or a UNIX timestamp for ${name}.`
    );
  }
  return seconds;
};

interface Budget {
  daily_budget?: string;
  lifetime_budget?: string;
  start_time?: string;
  end_time?: string;
}

const toIso = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

const checkBudget = (ctx: GraphCtx, account: AdAccount): Budget => {
  const daily = budgetValue(ctx, 'daily_budget');
  const lifetime = budgetValue(ctx, 'lifetime_budget');
  const start = timeValue(ctx, 'start_time') ?? Math.floor(Date.now() / 1000);
  const end = timeValue(ctx, 'end_time');
  if ((daily ?? 0) > 0 === (lifetime ?? 0) > 0) {
    throw adsError(
      '(#100) Either daily_budget or lifetime_budget must be set, not both',
      'Budget Required',
      'Set a daily budget or a lifetime budget for this ad set (exactly one).',
      1885621
    );
  }
  const amount = daily ?? lifetime ?? 0;
  if (amount < MIN_DAILY_BUDGET) {
    throw adsError(
      `(#100) The budget is too low: the minimum is ${MIN_DAILY_BUDGET} (${(MIN_DAILY_BUDGET / 100).toFixed(2)} ${account.currency})`,
      'Your Budget Is Too Low',
      `Your budget must be at least ${(MIN_DAILY_BUDGET / 100).toFixed(2)} ${account.currency} a day.`,
      1885272
    );
  }
  if (lifetime && end === undefined) {
    throw adsError(
      '(#100) end_time is required when lifetime_budget is set',
      'End Time Required',
      'An ad set with a lifetime budget needs an end time.',
      1487188
    );
  }
  if (end !== undefined && end <= start) {
    throw adsError(
      '(#100) end_time must be after start_time',
      'Invalid Schedule',
      'The ad set must end after it starts.',
      1487189
    );
  }
  if (daily && end !== undefined && end - start < 24 * 3600) {
    throw adsError(
      '(#100) An ad set with a daily budget must run for more than 24 hours',
      'Schedule Too Short',
      'Ad sets with a daily budget must run for at least 24 hours.',
      1487190
    );
  }
  return {
    ...(daily ? { daily_budget: String(daily) } : {}),
    ...(lifetime ? { lifetime_budget: String(lifetime) } : {}),
    start_time: toIso(start),
    ...(end !== undefined ? { end_time: toIso(end) } : {}),
  };
};

const checkTargeting = (ctx: GraphCtx): Record<string, unknown> => {
  const targeting = objectParam(ctx, 'targeting');
  if (!targeting) required(ctx, 'targeting');
  const geo = targeting?.geo_locations as Record<string, unknown> | undefined;
  const countries = geo?.countries;
  if (
    !Array.isArray(countries) ||
    countries.length === 0 ||
    !countries.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c))
  ) {
    throw adsError(
      '(#100) targeting.geo_locations.countries must list ISO country codes',
      'Location Required',
      'Choose at least one country (two-letter ISO code) to show your ads in.',
      1487756
    );
  }
  const ageMin = Number(targeting?.age_min ?? 18);
  const ageMax = Number(targeting?.age_max ?? 65);
  if (!(ageMin >= 13 && ageMin <= 65 && ageMax >= ageMin && ageMax <= 65)) {
    throw adsError(
      '(#100) Invalid age range in targeting',
      'Invalid Age Range',
      'age_min must be at least 13, and age_max at most 65 and not below age_min.',
      1487079
    );
  }
  return targeting ?? {};
};

const checkBid = (ctx: GraphCtx): Record<string, unknown> => {
  const strategy = stringParam(ctx, 'bid_strategy');
  if (strategy === undefined) return {};
  oneOf(ctx, 'bid_strategy', BID_STRATEGIES);
  const needsAmount = strategy === 'COST_CAP' || strategy === 'LOWEST_COST_WITH_BID_CAP';
  const amount = stringParam(ctx, 'bid_amount');
  if (needsAmount && !amount) {
    throw adsError(
      `(#100) bid_amount is required for bid_strategy ${strategy}`,
      'Bid Amount Required',
      `Set a bid amount to use the ${strategy} bid strategy.`,
      1815857
    );
  }
  return { bid_strategy: strategy, ...(amount ? { bid_amount: amount } : {}) };
};

/** A Click-to-WhatsApp ad set needs the Page linked to a WhatsApp number on Meta's side. */
const checkWhatsAppDestination = (ctx: GraphCtx, promoted: Record<string, unknown>): void => {
  const pageId = String(promoted.page_id ?? '');
  if (!pageId) {
    throw adsError(
      '(#100) promoted_object.page_id is required for destination_type WHATSAPP',
      'Page Required',
      'Choose the Facebook Page whose WhatsApp number people will message.',
      1885024
    );
  }
  const page = ctx.store.pages.get(pageId);
  const caller = ctx.caller;
  if (!page || caller?.kind !== 'USER' || !page.roles.get(caller.userId)?.includes('ADVERTISE')) {
    throw adsError(
      `(#100) Param promoted_object.page_id is not a Page you can advertise for: ${pageId}`,
      'Page Not Available',
      'You need the ADVERTISE task on this Page to promote it.',
      1885025
    );
  }
  if (!page.whatsappNumber) {
    throw adsError(
      '(#100) The Page has no WhatsApp number connected',
      'WhatsApp Number Not Connected',
      `The Facebook Page ${page.name} (${page.id}) has no WhatsApp Business number linked. Link a WhatsApp number to the Page before creating a Click-to-WhatsApp ad set.`,
      2446885
    );
  }
  const wanted = promoted.whatsapp_phone_number;
  if (wanted !== undefined && digitsOf(String(wanted)) !== digitsOf(page.whatsappNumber)) {
    throw adsError(
      '(#100) promoted_object.whatsapp_phone_number is not the number linked to the Page',
      'WhatsApp Number Mismatch',
      `The Page is linked to +${page.whatsappNumber}, not ${String(wanted)}.`,
      2446886
    );
  }
};

const checkGoal = (campaign: AdObject, destination: string | undefined, goal: string): void => {
  if (destination !== 'WHATSAPP') return;
  const objective = String(campaign.fields.objective ?? '');
  const allowed = WHATSAPP_GOALS_BY_OBJECTIVE[objective];
  if (!allowed) {
    throw adsError(
      `(#100) Objective ${objective} does not support destination_type WHATSAPP`,
      'Objective Not Supported',
      'Click-to-WhatsApp ad sets need a campaign with objective OUTCOME_ENGAGEMENT, OUTCOME_LEADS, OUTCOME_SALES or OUTCOME_TRAFFIC.',
      2490487
    );
  }
  if (!allowed.includes(goal)) {
    throw adsError(
      `(#100) optimization_goal ${goal} is not valid for objective ${objective} with destination_type WHATSAPP`,
      'Invalid Optimization Goal',
      `With ${objective}, choose one of: ${allowed.join(', ')}.`,
      2490408
    );
  }
};

/** Every ad-set rule in order; answers the fields to store. */
/** Who benefits and who pays (EU DSA); required for EU targeting by meta-spec's rules, kept when given. */
const dsaFields = (ctx: GraphCtx): Record<string, string> => {
  const beneficiary = stringParam(ctx, 'dsa_beneficiary');
  const payor = stringParam(ctx, 'dsa_payor');
  return {
    ...(beneficiary !== undefined ? { dsa_beneficiary: beneficiary } : {}),
    ...(payor !== undefined ? { dsa_payor: payor } : {}),
  };
};

const checkAdSet = (
  ctx: GraphCtx,
  account: AdAccount
): { name: string; fields: Record<string, unknown> } => {
  const name = required(ctx, 'name');
  const campaign = ownObject(ctx, required(ctx, 'campaign_id'), 'campaign', account);
  const destination = stringParam(ctx, 'destination_type');
  if (destination !== undefined) oneOf(ctx, 'destination_type', DESTINATION_TYPES);
  const billing = oneOf(ctx, 'billing_event', BILLING_EVENTS);
  const goal = oneOf(ctx, 'optimization_goal', OPTIMIZATION_GOALS);
  const bid = checkBid(ctx);
  const budget = checkBudget(ctx, account);
  const targeting = checkTargeting(ctx);
  const promoted = objectParam(ctx, 'promoted_object') ?? {};
  if (destination === 'WHATSAPP') checkWhatsAppDestination(ctx, promoted);
  checkGoal(campaign, destination, goal);
  return {
    name,
    fields: {
      campaign_id: campaign.id,
      ...(destination ? { destination_type: destination } : {}),
      billing_event: billing,
      optimization_goal: goal,
      ...bid,
      ...budget,
      targeting,
      promoted_object: promoted,
      ...dsaFields(ctx),
    },
  };
};

export { checkAdSet };
