import type { Surface } from '../../core/outages/breaker.js';

/**
 * Which Meta surface a Graph call needs, so one surface's outage holds only its own calls. Meta runs
 * these as separate products with separate status entries (https://metastatus.com): Facebook Login
 * (tokens, permissions), Pages, the WhatsApp Cloud API (numbers, business profiles, the uploads that
 * feed profile pictures) and the Marketing API. Ambiguous paths (`GET /{id}` is a Page, a phone
 * number or an ad object) are classified by the operation that sends them, through `surface`.
 */

/** Paths relative to the version, without the query. */
const RULES: [RegExp, Surface][] = [
  [/^(oauth\/access_token|debug_token|me|me\/permissions|[^/]+\/permissions(\/.*)?)$/, 'login'],
  [
    /(^|\/)(whatsapp_business_profile|phone_numbers|(owned|client)_whatsapp_business_accounts|uploads)$|^upload:|^me\/businesses$/,
    'whatsapp',
  ],
  [/^act_|(^|\/)(adaccounts|campaigns|adsets|ads|adcreatives|adimages|insights)$/, 'marketing'],
];

/** The surface of a call to `path` (relative to the pinned version; a query is ignored). */
const surfaceOfPath = (path: string): Surface => {
  const bare = decodeURIComponent(path.replace(/^\/+/, '').split('?')[0] ?? '');
  return RULES.find(([pattern]) => pattern.test(bare))?.[1] ?? 'pages';
};

export { surfaceOfPath };
