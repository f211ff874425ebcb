import { describe, expect, it } from 'vitest';
import { checkRegions, REGIONAL_RULES } from '../../../../functions/core/ads/regions.js';
import { ValidationError } from '../../../../functions/core/errors.js';

describe('Function: checkRegions', () => {
  it('passes countries the rules and the policy allow, needing nothing more outside the EU', () => {
    expect(checkRegions(['US', 'CA'], {})).toEqual({ dsaCountries: [], notes: [] });
    expect(checkRegions(['GB'], { allow: ['GB', 'IE'] }).dsaCountries).toEqual([]);
  });

  it('refuses countries where WhatsApp Business is not offered, whatever the policy says', () => {
    // Act
    const act = () => checkRegions(['US', 'IR', 'SY'], { allow: ['US', 'IR', 'SY'] });

    // Assess
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(/IR, SY/);
    expect(act).toThrow(/not eligible/);
  });

  it("refuses the deployment's denied countries in the same error", () => {
    // Act
    const act = () => checkRegions(['GB', 'RU', 'KP'], { deny: ['RU'] });

    // Assess
    expect(act).toThrow(/KP, RU/);
    expect(act).toThrow(/country policy/);
  });

  it('names the EU countries that need a DSA beneficiary and payor', () => {
    expect(checkRegions(['US', 'FR', 'DE'], {}).dsaCountries).toEqual(['FR', 'DE']);
  });

  it('says where WhatsApp Status ads are not offered, the EU and the UK among them', () => {
    // Act
    const { notes } = checkRegions(['GB', 'US'], {});

    // Assess
    expect(notes).toEqual([expect.stringContaining('WhatsApp Status')]);
    expect(notes[0]).toContain('GB');
  });

  it('cites a Meta source for every rule', () => {
    for (const rule of REGIONAL_RULES) expect(rule.source).toMatch(/^https:\/\/developers\./);
  });
});
