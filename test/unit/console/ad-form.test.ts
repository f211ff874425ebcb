import { describe, expect, it } from 'vitest';
import {
  type AdForm,
  blankAdForm,
  regionsOf,
  validateAdForm,
} from '../../../console/src/ads/form.js';
import { createAdInput } from '../../../functions/core/ads/input.js';

const filled = (overrides: Partial<AdForm> = {}): AdForm => ({
  ...blankAdForm(new Date('2026-12-01T10:00:00Z')),
  adAccountId: 'act_1234567890',
  name: 'Winter bread',
  budgetAmount: '15.50',
  countries: 'gb, ie',
  primaryText: 'Warm bread, delivered.',
  headline: 'Order on WhatsApp',
  imageUrl: 'https://cdn.example.com/bread.png',
  ...overrides,
});

describe('Console: the ad form', () => {
  it('builds the body the API takes: minor units, ISO times, codes in capitals', () => {
    // Act
    const checked = validateAdForm(filled());

    // Assess
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.body).toMatchObject({
      budget: { kind: 'daily', amountMinor: 1550 },
      targeting: { countries: ['GB', 'IE'], ageMin: 18, ageMax: 65 },
      creative: { image: { url: 'https://cdn.example.com/bread.png' } },
    });
    expect(createAdInput.safeParse(checked.body).success).toBe(true);
  });

  it('refuses the countries the API refuses, beside the countries field', () => {
    // Act
    const checked = validateAdForm(filled({ countries: 'GB, IR' }));

    // Assess
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.countries).toMatch(/cannot target IR/);
  });

  it('says which targeted countries need the DSA fields, and where Status ads do not run', () => {
    // Act
    const regions = regionsOf(filled({ countries: 'US, FR, DE' }));

    // Assess
    expect(regions.refused).toBeUndefined();
    expect(regions.dsaCountries).toEqual(['FR', 'DE']);
    expect(regions.notes.join(' ')).toContain('WhatsApp Status in FR, DE');
    expect(regionsOf(filled({ countries: 'US' })).dsaCountries).toEqual([]);
  });

  it('takes an image hash from the ad account library', () => {
    // Act
    const checked = validateAdForm(filled({ imageUrl: 'a'.repeat(32) }));

    // Assess
    expect(checked.ok && checked.body.creative).toMatchObject({ image: { hash: 'a'.repeat(32) } });
  });

  it('refuses what the API refuses, the message beside the field, in plain words', () => {
    // Act
    const checked = validateAdForm(
      filled({
        headline: '',
        imageUrl: 'http://insecure.example.com/a.png',
        budgetKind: 'lifetime',
      })
    );

    // Assess
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.headline).toBe('Required.');
    expect(checked.errors.imageUrl).toBeDefined();
    expect(checked.errors.end).toBe('is required with a lifetime budget');
  });

  it('asks for a bid amount with a capped strategy, as the API does', () => {
    // Act
    const checked = validateAdForm(filled({ bidStrategy: 'COST_CAP' }));

    // Assess
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.bidAmount).toContain('COST_CAP');
  });
});
