import { BILLING_EVENT, CALL_TO_ACTION, DESTINATION_TYPE } from './enums.js';
import type { CreateAdInput } from './input.js';

/**
 * Creating a Click-to-WhatsApp ad is five Graph calls that each create something billable-adjacent.
 * The plan is pure: which step comes next given what already exists, and the exact parameters of
 * each call, so a retry resumes where it stopped and never creates a second campaign.
 */
const AD_STEPS = ['image', 'campaign', 'adSet', 'creative', 'ad'] as const;
type AdStep = (typeof AD_STEPS)[number];

/** What has been created so far; persisted after every step under the Idempotency-Key. */
interface AdProgress {
  imageHash?: string;
  campaignId?: string;
  adSetId?: string;
  creativeId?: string;
  adId?: string;
}

const PROGRESS_KEY: Record<AdStep, keyof AdProgress> = {
  image: 'imageHash',
  campaign: 'campaignId',
  adSet: 'adSetId',
  creative: 'creativeId',
  ad: 'adId',
};

/** The first step whose result is not yet recorded, or undefined when the ad is complete. */
const nextStep = (progress: AdProgress): AdStep | undefined =>
  AD_STEPS.find((step) => progress[PROGRESS_KEY[step]] === undefined);

interface AdTarget {
  pageId: string;
  /** The WhatsApp number in international format, digits only, as Meta's promoted_object takes it. */
  whatsappNumber: string;
  /** Who benefits and who pays, when the ad reaches the EU (from the request or the account). */
  dsa?: { beneficiary: string; payor: string };
}

/** `act_<id>` as Graph names an ad account, given the id with or without its prefix. */
const accountPath = (adAccountId: string): string =>
  adAccountId.startsWith('act_') ? adAccountId : `act_${adAccountId}`;

const unixSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Graph parameters per step. Objects are created with the requested status (PAUSED by default). */
const campaignParams = (input: CreateAdInput) => ({
  name: input.name,
  objective: input.objective,
  special_ad_categories: [],
  // The budget is on the ad set, and from v24.0 Meta requires saying whether ad sets share it
  // (https://developers.facebook.com/documentation/ads-commerce/marketing-api/bidding/guides/adset-budget-sharing).
  is_adset_budget_sharing_enabled: false,
  status: input.status,
});

const adSetParams = (input: CreateAdInput, target: AdTarget, campaignId: string) => ({
  name: `${input.name} - ad set`,
  campaign_id: campaignId,
  destination_type: DESTINATION_TYPE,
  billing_event: BILLING_EVENT,
  optimization_goal: input.optimizationGoal,
  bid_strategy: input.bidStrategy,
  ...(input.bidAmountMinor !== undefined ? { bid_amount: input.bidAmountMinor } : {}),
  [input.budget.kind === 'daily' ? 'daily_budget' : 'lifetime_budget']: input.budget.amountMinor,
  promoted_object: { page_id: target.pageId, whatsapp_phone_number: target.whatsappNumber },
  targeting: {
    geo_locations: { countries: input.targeting.countries },
    age_min: input.targeting.ageMin,
    age_max: input.targeting.ageMax,
    ...(input.targeting.interests?.length
      ? {
          flexible_spec: [
            { interests: input.targeting.interests.map(({ id, name }) => ({ id, name })) },
          ],
        }
      : {}),
    targeting_automation: { advantage_audience: input.targeting.advantageAudience ? 1 : 0 },
  },
  ...(target.dsa ? { dsa_beneficiary: target.dsa.beneficiary, dsa_payor: target.dsa.payor } : {}),
  start_time: unixSeconds(input.schedule.start),
  ...(input.schedule.end ? { end_time: unixSeconds(input.schedule.end) } : {}),
  status: input.status,
});

const creativeParams = (input: CreateAdInput, target: AdTarget, imageHash: string) => ({
  name: `${input.name} - creative`,
  object_story_spec: {
    page_id: target.pageId,
    link_data: {
      name: input.creative.headline,
      message: input.creative.primaryText,
      image_hash: imageHash,
      link: 'https://api.whatsapp.com/send',
      page_welcome_message: JSON.stringify({
        type: 'VISUAL_EDITOR',
        version: 2,
        landing_screen_type: 'welcome_message',
        media_type: 'text',
        text_format: {
          customer_action_type: 'autofill_message',
          message: {
            autofill_message: { content: input.creative.prefilledMessage },
            text: input.creative.prefilledMessage,
          },
        },
      }),
      call_to_action: { type: CALL_TO_ACTION, value: { app_destination: 'WHATSAPP' } },
    },
  },
});

const adParams = (input: CreateAdInput, adSetId: string, creativeId: string) => ({
  name: input.name,
  adset_id: adSetId,
  creative: { creative_id: creativeId },
  status: input.status,
});

/** Which objects exist, newest first: the order a clean-up deletes them in. */
const cleanupOrder = (progress: AdProgress): { step: AdStep; id: string }[] =>
  (['ad', 'creative', 'adSet', 'campaign'] as const).flatMap((step) => {
    const id = progress[PROGRESS_KEY[step]];
    return id ? [{ step, id }] : [];
  });

export type { AdProgress, AdStep, AdTarget };
export {
  AD_STEPS,
  accountPath,
  adParams,
  adSetParams,
  campaignParams,
  cleanupOrder,
  creativeParams,
  nextStep,
  PROGRESS_KEY,
};
