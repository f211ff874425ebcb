import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Delivery signatures, Stripe's convention: `Tandem-Signature: t=<unix seconds>,v1=<hex>`, where the
 * hex is HMAC-SHA256 over `${t}.${body}` with the endpoint's secret. The timestamp is signed, so a
 * receiver that refuses old timestamps refuses replays; while a rotated secret is still honoured the
 * header carries one `v1` per secret, and a receiver accepts the delivery if any of them matches.
 * This module is all a receiver needs (scripts/events-listen.ts uses it as is).
 */

const SIGNATURE_HEADER = 'tandem-signature';
const EVENT_ID_HEADER = 'tandem-event-id';
const EVENT_TYPE_HEADER = 'tandem-event-type';
const ATTEMPT_HEADER = 'tandem-delivery-attempt';

/** How old (or how far ahead) a signed timestamp a receiver should accept. */
const DEFAULT_TOLERANCE_SECONDS = 300;

const hmacHex = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/** The header value for `body` signed at `timestamp` with each secret (newest first). */
const signatureHeader = (secrets: readonly string[], timestamp: number, body: string): string =>
  [`t=${timestamp}`, ...secrets.map((secret) => `v1=${hmacHex(secret, timestamp, body)}`)].join(
    ','
  );

type Verification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'too_old' | 'too_new' | 'mismatch' };

const sameHex = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  // timingSafeEqual throws on different lengths; a different length is simply no match.
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
};

/**
 * Verifies a delivery: the header's timestamp within `toleranceSeconds` of `now`, and a `v1` that is
 * the HMAC of `${t}.${rawBody}` with `secret`. Verify the raw body, before any JSON parsing.
 *
 * @example
 * const check = verifySignature(req.headers['tandem-signature'], rawBody, secret);
 * if (!check.ok) return res.writeHead(400).end(check.reason);
 */
const verifySignature = (
  header: string | undefined,
  rawBody: string,
  secret: string,
  options: { now?: Date; toleranceSeconds?: number } = {}
): Verification => {
  if (!header) return { ok: false, reason: 'malformed' };
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamps = parts.filter(([key]) => key === 't').map(([, value]) => value ?? '');
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  const [stamp] = timestamps;
  if (timestamps.length !== 1 || !stamp || !/^\d{1,12}$/.test(stamp) || signatures.length === 0) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = Number(stamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (timestamp < now - tolerance) return { ok: false, reason: 'too_old' };
  if (timestamp > now + tolerance) return { ok: false, reason: 'too_new' };
  const expected = hmacHex(secret, timestamp, rawBody);
  return signatures.some((signature) => sameHex(signature, expected))
    ? { ok: true, timestamp }
    : { ok: false, reason: 'mismatch' };
};

export type { Verification };
export {
  ATTEMPT_HEADER,
  DEFAULT_TOLERANCE_SECONDS,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
  verifySignature,
};
