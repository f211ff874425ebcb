import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BID_STRATEGIES,
  BILLING_EVENT,
  CALL_TO_ACTION,
  CTWA_OBJECTIVES,
  DESTINATION_TYPE,
  OPTIMIZATION_GOAL_VALUES,
  OPTIMIZATION_GOALS,
} from '../../../../functions/core/ads/enums.js';
import { createAdInput } from '../../../../functions/core/ads/input.js';

const sdk = JSON.parse(
  readFileSync(new URL('../../../fixtures/meta-sdk-enums.json', import.meta.url), 'utf8')
) as Record<string, string[]>;

const valid = () => ({
  adAccountId: 'act_4000000001',
  name: 'Winter bread',
  objective: 'OUTCOME_ENGAGEMENT',
  budget: { kind: 'daily', amountMinor: 2000 },
  schedule: { start: '2026-12-01T09:00:00Z' },
  targeting: { countries: ['GB', 'IE'], ageMin: 21, ageMax: 60 },
  creative: {
    primaryText: 'Warm bread, delivered.',
    headline: 'Order on WhatsApp',
    image: { url: 'https://cdn.example/bread.jpg' },
    prefilledMessage: 'Hi! I would like to order.',
  },
});

const issuesOf = (input: unknown) => {
  const result = createAdInput.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('Enums: Click-to-WhatsApp values', () => {
  it('uses only values the Meta Business SDK declares for the pinned Graph version', () => {
    expect(sdk['Campaign.Objective']).toEqual(expect.arrayContaining([...CTWA_OBJECTIVES]));
    expect(sdk['AdSet.OptimizationGoal']).toEqual(
      expect.arrayContaining([...OPTIMIZATION_GOAL_VALUES])
    );
    expect(sdk['AdSet.OptimizationGoal']).toEqual(
      expect.arrayContaining(Object.values(OPTIMIZATION_GOALS).flat())
    );
    expect(sdk['AdSet.BidStrategy']).toEqual(expect.arrayContaining([...BID_STRATEGIES]));
    expect(sdk['AdSet.DestinationType']).toContain(DESTINATION_TYPE);
    expect(sdk['AdSet.BillingEvent']).toContain(BILLING_EVENT);
    expect(sdk['AdCreative.CallToActionType.subset']).toContain(CALL_TO_ACTION);
  });
});

describe('Schema: createAdInput', () => {
  it('accepts a complete request and fills the defaults', () => {
    // Act
    const result = createAdInput.parse(valid());

    // Assess
    expect(result).toEqual(
      expect.objectContaining({
        optimizationGoal: 'CONVERSATIONS',
        bidStrategy: 'LOWEST_COST_WITHOUT_CAP',
        status: 'PAUSED',
      })
    );
  });

  it('refuses an objective Meta does not allow for WhatsApp destinations', () => {
    expect(issuesOf({ ...valid(), objective: 'OUTCOME_AWARENESS' })[0]).toMatch(/^objective:/);
  });

  it('refuses an optimisation goal the objective does not allow, naming the allowed ones', () => {
    expect(
      issuesOf({ ...valid(), objective: 'OUTCOME_LEADS', optimizationGoal: 'LINK_CLICKS' })
    ).toEqual([
      'optimizationGoal: LINK_CLICKS is not allowed with OUTCOME_LEADS; use one of CONVERSATIONS',
    ]);
  });

  it('requires an end time for a lifetime budget', () => {
    expect(issuesOf({ ...valid(), budget: { kind: 'lifetime', amountMinor: 10000 } })).toEqual([
      'schedule.end: is required with a lifetime budget',
    ]);
  });

  it('refuses a daily budget schedule shorter than 24 hours', () => {
    const input = {
      ...valid(),
      schedule: { start: '2026-12-01T09:00:00Z', end: '2026-12-01T20:00:00Z' },
    };
    expect(issuesOf(input)).toEqual([
      'schedule.end: must be at least 24 hours after the start with a daily budget',
    ]);
  });

  it.each([
    [{ budget: { kind: 'daily', amountMinor: 12.5 } }, 'budget.amountMinor'],
    [{ budget: { kind: 'daily', amountMinor: 0 } }, 'budget.amountMinor'],
    [{ targeting: { countries: ['gb'] } }, 'targeting.countries.0'],
    [{ targeting: { countries: ['GB'], ageMin: 17 } }, 'targeting.ageMin'],
    [{ targeting: { countries: ['GB'], ageMin: 40, ageMax: 30 } }, 'targeting.ageMin'],
    [{ targeting: { countries: ['GB', 'GB'] } }, 'targeting.countries'],
    [{ adAccountId: '../../me' }, 'adAccountId'],
    [{ bidStrategy: 'COST_CAP' }, 'bidAmountMinor'],
    [{ status: 'DELETED' }, 'status'],
    [{ unexpected: true }, ''],
  ])('refuses %j with an issue at %s', (change, path) => {
    expect(issuesOf({ ...valid(), ...change }).map((issue) => issue.split(':')[0])).toContain(path);
  });

  it('refuses a prefilled message over 300 characters and an image over plain http', () => {
    const input = valid();
    input.creative.prefilledMessage = 'x'.repeat(301);
    input.creative.image = { url: 'http://cdn.example/bread.jpg' };
    expect(issuesOf(input).map((issue) => issue.split(':')[0])).toEqual([
      'creative.image.url',
      'creative.prefilledMessage',
    ]);
  });
});
