import { describe, expect, it } from 'vitest';
import { loadCountryPolicy } from '../../../../functions/adapters/wiring/ads-config.js';
import { ConfigError } from '../../../../functions/core/errors.js';

describe('Function: loadCountryPolicy', () => {
  it('adds nothing to the regional rules by default', () => {
    expect(loadCountryPolicy({})).toEqual({});
  });

  it('reads comma-separated allow and deny lists, trimming and upper-casing', () => {
    // Act
    const policy = loadCountryPolicy({ ADS_COUNTRY_ALLOW: 'gb, FR ,de', ADS_COUNTRY_DENY: 'RU' });

    // Assess
    expect(policy).toEqual({ allow: ['GB', 'FR', 'DE'], deny: ['RU'] });
  });

  it('denies nothing when ADS_COUNTRY_DENY is set empty', () => {
    expect(loadCountryPolicy({ ADS_COUNTRY_DENY: '' })).toEqual({});
  });

  it('fails fast on a malformed code, naming the variable', () => {
    expect(() => loadCountryPolicy({ ADS_COUNTRY_ALLOW: 'GB,France' })).toThrow(ConfigError);
    expect(() => loadCountryPolicy({ ADS_COUNTRY_ALLOW: 'GB,France' })).toThrow(
      /ADS_COUNTRY_ALLOW/
    );
  });
});
