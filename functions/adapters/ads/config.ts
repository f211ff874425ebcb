import type { CountryPolicy } from '../../core/ads/plan.js';
import * as z from '../../core/zod.js';
import { loadConfig } from '../config.js';

/**
 * Where this deployment lets Click-to-WhatsApp ads run. Both lists are comma-separated ISO 3166-1
 * alpha-2 codes. Unset ADS_COUNTRY_ALLOW means "everywhere not denied". Unset ADS_COUNTRY_DENY means
 * the default below; set it to an empty string to deny nothing.
 */

/**
 * Tandem's default, not a rule found in Meta's docs: the comprehensively US-sanctioned countries,
 * where Meta's ad delivery is not offered. A deployment overrides it with ADS_COUNTRY_DENY.
 */
const DEFAULT_DENIED = 'CU,IR,KP,SY';

const countryList = (name: string) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((value) =>
        value
          .split(',')
          .map((code) => code.trim().toUpperCase())
          .filter((code) => code !== '')
      )
    ),
    z.array(
      z
        .string()
        .check(z.regex(/^[A-Z]{2}$/, `${name} must list ISO 3166-1 alpha-2 codes, e.g. "GB,FR"`))
    )
  );

const adsConfig = z.object({
  ADS_COUNTRY_ALLOW: z.optional(countryList('ADS_COUNTRY_ALLOW')),
  ADS_COUNTRY_DENY: z._default(countryList('ADS_COUNTRY_DENY'), DEFAULT_DENIED.split(',')),
});

/** Reads the country policy once (module scope); a malformed list fails the cold start. */
const loadCountryPolicy = (
  env: Record<string, string | undefined> = process.env
): CountryPolicy => {
  const config = loadConfig(adsConfig, env);
  return {
    ...(config.ADS_COUNTRY_ALLOW?.length ? { allow: config.ADS_COUNTRY_ALLOW } : {}),
    ...(config.ADS_COUNTRY_DENY.length ? { deny: config.ADS_COUNTRY_DENY } : {}),
  };
};

export { adsConfig, DEFAULT_DENIED, loadCountryPolicy };
