import * as z from '../zod.js';
import {
  AD_STATUSES,
  BID_STRATEGIES,
  CTWA_OBJECTIVES,
  OPTIMIZATION_GOAL_VALUES,
  OPTIMIZATION_GOALS,
} from './enums.js';

/**
 * The one-call Click-to-WhatsApp ad request. Everything Meta would refuse that can be known without a
 * call is refused here, with a message naming the field, so a bad request never leaves half an ad.
 */
const MAX_ISO_TIME = Date.parse('2100-01-01T00:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

const isoTime = z.iso
  .datetime({ offset: true })
  .check(z.refine((value) => Date.parse(value) < MAX_ISO_TIME, 'must be before 2100'));

const country = z
  .string()
  .check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "GB"'));

const image = z.union([
  z.strictObject({ url: z.url({ protocol: /^https$/ }).check(z.maxLength(2048)) }),
  z.strictObject({
    hash: z
      .string()
      .check(z.regex(/^[0-9a-f]{32}$/i, 'must be a Meta image hash (32 hex characters)')),
  }),
]);

/** An ad account id as the ads API takes it: `act_1234567890` or the bare digits. */
const adAccountId = z
  .string()
  .check(z.regex(/^(act_)?\d{1,20}$/, 'must be an ad account id such as act_1234567890'));

const createAdInput = z
  .strictObject({
    adAccountId,
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    objective: z.enum(CTWA_OBJECTIVES),
    optimizationGoal: z._default(z.enum(OPTIMIZATION_GOAL_VALUES), 'CONVERSATIONS'),
    bidStrategy: z._default(z.enum(BID_STRATEGIES), 'LOWEST_COST_WITHOUT_CAP'),
    bidAmountMinor: z.optional(z.int().check(z.positive(), z.maximum(1_000_000_000))),
    budget: z.strictObject({
      kind: z.enum(['daily', 'lifetime']),
      /** In the ad account currency's minor units (cents for USD). */
      amountMinor: z.int().check(z.positive(), z.maximum(1_000_000_000_000)),
    }),
    schedule: z.strictObject({ start: isoTime, end: z.optional(isoTime) }),
    targeting: z.strictObject({
      countries: z.array(country).check(z.minLength(1), z.maxLength(25)),
      ageMin: z._default(z.int().check(z.minimum(18), z.maximum(65)), 18),
      ageMax: z._default(z.int().check(z.minimum(18), z.maximum(65)), 65),
      /**
       * Meta's Advantage+ audience: when on, Meta may reach beyond the interests and the upper age
       * (countries and the minimum age stay constraints). Off by default, so the ad reaches exactly
       * who was asked for. Sent explicitly either way, as Meta requires from v23.0
       * (https://developers.facebook.com/documentation/ads-commerce/marketing-api/audiences/reference/targeting-expansion/advantage-audience).
       */
      advantageAudience: z._default(z.boolean(), false),
      interests: z.optional(
        z
          .array(
            z.strictObject({
              id: z.string().check(z.regex(/^\d{1,20}$/)),
              name: z.optional(z.string().check(z.maxLength(200))),
            })
          )
          .check(z.maxLength(50))
      ),
    }),
    creative: z.strictObject({
      primaryText: z.string().check(z.trim(), z.minLength(1), z.maxLength(2200)),
      headline: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
      image,
      /** The message the customer's WhatsApp opens with (Meta's autofill limit is 300). */
      prefilledMessage: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    }),
    status: z._default(z.enum(AD_STATUSES), 'PAUSED'),
    /**
     * Who benefits from the ad and who pays for it, required by the EU's Digital Services Act when
     * the ad reaches an EU country. Without it, the ad account's defaults are used; without those,
     * the request is refused before anything is created.
     */
    dsa: z.optional(
      z.strictObject({
        beneficiary: z.string().check(z.trim(), z.minLength(1), z.maxLength(512)),
        payor: z.string().check(z.trim(), z.minLength(1), z.maxLength(512)),
      })
    ),
  })
  .check(
    z.superRefine((input, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      if (!OPTIMIZATION_GOALS[input.objective].includes(input.optimizationGoal)) {
        issue(
          ['optimizationGoal'],
          `${input.optimizationGoal} is not allowed with ${input.objective}; use one of ${OPTIMIZATION_GOALS[input.objective].join(', ')}`
        );
      }
      if (input.targeting.ageMin > input.targeting.ageMax)
        issue(['targeting', 'ageMin'], 'must not be above ageMax');
      if (input.bidStrategy !== 'LOWEST_COST_WITHOUT_CAP' && input.bidAmountMinor === undefined) {
        issue(['bidAmountMinor'], `is required with ${input.bidStrategy}`);
      }
      const start = Date.parse(input.schedule.start);
      const end = input.schedule.end ? Date.parse(input.schedule.end) : undefined;
      if (end !== undefined && end <= start) issue(['schedule', 'end'], 'must be after the start');
      if (input.budget.kind === 'lifetime' && end === undefined) {
        issue(['schedule', 'end'], 'is required with a lifetime budget');
      }
      if (input.budget.kind === 'daily' && end !== undefined && end - start < DAY_MS) {
        issue(['schedule', 'end'], 'must be at least 24 hours after the start with a daily budget');
      }
      if (new Set(input.targeting.countries).size !== input.targeting.countries.length) {
        issue(['targeting', 'countries'], 'must not repeat a country');
      }
    })
  );

type CreateAdInput = z.infer<typeof createAdInput>;

export type { CreateAdInput };
export { adAccountId, createAdInput };
