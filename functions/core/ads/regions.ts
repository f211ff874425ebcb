import { ValidationError } from '../errors.js';

/**
 * Where a Click-to-WhatsApp ad may reach, and on what terms: one table of regional rules, each with
 * its Meta source, applied before anything is created. A deployment may narrow it further with its
 * own allow and deny lists (ADS_COUNTRY_ALLOW, ADS_COUNTRY_DENY).
 */

/** The EU's 27 member states (https://european-union.europa.eu/principles-countries-history/eu-countries_en). */
const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

interface RegionalRule {
  id: string;
  countries: readonly string[];
  /**
   * - refuse: no ad may target these countries.
   * - require_dsa: the ad set must name who benefits from the ad and who pays for it.
   * - no_whatsapp_status: Meta offers no ads in WhatsApp Status there; Tandem asks for automatic
   *   placements, so the ad runs on Facebook and Instagram only, which the operation says.
   */
  effect: 'refuse' | 'require_dsa' | 'no_whatsapp_status';
  reason: string;
  source: string;
}

const REGIONAL_RULES: readonly RegionalRule[] = [
  {
    id: 'whatsapp_unavailable',
    countries: ['CU', 'IR', 'KP', 'SY'],
    effect: 'refuse',
    reason:
      "businesses there are not eligible for Meta's WhatsApp Business Platform, so a Click-to-WhatsApp conversation cannot happen (Crimea, Donetsk and Luhansk are excluded too, but are regions, not countries ads can target alone)",
    source:
      'https://developers.secure.facebook.com/docs/whatsapp/cloud-api/support/troubleshooting',
  },
  {
    id: 'eu_digital_services_act',
    countries: EU_COUNTRIES,
    effect: 'require_dsa',
    reason:
      'ads reaching any part of the EU must say who benefits from them and who pays for them (dsa_beneficiary, dsa_payor)',
    source:
      'https://developers.facebook.com/blog/post/2023/05/16/new-marketing-mpa-api-requirements-for-facebook-and-instagram-ads-targeting-eu/',
  },
  {
    id: 'no_whatsapp_status_ads',
    countries: [...EU_COUNTRIES, 'GB', 'IR', 'CU', 'SY', 'RU', 'KP'],
    effect: 'no_whatsapp_status',
    reason: 'Meta offers no ads in WhatsApp Status',
    source:
      'https://developers.facebook.com/documentation/ads-commerce/marketing-api/ads-in-whatsapp-status',
  },
];

/** Countries a deployment allows CTWA ads to target: an allow list, a deny list, or neither. */
interface CountryPolicy {
  allow?: readonly string[];
  deny?: readonly string[];
}

interface RegionalOutcome {
  /** Targeted countries that require DSA beneficiary and payor. */
  dsaCountries: string[];
  /** What the ad will not do where it runs, for the operation to say. */
  notes: string[];
}

const inRule = (rule: RegionalRule, countries: readonly string[]): string[] =>
  countries.filter((country) => rule.countries.includes(country));

/**
 * Applies the regional rules and the deployment's policy to the targeted countries.
 *
 * @throws ValidationError `country_not_available` naming every refused country and why.
 */
const checkRegions = (countries: readonly string[], policy: CountryPolicy): RegionalOutcome => {
  const refusals = REGIONAL_RULES.filter((rule) => rule.effect === 'refuse').flatMap((rule) =>
    inRule(rule, countries).map((country) => ({ country, why: rule.reason, source: rule.source }))
  );
  const byPolicy = countries.filter(
    (code) =>
      !refusals.some((refusal) => refusal.country === code) &&
      ((policy.allow && !policy.allow.includes(code)) || policy.deny?.includes(code))
  );
  if (refusals.length > 0 || byPolicy.length > 0) {
    const refused = [...refusals.map((refusal) => refusal.country), ...byPolicy];
    const why = [
      ...new Set(refusals.map((refusal) => refusal.why)),
      ...(byPolicy.length > 0 ? ["this deployment's country policy does not allow them"] : []),
    ];
    throw new ValidationError(
      `Click-to-WhatsApp ads cannot target ${refused.join(', ')}: ${why.join('; ')}.`,
      {
        refusedCountries: refused,
        rules: refusals.map(({ country, source }) => ({ country, source })),
      },
      'country_not_available'
    );
  }
  const dsaCountries = REGIONAL_RULES.filter((rule) => rule.effect === 'require_dsa').flatMap(
    (rule) => inRule(rule, countries)
  );
  const notes = REGIONAL_RULES.filter((rule) => rule.effect === 'no_whatsapp_status').flatMap(
    (rule) => {
      const affected = inRule(rule, countries);
      return affected.length > 0
        ? [`${rule.reason} in ${affected.join(', ')}: the ad runs on Facebook and Instagram there.`]
        : [];
    }
  );
  return { dsaCountries, notes };
};

export type { CountryPolicy, RegionalOutcome, RegionalRule };
export { checkRegions, EU_COUNTRIES, REGIONAL_RULES };
