import { GRANULARITIES, PRICING_CATEGORIES } from '../../core/stats/model.js';
import * as z from '../../core/zod.js';

/**
 * Response schemas of the statistics API (OpenAPI), mirroring the core views;
 * test/unit/http/responses.test.ts keeps each equal to its type.
 */

const categoryFigures = z.object({
  volume: z.number(),
  cost: z.nullable(z.number()),
});

const bucket = z.object({
  start: z.string(),
  end: z.string(),
  sent: z.number(),
  delivered: z.number(),
  volume: z.number(),
  cost: z.nullable(z.number()),
  costComplete: z.boolean(),
  byCategory: z.partialRecord(z.enum(PRICING_CATEGORIES), categoryFigures),
  ads: z.nullable(
    z.object({
      spend: z.nullable(z.number()),
      impressions: z.number(),
      conversationsStarted: z.number(),
      costPerConversation: z.nullable(z.number()),
    })
  ),
});

const rollupShape = {
  since: z.string(),
  until: z.string(),
  granularity: z.enum(GRANULARITIES),
  currency: z.nullable(z.string()),
  adCurrency: z.nullable(z.string()),
  buckets: z.array(bucket),
  totals: bucket,
  notes: z.array(z.string()),
};

const linkStats = z.object({ linkId: z.string(), ...rollupShape });
const tenantStats = z.object({ links: z.number(), ...rollupShape });

export { linkStats, tenantStats };
