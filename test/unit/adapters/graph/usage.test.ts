import { describe, expect, it } from 'vitest';
import { parseUsage } from '../../../../functions/adapters/graph/usage.js';

describe('Function: parseUsage', () => {
  it('reads X-App-Usage percentages', () => {
    // Act
    const usage = parseUsage(
      new Headers({ 'X-App-Usage': '{"call_count":28,"total_cputime":25,"total_time":31}' })
    );

    // Assess
    expect(usage.app).toEqual({ callCount: 28, totalCputime: 25, totalTime: 31 });
    expect(usage.maxUsagePercent).toBe(31);
    expect(usage.retryAfterSeconds).toBeUndefined();
  });

  it('reads every X-Business-Use-Case-Usage entry and the longest regain estimate in seconds', () => {
    // Prepare
    const header = JSON.stringify({
      '400000000000001': [
        {
          type: 'whatsapp_business_management',
          call_count: 95,
          total_cputime: 10,
          total_time: 12,
          estimated_time_to_regain_access: 0,
        },
      ],
      act_600: [
        {
          type: 'ads_management',
          call_count: 100,
          total_cputime: 20,
          total_time: 20,
          estimated_time_to_regain_access: 7,
          ads_api_access_tier: 'standard_access',
        },
      ],
    });

    // Act
    const usage = parseUsage(new Headers({ 'x-business-use-case-usage': header }));

    // Assess
    expect(usage.businessUseCase).toHaveLength(2);
    expect(usage.businessUseCase[1]).toMatchObject({
      businessObjectId: 'act_600',
      type: 'ads_management',
      estimatedTimeToRegainAccessMinutes: 7,
      adsApiAccessTier: 'standard_access',
    });
    expect(usage.maxUsagePercent).toBe(100);
    expect(usage.retryAfterSeconds).toBe(420);
  });

  it('reads X-Ad-Account-Usage and uses its reset only once the account is exhausted', () => {
    // Act
    const busy = parseUsage(
      new Headers({ 'x-ad-account-usage': '{"acc_id_util_pct":9.67,"reset_time_duration":100}' })
    );
    const exhausted = parseUsage(
      new Headers({ 'x-ad-account-usage': '{"acc_id_util_pct":100,"reset_time_duration":100}' })
    );

    // Assess
    expect(busy.adAccount).toEqual({
      accIdUtilPct: 9.67,
      resetTimeDurationSeconds: 100,
      adsApiAccessTier: undefined,
    });
    expect(busy.maxUsagePercent).toBe(9.67);
    expect(busy.retryAfterSeconds).toBeUndefined();
    expect(exhausted.retryAfterSeconds).toBe(100);
  });

  it('ignores missing and malformed headers', () => {
    // Act
    const usage = parseUsage(
      new Headers({ 'x-app-usage': 'not json', 'x-business-use-case-usage': '[1,2]' })
    );

    // Assess
    expect(usage).toEqual({
      app: undefined,
      businessUseCase: [],
      adAccount: undefined,
      maxUsagePercent: 0,
      retryAfterSeconds: undefined,
    });
  });
});
