import { AD_STATUSES } from '../../core/ads/enums.js';
import * as z from '../../core/zod.js';

/**
 * Response schemas of the ads API (OpenAPI), mirroring the core views; test/unit/http/responses.test.ts
 * keeps each equal to its type.
 */

const step = z.enum(['image', 'campaign', 'adSet', 'creative', 'ad']);

const adOperation = z.object({
  operationId: z.string(),
  idempotencyKey: z.string(),
  linkId: z.string(),
  status: z.enum(['in_progress', 'incomplete', 'completed', 'failed']),
  adAccountId: z.string(),
  adStatus: z.enum(AD_STATUSES),
  created: z.object({
    imageHash: z.optional(z.string()),
    campaignId: z.optional(z.string()),
    adSetId: z.optional(z.string()),
    creativeId: z.optional(z.string()),
    adId: z.optional(z.string()),
  }),
  error: z.optional(
    z.object({
      code: z.string(),
      message: z.string(),
      details: z.optional(z.record(z.string(), z.unknown())),
    })
  ),
  cleanedUp: z.optional(z.array(z.object({ step, id: z.string() }))),
  leftBehind: z.optional(z.array(z.object({ step, id: z.string(), reason: z.string() }))),
  notes: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const adInsights = z.object({
  operationId: z.string(),
  adId: z.string(),
  since: z.string(),
  until: z.string(),
  currency: z.nullable(z.string()),
  spend: z.number(),
  impressions: z.number(),
  messagingConversationsStarted: z.number(),
  costPerConversation: z.nullable(z.number()),
});

/** POST /links/{linkId}/ads/images: the image's hash in the ad account's library. */
const imageUploaded = z.object({ adAccountId: z.string(), imageHash: z.string() });

/** GET /links/{linkId}/ads/dsa-recommendations: Meta's suggested beneficiary and payor names. */
const dsaRecommendations = z.object({
  adAccountId: z.string(),
  recommendations: z.array(z.string()),
});

export { adInsights, adOperation, dsaRecommendations, imageUploaded };
