import type { CountryPolicy } from '../../core/ads/regions.js';
import * as z from '../../core/zod.js';
import { loadConfig } from '../config.js';

/**
 * Where this deployment lets Click-to-WhatsApp ads run, on top of the regional rules every
 * deployment applies (functions/core/ads/regions.ts). Both lists are comma-separated ISO 3166-1
 * alpha-2 codes; unset ADS_COUNTRY_ALLOW means "everywhere the rules allow", unset ADS_COUNTRY_DENY
 * means nothing more is denied.
 */

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
  ADS_COUNTRY_DENY: z.optional(countryList('ADS_COUNTRY_DENY')),
});

/** Reads the country policy once (module scope); a malformed list fails the cold start. */
const loadCountryPolicy = (
  env: Record<string, string | undefined> = process.env
): CountryPolicy => {
  const config = loadConfig(adsConfig, env);
  return {
    ...(config.ADS_COUNTRY_ALLOW?.length ? { allow: config.ADS_COUNTRY_ALLOW } : {}),
    ...(config.ADS_COUNTRY_DENY?.length ? { deny: config.ADS_COUNTRY_DENY } : {}),
  };
};

export { adsConfig, loadCountryPolicy };
