/**
 * Redaction of secrets from what Tandem writes down (log lines, dead-letter reasons), by key and by
 * the shape of the value, at any depth. A secret is recognised three ways:
 *
 * - its key names one (`accessToken`, `appSecret`, `authorization`, `signed_request`, `cookie`, ...);
 * - the whole value looks like one: a long opaque base64url-ish string (Meta tokens and codes, PKCE
 *   verifiers, OAuth states, JWTs);
 * - a secret is embedded in text: a Meta token (`EAA...`), a JWT, a `Bearer`/`OAuth` credential, or a
 *   secret query parameter in a URL.
 *
 * `code` is not a secret key: error codes (`rate_limited`, Graph's 190) are what an incident needs;
 * an OAuth authorisation code is caught by its shape instead.
 */

const SECRET_KEY =
  /token|secret|password|passphrase|authorization|signed_request|appsecret_proof|cookie|verifier|private_?key|credential/i;

/**
 * A whole value that is one opaque credential: 43 or more characters of the base64url / PKCE
 * alphabet with upper case and digits mixed in (a hex digest, a UUID or an id like `lnk_…` is not).
 */
const OPAQUE = /^[A-Za-z0-9_~.-]{43,}$/;
const looksOpaque = (text: string): boolean =>
  OPAQUE.test(text) && /[A-Z]/.test(text) && /[0-9]/.test(text);

/** Secrets inside longer text, each with what it is replaced by. */
const EMBEDDED: [RegExp, string][] = [
  [
    /\b(access_token|appsecret_proof|client_secret|code|code_verifier|fb_exchange_token|input_token|signed_request|state)=[^&\s"']+/gi,
    '$1=[redacted]',
  ],
  [/\b(Bearer|OAuth)\s+[\w.~+/=-]+/gi, '$1 [redacted]'],
  // Meta access tokens (user, Page and app tokens all start with EAA).
  [/\bEAA[A-Za-z0-9]{20,}/g, '[redacted]'],
  // JWTs: three base64url segments, the first a JSON header.
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]'],
];

const REDACTED = '[redacted]';
/** Deeper than this, values are dropped (never written unredacted). */
const MAX_DEPTH = 12;

/** Redacts secrets embedded in a string, and the whole string when it is one. */
const redactText = (text: string): string => {
  if (looksOpaque(text)) return REDACTED;
  return EMBEDDED.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
};

const redactValue = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[truncated]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      ...(value.cause ? { cause: redactValue(value.cause, depth + 1, seen) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) ? REDACTED : redactValue(inner, depth + 1, seen),
    ])
  );
};

/** A copy of `value` with every secret redacted, however deeply it is nested. */
const redact = (value: unknown): unknown => redactValue(value, 0, new WeakSet());

export { redact, redactText };
