import { describe, expect, it } from 'vitest';
import { createClickToWhatsAppAd } from '../../../../functions/core/ads/create.js';
import {
  checkInsightsRange,
  getAdInsights,
  getAdOperation,
} from '../../../../functions/core/ads/read.js';
import { NotFoundError, ValidationError } from '../../../../functions/core/errors.js';
import { aGrant, anInput, fakeDeps, LINK_ID, TENANT } from './fakes.js';

const KEY = 'order-2026-11-20-0002';
const RANGE = { since: '2026-11-01', until: '2026-11-19' };

const created = async () => {
  const setup = fakeDeps();
  const outcome = await createClickToWhatsAppAd(setup.deps, TENANT, LINK_ID, KEY, anInput());
  return { ...setup, outcome };
};

describe('Function: getAdOperation', () => {
  it('finds an operation by its operation id and by its Idempotency-Key', async () => {
    // Prepare
    const { deps, outcome } = await created();

    // Act
    const byId = await getAdOperation(deps, TENANT, LINK_ID, outcome.operation.operationId);
    const byKey = await getAdOperation(deps, TENANT, LINK_ID, KEY);

    // Assess
    expect(byId).toEqual(outcome.operation);
    expect(byKey).toEqual(outcome.operation);
  });

  it.each([
    ['another tenant', 'tenant-b', LINK_ID],
    ['another link', TENANT, `lnk_${'c'.repeat(32)}`],
  ])('reports an operation of %s as missing', async (_case, tenant, link) => {
    // Prepare
    const { deps, outcome } = await created();

    // Act
    const read = getAdOperation(deps, tenant, link, outcome.operation.operationId);

    // Assess
    await expect(read).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports no operation once its link is gone, even one not yet deleted with it', async () => {
    // Prepare
    const { deps, outcome } = await created();
    deps.links = { get: async () => undefined };

    // Act
    const read = getAdOperation(deps, TENANT, LINK_ID, outcome.operation.operationId);

    // Assess
    await expect(read).rejects.toMatchObject({ code: 'link_not_found' });
  });
});

describe('Function: getAdInsights', () => {
  it('reports spend, impressions, conversations started and the cost per conversation', async () => {
    // Prepare
    const { deps, outcome } = await created();

    // Act
    const insights = await getAdInsights(deps, TENANT, LINK_ID, KEY, RANGE);

    // Assess
    expect(insights).toEqual({
      operationId: outcome.operation.operationId,
      adId: outcome.operation.created.adId,
      since: RANGE.since,
      until: RANGE.until,
      currency: 'USD',
      spend: 12.5,
      impressions: 3400,
      messagingConversationsStarted: 5,
      costPerConversation: 2.5,
    });
  });

  it('answers a null cost per conversation when no conversation started', async () => {
    // Prepare
    const { deps, meta } = await created();
    meta.state.insights = { spend: 3, impressions: 100, actions: {} };

    // Act
    const insights = await getAdInsights(deps, TENANT, LINK_ID, KEY, RANGE);

    // Assess
    expect(insights.messagingConversationsStarted).toBe(0);
    expect(insights.costPerConversation).toBeNull();
  });

  it('refuses an operation that has not created its ad', async () => {
    // Prepare
    const { deps, meta } = fakeDeps();
    meta.failOn('create', new ValidationError('no', undefined, 'meta_rejected'), { kind: 'ad' });
    await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Act
    const read = getAdInsights(deps, TENANT, LINK_ID, KEY, RANGE);

    // Assess
    await expect(read).rejects.toMatchObject({ code: 'ad_not_created' });
  });

  it('refuses a grant with neither ads_read nor ads_management', async () => {
    // Prepare
    const { deps } = await created();
    const grant = aGrant({ scopes: ['pages_show_list'] });
    deps.grants = { get: async () => grant };

    // Act
    const read = getAdInsights(deps, TENANT, LINK_ID, KEY, RANGE);

    // Assess
    await expect(read).rejects.toMatchObject({ code: 'ads_permission_missing' });
  });
});

describe('Function: checkInsightsRange', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it.each([
    ['since after until', { since: '2026-11-10', until: '2026-11-01' }, /on or before/],
    ['until in the future', { since: '2026-11-01', until: '2026-11-25' }, /future/],
    ['since more than 37 months back', { since: '2023-10-19', until: '2023-10-30' }, /37 months/],
    ['a span over 93 days', { since: '2026-08-01', until: '2026-11-02' }, /93 days/],
  ])('refuses %s', (_case, range, message) => {
    expect(() => checkInsightsRange(range, now)).toThrow(ValidationError);
    expect(() => checkInsightsRange(range, now)).toThrow(message);
  });

  it.each([
    ['one day', { since: '2026-11-20', until: '2026-11-20' }],
    ['exactly 93 days', { since: '2026-08-20', until: '2026-11-20' }],
    ['tomorrow in UTC (an account time zone ahead)', { since: '2026-11-20', until: '2026-11-21' }],
    ['37 months back', { since: '2023-10-20', until: '2023-10-30' }],
  ])('accepts %s', (_case, range) => {
    expect(() => checkInsightsRange(range, now)).not.toThrow();
  });
});
