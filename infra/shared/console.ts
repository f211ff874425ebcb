/**
 * The console (console/, a static single-page app) as both places that serve it see it: CloudFront
 * in AWS (infra/aws/constructs/console.ts) and the local gateway (infra/local/runtime/src/console.ts).
 * One path, one runtime configuration shape and one set of security headers, so the console runs
 * under the same policy locally as in production.
 */

/** Where the console is served, on the API's own origin. */
const CONSOLE_PATH = '/console';

/**
 * The runtime configuration the deployment writes next to the console's assets, as
 * `/console/config.json`: the console reads it at start, so one build serves every deployment.
 */
type ConsoleConfig = {
  /** Where the API is; empty for the console's own origin (both deployments serve it there). */
  apiBaseUrl: string;
  auth:
    | {
        /** The embedded default: a sign-in page that mints a dev token for any tenant. */
        kind: 'dev';
        /** The local-only route that mints one (never in the route table). */
        tokenUrl: string;
      }
    | {
        /** The tenant's identity provider: OIDC authorization code with PKCE. */
        kind: 'oidc';
        issuer: string;
        clientId: string;
        /** Space-separated; `openid` at least. */
        scope: string;
        /** The `audience` parameter some providers need to issue an access token for the API. */
        audience?: string;
      };
};

/** Where the local gateway mints dev tokens: under its local-only prefix. */
const DEV_TOKEN_PATH = '/_local/dev-token';

/** HSTS: two years, subdomains too, eligible for browsers' preload lists. */
const HSTS = { maxAgeSeconds: 63_072_000, includeSubdomains: true, preload: true } as const;

/**
 * The console's Content-Security-Policy. Scripts, styles and data only from the console's own
 * origin (the API is on the same origin), plus the identity provider's origins for the OIDC
 * discovery and token exchange; images from https (Pages' pictures and ad creatives are on Meta's
 * CDN); no plugins, no framing, forms only to the console's own origin.
 */
const consoleCsp = (connectOrigins: readonly string[] = []): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectOrigins].join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/** Headers with no structured setting in CloudFront's security headers, sent as custom headers. */
const CONSOLE_EXTRA_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
} as const;

/** Every security header of the console, as the local gateway sends them. */
const consoleSecurityHeaders = (connectOrigins: readonly string[] = []) => ({
  'content-security-policy': consoleCsp(connectOrigins),
  'strict-transport-security': `max-age=${HSTS.maxAgeSeconds}; includeSubDomains; preload`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  ...CONSOLE_EXTRA_HEADERS,
});

export type { ConsoleConfig };
export {
  CONSOLE_EXTRA_HEADERS,
  CONSOLE_PATH,
  consoleCsp,
  consoleSecurityHeaders,
  DEV_TOKEN_PATH,
  HSTS,
};
