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

export { JSON_HEADERS, SECURITY_HEADERS };
