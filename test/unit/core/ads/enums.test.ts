import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPH_API_VERSION } from '../../../../functions/adapters/graph/version.js';
import {
  AD_STATUSES,
  BID_STRATEGIES,
  BILLING_EVENT,
  CALL_TO_ACTION,
  CTWA_OBJECTIVES,
  DESTINATION_TYPE,
  OPTIMIZATION_GOAL_VALUES,
  OPTIMIZATION_GOALS,
} from '../../../../functions/core/ads/enums.js';

/** Meta's facebook-nodejs-business-sdk enum lists for the pinned version (test/fixtures). */
const sdk = JSON.parse(
  readFileSync(new URL('../../../fixtures/meta-sdk-enums.json', import.meta.url), 'utf8')
) as Record<string, string[] | string>;
const list = (name: string): string[] => sdk[name] as string[];

describe('Module: ads enums', () => {
  it('pins the same Graph version as the client', () => {
    expect(sdk.graphVersion).toBe(GRAPH_API_VERSION);
  });

  it.each([
    ['objectives', CTWA_OBJECTIVES, 'Campaign.Objective'],
    ['optimisation goals', OPTIMIZATION_GOAL_VALUES, 'AdSet.OptimizationGoal'],
    ['bid strategies', BID_STRATEGIES, 'AdSet.BidStrategy'],
    ['ad statuses', AD_STATUSES, 'AdSet.Status'],
    ['the destination type', [DESTINATION_TYPE], 'AdSet.DestinationType'],
    ['the billing event', [BILLING_EVENT], 'AdSet.BillingEvent'],
    ['the call to action', [CALL_TO_ACTION], 'AdCreative.CallToActionType.subset'],
  ])('uses only %s the SDK declares', (_what, values, sdkList) => {
    for (const value of values) expect(list(sdkList)).toContain(value);
  });

  it('allows per objective only goals the SDK declares', () => {
    for (const goals of Object.values(OPTIMIZATION_GOALS)) {
      for (const goal of goals) expect(list('AdSet.OptimizationGoal')).toContain(goal);
    }
  });
});
