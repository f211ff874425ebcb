import { MESSAGING_CONVERSATION_STARTED } from '../../core/ads/read.js';
import type { StatsGateway } from '../../core/stats/ports.js';
import * as z from '../../core/zod.js';
import type { GraphClient } from '../graph/index.js';
import { graphCalls } from './graph-calls.js';

/**
 * The statistics pull's Graph calls (docs/meta.md lists each with its token and permissions):
 * - `GET /{waba-id}?fields=currency,analytics.start().end().granularity(DAY).phone_numbers([...])`:
 *   messages sent and delivered; `analytics` is a field of the WABA taking filters as modifiers
 *   (https://developers.facebook.com/docs/graph-api/reference/waba-analytics/).
 * - `GET /{waba-id}/pricing_analytics?start&end&granularity=DAILY&phone_numbers&dimensions&metric_types`:
 *   volume and cost per pricing category, the GET edge Meta's codegen spec
 *   (WhatsAppBusinessAccount.json) declares with these parameters
 *   (https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/pricing_analytics/).
 * - `GET /{ad-id}/insights?time_increment=1`: the ad's results one row per day.
 */

const count = z._default(z.coerce.number(), 0);
const analyticsNode = z.looseObject({
  currency: z.optional(z.string()),
  analytics: z.optional(
    z.looseObject({
      data_points: z._default(
        z.array(z.looseObject({ start: z.coerce.number(), sent: count, delivered: count })),
        []
      ),
    })
  ),
});
/** Cost is left out, not 0, when a partner's credit line pays (UNVERIFIED: docs/meta.md). */
const pricingEdge = z.looseObject({
  data: z._default(
    z.array(
      z.looseObject({
        data_points: z._default(
          z.array(
            z.looseObject({
              start: z.coerce.number(),
              pricing_category: z._default(z.string(), 'UNKNOWN'),
              volume: count,
              cost: z.optional(z.coerce.number()),
            })
          ),
          []
        ),
      })
    ),
    []
  ),
});
const dailyInsights = z.looseObject({
  data: z.array(
    z.looseObject({
      date_start: z.string(),
      spend: z.optional(z.coerce.number()),
      impressions: z.optional(z.coerce.number()),
      actions: z.optional(
        z.array(z.looseObject({ action_type: z.string(), value: z.coerce.number() }))
      ),
    })
  ),
});

/** A month of daily rows fits one page; the pull never asks for more days at once. */
const INSIGHTS_PAGE = 100;

const createStatsGateway = (graph: () => Promise<GraphClient>): StatsGateway => {
  const call = graphCalls(graph);
  return {
    getMessagingAnalytics: (token, wabaId, phoneNumber, window) =>
      call(async (client) => {
        const numbers = JSON.stringify([phoneNumber]);
        const waba = encodeURIComponent(wabaId);
        const { data: node } = await client.get(
          token,
          waba,
          {
            fields: `currency,analytics.start(${window.start}).end(${window.end}).granularity(DAY).phone_numbers(${numbers})`,
          },
          analyticsNode
        );
        const { data: pricing } = await client.get(
          token,
          `${waba}/pricing_analytics`,
          {
            start: window.start,
            end: window.end,
            granularity: 'DAILY',
            phone_numbers: numbers,
            dimensions: JSON.stringify(['PRICING_CATEGORY']),
            metric_types: JSON.stringify(['VOLUME', 'COST']),
          },
          pricingEdge
        );
        return {
          ...(node.currency ? { currency: node.currency } : {}),
          delivery: (node.analytics?.data_points ?? []).map((point) => ({
            start: point.start,
            sent: point.sent,
            delivered: point.delivered,
          })),
          pricing: pricing.data.flatMap((series) =>
            series.data_points.map((point) => ({
              start: point.start,
              category: point.pricing_category,
              volume: point.volume,
              ...(point.cost !== undefined ? { cost: point.cost } : {}),
            }))
          ),
        };
      }),

    getAdDailyInsights: (token, adId, range) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          `${encodeURIComponent(adId)}/insights`,
          {
            fields: 'spend,impressions,actions',
            time_range: JSON.stringify({ since: range.since, until: range.until }),
            time_increment: 1,
            limit: INSIGHTS_PAGE,
          },
          dailyInsights
        );
        return data.data.map((row) => ({
          day: row.date_start,
          spend: row.spend ?? 0,
          impressions: row.impressions ?? 0,
          conversationsStarted:
            row.actions?.find((action) => action.action_type === MESSAGING_CONVERSATION_STARTED)
              ?.value ?? 0,
        }));
      }),
  };
};

export { createStatsGateway };
