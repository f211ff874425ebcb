import type { operations } from './api/schema.js';

/** GET /status's answer (typed here, not through api/client.ts, so Node's type check can test this). */
type MetaStatus = operations['metaStatus']['responses'][200]['content']['application/json'];

/**
 * GET /status in plain words: for each Meta surface whose breaker is not closed, what the business
 * notices, and when Tandem tries again. Tandem holds calls to a surface that is failing for many
 * businesses at once; nothing is lost, queued work waits and goes through once the surface is back.
 */

/** What each surface carries, in the words a business knows it by. */
const WHAT_IT_DOES: Record<MetaStatus['surfaces'][number]['surface'], string> = {
  pages: 'reading your Facebook Pages',
  whatsapp: 'updating WhatsApp business profiles',
  marketing: 'creating ads and reading their results',
  login: 'linking Pages with Facebook',
};

interface Outage {
  surface: string;
  title: string;
  text: string;
}

const clock = (at: Date): string =>
  at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** The surfaces in an outage, each said in words; none when every breaker is closed. */
const outagesOf = (status: MetaStatus, now: Date = new Date()): Outage[] =>
  status.surfaces
    .filter((surface) => surface.status !== 'closed')
    .map((surface) => {
      const doing = WHAT_IT_DOES[surface.surface];
      const since = surface.since ? ` since ${clock(new Date(surface.since))}` : '';
      const seconds = surface.retryAfterSeconds ?? 0;
      const retry = new Date(Date.parse(status.checkedAt || now.toISOString()) + seconds * 1000);
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      return surface.status === 'open'
        ? {
            surface: surface.surface,
            title: `Meta’s ${surface.name} is failing for many businesses`,
            text: `Tandem has held its calls to it${since}, so ${doing} waits. Nothing is lost: Tandem tries again at ${clock(retry)} (in about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}) and then carries on with what waited.`,
          }
        : {
            surface: surface.surface,
            title: `Meta’s ${surface.name} is recovering`,
            text: `Tandem is trying it again with a first call${since}; ${doing} resumes once that call succeeds.`,
          };
    });

export type { Outage };
export { outagesOf };
