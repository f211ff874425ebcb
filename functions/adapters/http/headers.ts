import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Headers every answer carries, success or error: no MIME sniffing of a body into something
 * executable, and no caching of answers that are per tenant or per sign-in.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  ...SECURITY_HEADERS,
};

/**
 * The server-rendered pages: no script at all, inline styles only, forms posted to Tandem itself,
 * and never framed (no clickjacking of the linking forms).
 */
const HTML_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  'x-frame-options': 'DENY',
  ...SECURITY_HEADERS,
};

/** The answer with more headers (CORS), or the same answer when there are none. */
const withHeaders = (
  response: APIGatewayProxyStructuredResultV2,
  headers: Record<string, string>
): APIGatewayProxyStructuredResultV2 =>
  Object.keys(headers).length > 0
    ? { ...response, headers: { ...response.headers, ...headers } }
    : response;

export { HTML_HEADERS, JSON_HEADERS, SECURITY_HEADERS, withHeaders };
