import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from './errors.js';
import * as z from './zod.js';

/**
 * Meta's `signed_request` (deauthorize and data-deletion callbacks, Facebook Login):
 * `base64url(HMAC-SHA256(payloadSegment, appSecret)) . base64url(JSON payload)`.
 */

const payloadSchema = z.looseObject({
  algorithm: z.string(),
  user_id: z.string().check(z.regex(/^\d{1,32}$/, 'user_id must be a Meta user id')),
  issued_at: z.optional(z.number()),
  expires: z.optional(z.number()),
});

type SignedRequestPayload = z.infer<typeof payloadSchema>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * How old a signed_request may be (by its `issued_at`) and still be acted on. Meta signs a callback
 * when it sends it, so an hour is generous for a delivery and short enough that a captured request
 * cannot be replayed later to wipe what a user linked since. Within the window, a repeat is answered
 * from the record of the first (meta-callbacks.ts), so it deletes nothing new either.
 */
const SIGNED_REQUEST_MAX_AGE_SECONDS = 3600;
/** Clock skew tolerated for an `issued_at` ahead of ours. */
const SIGNED_REQUEST_MAX_SKEW_SECONDS = 300;

const invalid = (why: string): ValidationError =>
  new ValidationError(`Invalid signed_request: ${why}.`, undefined, 'signed_request_invalid');

interface FreshnessOptions {
  now: Date;
  /** @default SIGNED_REQUEST_MAX_AGE_SECONDS */
  maxAgeSeconds?: number;
}

/** Refuses a request without `issued_at`, issued in the future, or older than the window. */
const checkFresh = (
  issuedAt: number | undefined,
  { now, maxAgeSeconds = SIGNED_REQUEST_MAX_AGE_SECONDS }: FreshnessOptions
): number => {
  if (issuedAt === undefined || !Number.isInteger(issuedAt)) {
    throw invalid('the payload has no issued_at');
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (issuedAt > nowSeconds + SIGNED_REQUEST_MAX_SKEW_SECONDS) {
    throw invalid('it was issued in the future');
  }
  if (nowSeconds - issuedAt > maxAgeSeconds) {
    throw new ValidationError(
      `The signed_request was issued ${nowSeconds - issuedAt} seconds ago; Tandem acts only on requests at most ${maxAgeSeconds} seconds old.`,
      { issuedAt, maxAgeSeconds },
      'signed_request_expired'
    );
  }
  return issuedAt;
};

/**
 * Verifies a signed_request with the app secret and its age, and returns its payload.
 *
 * The HMAC is computed over the payload segment exactly as received (still encoded), the algorithm is
 * checked before trusting anything else, and the signatures are compared in constant time after a
 * length check (timingSafeEqual throws on unequal lengths). Only then is `issued_at` trusted.
 *
 * @throws ValidationError (`signed_request_invalid`) for anything malformed, unsigned or mis-signed;
 *   (`signed_request_expired`) for one older than the window.
 * @example
 * const { user_id, issued_at } = verifySignedRequest(form.signed_request, appSecret, { now });
 */
const verifySignedRequest = (
  signedRequest: string,
  appSecret: string,
  freshness: FreshnessOptions
): SignedRequestPayload & { issued_at: number } => {
  const dot = signedRequest.indexOf('.');
  if (dot <= 0 || dot === signedRequest.length - 1) throw invalid('expected signature.payload');
  const signaturePart = signedRequest.slice(0, dot);
  const payloadPart = signedRequest.slice(dot + 1);
  if (!BASE64URL.test(signaturePart) || !BASE64URL.test(payloadPart)) {
    throw invalid('the parts are not base64url');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    throw invalid('the payload is not JSON');
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw invalid('the payload lacks algorithm or user_id');
  if (parsed.data.algorithm.toUpperCase() !== 'HMAC-SHA256') {
    throw invalid(`unsupported algorithm ${parsed.data.algorithm}`);
  }
  const expected = createHmac('sha256', appSecret).update(payloadPart).digest();
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('the signature does not match');
  }
  return { ...parsed.data, issued_at: checkFresh(parsed.data.issued_at, freshness) };
};

/**
 * What identifies one callback request for de-duplication: an HMAC (keyed with the app secret) of
 * its kind, Meta user and issue time, so the record Tandem keeps names no user.
 */
const replayKeyOf = (
  appSecret: string,
  kind: string,
  payload: { user_id: string; issued_at: number }
): string =>
  createHmac('sha256', appSecret)
    .update(`${kind}:${payload.user_id}:${payload.issued_at}`)
    .digest('hex');

/** Signs a payload the way Meta does; for tests and the local sandbox's callbacks. */
const signRequest = (payload: Record<string, unknown>, appSecret: string): string => {
  const payloadPart = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', appSecret).update(payloadPart).digest('base64url');
  return `${signature}.${payloadPart}`;
};

export type { SignedRequestPayload };
export {
  replayKeyOf,
  SIGNED_REQUEST_MAX_AGE_SECONDS,
  SIGNED_REQUEST_MAX_SKEW_SECONDS,
  signRequest,
  verifySignedRequest,
};
