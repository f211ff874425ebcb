import { enumValues } from '../meta-spec/index.js';

/**
 * Marketing API enums, read from Meta's codegen specs (test/fixtures/contracts/meta-codegen,
 * enum_types.json), so the sandbox refuses exactly the values Meta's own SDKs do not declare.
 */

const codegenEnum = (name: string): readonly string[] => {
  const values = enumValues(name);
  if (!values) throw new Error(`enum_types.json has no ${name}`);
  return values;
};

const OBJECTIVES = codegenEnum('adaccountcampaigns_objective_enum_param');
const SPECIAL_AD_CATEGORIES = codegenEnum('adaccountcampaigns_special_ad_categories_enum_param');
const DESTINATION_TYPES = codegenEnum('adaccountadsets_destination_type_enum_param');
const OPTIMIZATION_GOALS = codegenEnum('adaccountadsets_optimization_goal_enum_param');
const BILLING_EVENTS = codegenEnum('adaccountadsets_billing_event_enum_param');
const BID_STRATEGIES = codegenEnum('adaccountadsets_bid_strategy_enum_param');
const STATUSES = codegenEnum('adaccountcampaigns_status_enum_param');
const CALL_TO_ACTION_TYPES = codegenEnum('AdCreativeLinkDataCallToAction_type');

/** Which optimisation goals a Click-to-WhatsApp ad set may use under each objective (CTWA guide). */
const WHATSAPP_GOALS_BY_OBJECTIVE: Record<string, string[]> = {
  OUTCOME_ENGAGEMENT: ['CONVERSATIONS', 'LINK_CLICKS'],
  OUTCOME_SALES: ['CONVERSATIONS', 'OFFSITE_CONVERSIONS', 'LINK_CLICKS', 'IMPRESSIONS', 'REACH'],
  OUTCOME_TRAFFIC: [
    'CONVERSATIONS',
    'LANDING_PAGE_VIEWS',
    'LINK_CLICKS',
    'IMPRESSIONS',
    'REACH',
    'POST_ENGAGEMENT',
  ],
  OUTCOME_LEADS: ['CONVERSATIONS'],
};

export {
  BID_STRATEGIES,
  BILLING_EVENTS,
  CALL_TO_ACTION_TYPES,
  DESTINATION_TYPES,
  OBJECTIVES,
  OPTIMIZATION_GOALS,
  SPECIAL_AD_CATEGORIES,
  STATUSES,
  WHATSAPP_GOALS_BY_OBJECTIVE,
};
