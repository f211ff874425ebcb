import { ValidationError } from '../errors.js';
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
}

const accountPath = (input: CreateAdInput): string =>
  input.adAccountId.startsWith('act_') ? input.adAccountId : `act_${input.adAccountId}`;

const unixSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Graph parameters per step. Objects are created with the requested status (PAUSED by default). */
const campaignParams = (input: CreateAdInput) => ({
  name: input.name,
  objective: input.objective,
  special_ad_categories: [],
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
  },
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

/** Countries a deployment allows CTWA ads to target: an allow list, a deny list, or neither. */
interface CountryPolicy {
  allow?: readonly string[];
  deny?: readonly string[];
}

/** Refuses, in one error, every targeted country the availability policy rules out. */
const checkCountries = (countries: readonly string[], policy: CountryPolicy): void => {
  const refused = countries.filter(
    (code) => (policy.allow && !policy.allow.includes(code)) || policy.deny?.includes(code)
  );
  if (refused.length > 0) {
    throw new ValidationError(
      `Click-to-WhatsApp ads are not available in ${refused.join(', ')} under this deployment's country policy.`,
      { refusedCountries: refused },
      'country_not_available'
    );
  }
};

export type { AdProgress, AdStep, AdTarget, CountryPolicy };
export {
  AD_STEPS,
  accountPath,
  adParams,
  adSetParams,
  campaignParams,
  checkCountries,
  cleanupOrder,
  creativeParams,
  nextStep,
  PROGRESS_KEY,
};
