import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../helpers/system.js';
import { adBody, bodyOf, graph, type Linked, linkedTenant } from './linked.js';

/** Insights read-back through the local gateway, checked against the sandbox's own numbers. */

const MESSAGING_STARTED = 'onsite_conversion.messaging_conversation_started_7d';
const isoDay = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let linked: Linked;
let operationId: string;
let adId: string;

beforeAll(async () => {
  linked = await linkedTenant();
  const response = await api(`/links/${linked.linkId}/ads`, {
    tenant: linked.tenant,
    body: adBody(linked),
    headers: { 'idempotency-key': `key-${randomBytes(8).toString('hex')}` },
  });
  const body = await bodyOf(response);
  operationId = body.operationId;
  adId = body.created.adId ?? '';
});

const insights = (query: string, tenant = linked.tenant) =>
  api(`/links/${linked.linkId}/ads/${operationId}/insights${query}`, { tenant });

describe('Function: getAdInsights', () => {
  it('reports spend, impressions, conversations started and the cost per conversation for a range', async () => {
    // Prepare
    const since = isoDay(-30);
    const until = isoDay(-1);
    const meta = await graph<{
      data: {
        spend: string;
        impressions: string;
        actions: { action_type: string; value: string }[];
      }[];
    }>(
      linked.token,
      `${adId}/insights?fields=spend,impressions,actions&time_range=${encodeURIComponent(JSON.stringify({ since, until }))}`
    );
    const row = meta.body.data[0];
    const conversations = Number(
      row?.actions.find((action) => action.action_type === MESSAGING_STARTED)?.value ?? 0
    );

    // Act
    const response = await insights(`?since=${since}&until=${until}`);

    // Assess
    expect(response.status).toBe(200);
    const body = await bodyOf(response);
    expect(body).toEqual({
      operationId,
      adId,
      since,
      until,
      currency: 'USD',
      spend: Number(row?.spend),
      impressions: Number(row?.impressions),
      messagingConversationsStarted: conversations,
      costPerConversation:
        conversations > 0 ? Math.round((Number(row?.spend) / conversations) * 100) / 100 : null,
    });
  });

  it.each([
    ['since after until', `?since=${isoDay(-1)}&until=${isoDay(-5)}`, /on or before/],
    ['a span over 93 days', `?since=${isoDay(-120)}&until=${isoDay(-1)}`, /93 days/],
    ['a date more than 37 months back', `?since=2020-01-01&until=2020-01-31`, /37 months/],
    ['a date in the future', `?since=${isoDay(-1)}&until=${isoDay(10)}`, /future/],
  ])('answers 400 for %s', async (_case, query, message) => {
    // Act
    const response = await insights(query);

    // Assess
    expect(response.status).toBe(400);
    const body = await bodyOf(response);
    expect(body.error.code).toBe('invalid_date_range');
    expect(body.error.message).toMatch(message);
  });

  it.each([
    ['a missing until', `?since=${isoDay(-3)}`],
    ['a malformed date', '?since=2026-13-01&until=2026-13-02'],
  ])('answers 400 for %s', async (_case, query) => {
    // Act
    const response = await insights(query);

    // Assess
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).error.code).toBe('invalid_request');
  });

  it("answers 404 for another tenant's operation", async () => {
    // Act
    const response = await insights(`?since=${isoDay(-3)}&until=${isoDay(-1)}`, 'someone-else');

    // Assess
    expect(response.status).toBe(404);
  });
});
