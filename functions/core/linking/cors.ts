/**
 * CORS for the tenants' registered origins (off unless the deployment turns it on). API Gateway's
 * own CORS is one static list per API, so Tandem answers it itself: an actual response allows the
 * Origin only when it is one of the calling tenant's registered origins; a preflight, which carries
 * no token and so names no tenant, only when some tenant registered it. The browser checks both, so
 * another tenant's app still cannot read this tenant's answers. An origin is never reflected
 * unless registered; no credentials (the API takes bearer tokens, never cookies).
 */

/** The request headers a browser app sends to the API. */
const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'if-match', 'idempotency-key'];
/** The response headers it may read besides the safelisted ones. */
const CORS_EXPOSED_HEADERS = ['etag', 'retry-after', 'location'];
const CORS_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** How long a browser may cache a preflight; short, so a removed origin stops working soon. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** The CORS headers of an actual response to `origin`, given the caller tenant's origins. */
const corsResponseHeaders = (
  origin: string | undefined,
  tenantOrigins: readonly string[]
): Record<string, string> =>
  origin !== undefined && tenantOrigins.includes(origin)
    ? {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
        vary: 'Origin',
      }
    : { vary: 'Origin' };

interface PreflightRequest {
  origin: string | undefined;
  /** Access-Control-Request-Method. */
  method: string | undefined;
  /** Access-Control-Request-Headers, comma-separated. */
  headers: string | undefined;
}

const PREFLIGHT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

/**
 * The headers of a preflight answer: the allowance only for a registered origin asking for a method
 * and headers the API takes; otherwise none, and the browser sends nothing.
 */
const preflightHeaders = (
  request: PreflightRequest,
  originRegistered: boolean
): Record<string, string> => {
  const method = request.method?.trim().toUpperCase() ?? '';
  const headers = (request.headers ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const allowed =
    request.origin !== undefined &&
    originRegistered &&
    CORS_METHODS.includes(method) &&
    headers.every((name) => CORS_ALLOWED_HEADERS.includes(name));
  if (!allowed || request.origin === undefined) return { vary: PREFLIGHT_VARY };
  return {
    'access-control-allow-origin': request.origin,
    'access-control-allow-methods': CORS_METHODS.join(', '),
    'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    vary: PREFLIGHT_VARY,
  };
};

export type { PreflightRequest };
export {
  CORS_ALLOWED_HEADERS,
  CORS_EXPOSED_HEADERS,
  CORS_METHODS,
  corsResponseHeaders,
  PREFLIGHT_MAX_AGE_SECONDS,
  preflightHeaders,
};
