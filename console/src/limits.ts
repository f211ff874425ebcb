import { COOLDOWNS, QUOTAS } from '../../functions/core/quotas.js';
import { ROUTE_COOLDOWNS, ROUTE_QUOTAS } from '../../infra/shared/route-quotas.js';

/**
 * Tandem's documented limits, from the tables the OpenAPI description's `x-limits` is generated
 * from (infra/shared/openapi.ts), so the console and the API document the same numbers; and the
 * words for a 429's `error.limit`, which names one of them.
 */

interface DocumentedLimit {
  name: string;
  kind: 'quota' | 'cooldown';
  /** The limit in words: "60 per minute, per link". */
  limit: string;
  counts: string;
  routes: string[];
}

const windowOf = (seconds: number): string =>
  seconds === 60 ? 'minute' : seconds === 3600 ? 'hour' : `${seconds} seconds`;

const routesOf = (table: Readonly<Record<string, readonly string[]>>, key: string): string[] =>
  Object.entries(table)
    .filter(([, names]) => names.includes(key))
    .map(([route]) => route);

const DOCUMENTED_LIMITS: DocumentedLimit[] = [
  ...Object.entries(QUOTAS).map(
    ([key, quota]): DocumentedLimit => ({
      name: quota.name,
      kind: 'quota',
      limit: `${quota.limit} per ${windowOf(quota.windowSeconds)}${quota.per === 'link' ? ', per link' : ''}`,
      counts: quota.counts,
      routes: routesOf(ROUTE_QUOTAS, key),
    })
  ),
  ...Object.entries(COOLDOWNS).map(
    ([key, cooldown]): DocumentedLimit => ({
      name: cooldown.name,
      kind: 'cooldown',
      limit: `${cooldown.defaultSeconds} seconds apart (unless the deployment sets ${cooldown.configVariable})`,
      counts: cooldown.counts,
      routes: routesOf(ROUTE_COOLDOWNS, key),
    })
  ),
];

/** What a 429's `error.limit` refers to, in words; undefined for a name the console does not know. */
const limitWords = (name: string | undefined): string | undefined => {
  if (name === 'meta_rate_limit') return 'Meta is slowing down requests made for your organisation';
  const known = DOCUMENTED_LIMITS.find((limit) => limit.name === name);
  return known ? `The limit is ${known.limit}: ${known.counts}` : undefined;
};

export type { DocumentedLimit };
export { DOCUMENTED_LIMITS, limitWords };
