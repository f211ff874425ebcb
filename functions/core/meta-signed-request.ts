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

const invalid = (why: string): ValidationError =>
  new ValidationError(`Invalid signed_request: ${why}.`, undefined, 'signed_request_invalid');

/**
 * Verifies a signed_request with the app secret and returns its payload.
 *
 * The HMAC is computed over the payload segment exactly as received (still encoded), the algorithm is
 * checked before trusting anything else, and the signatures are compared in constant time after a
 * length check (timingSafeEqual throws on unequal lengths).
 *
 * @throws ValidationError (`signed_request_invalid`) for anything malformed, unsigned or mis-signed.
 * @example
 * const { user_id } = verifySignedRequest(form.signed_request, appSecret);
 */
const verifySignedRequest = (signedRequest: string, appSecret: string): SignedRequestPayload => {
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
  return parsed.data;
};

/** Signs a payload the way Meta does; for tests and the local sandbox's callbacks. */
const signRequest = (payload: Record<string, unknown>, appSecret: string): string => {
  const payloadPart = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', appSecret).update(payloadPart).digest('base64url');
  return `${signature}.${payloadPart}`;
};

export type { SignedRequestPayload };
export { signRequest, verifySignedRequest };
