/**
 * Marketing API values for Click-to-WhatsApp ads. Every value here is one Meta's
 * facebook-nodejs-business-sdk declares for v25/v26 (Campaign.Objective, AdSet.DestinationType,
 * AdSet.OptimizationGoal, AdSet.BillingEvent, AdSet.BidStrategy, AdCreative.CallToActionType);
 * test/unit/core/ads/enums.test.ts pins them against those lists.
 */

/** Objectives Meta allows for a WhatsApp destination (ODAX outcome objectives). */
const CTWA_OBJECTIVES = [
  'OUTCOME_ENGAGEMENT',
  'OUTCOME_LEADS',
  'OUTCOME_SALES',
  'OUTCOME_TRAFFIC',
] as const;
type CtwaObjective = (typeof CTWA_OBJECTIVES)[number];

/** Optimisation goals Meta's Click-to-WhatsApp guide allows per objective. */
const OPTIMIZATION_GOALS: Record<CtwaObjective, readonly string[]> = {
  OUTCOME_ENGAGEMENT: ['CONVERSATIONS', 'LINK_CLICKS'],
  OUTCOME_LEADS: ['CONVERSATIONS'],
  OUTCOME_SALES: ['CONVERSATIONS', 'OFFSITE_CONVERSIONS', 'LINK_CLICKS', 'IMPRESSIONS', 'REACH'],
  OUTCOME_TRAFFIC: [
    'CONVERSATIONS',
    'LANDING_PAGE_VIEWS',
    'LINK_CLICKS',
    'IMPRESSIONS',
    'REACH',
    'POST_ENGAGEMENT',
  ],
};

const OPTIMIZATION_GOAL_VALUES = [
  'CONVERSATIONS',
  'LINK_CLICKS',
  'OFFSITE_CONVERSIONS',
  'IMPRESSIONS',
  'REACH',
  'LANDING_PAGE_VIEWS',
  'POST_ENGAGEMENT',
] as const;
type OptimizationGoal = (typeof OPTIMIZATION_GOAL_VALUES)[number];

const DESTINATION_TYPE = 'WHATSAPP';
const BILLING_EVENT = 'IMPRESSIONS';
const CALL_TO_ACTION = 'WHATSAPP_MESSAGE';

const BID_STRATEGIES = ['LOWEST_COST_WITHOUT_CAP', 'LOWEST_COST_WITH_BID_CAP', 'COST_CAP'] as const;
type BidStrategy = (typeof BID_STRATEGIES)[number];

const AD_STATUSES = ['ACTIVE', 'PAUSED'] as const;
type AdStatus = (typeof AD_STATUSES)[number];

export type { AdStatus, BidStrategy, CtwaObjective, OptimizationGoal };
export {
  AD_STATUSES,
  BID_STRATEGIES,
  BILLING_EVENT,
  CALL_TO_ACTION,
  CTWA_OBJECTIVES,
  DESTINATION_TYPE,
  OPTIMIZATION_GOAL_VALUES,
  OPTIMIZATION_GOALS,
};
