import { createHmac } from 'node:crypto';
import type { Services } from './context.js';

/**
 * Meta's deauthorize and data-deletion callbacks: a form POST of `signed_request`, whose signature is
 * an HMAC-SHA256 of the still-encoded payload segment keyed with the app secret.
 */

const signedRequest = (payload: Record<string, unknown>, appSecret: string): string => {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', appSecret).update(encoded).digest('base64url');
  return `${signature}.${encoded}`;
};

/** What Meta's callbacks sign: the user, the algorithm and when it was issued, valid for an hour. */
const callbackPayload = (userId: string, issuedAt = Math.floor(Date.now() / 1000)) => ({
  user_id: userId,
  algorithm: 'HMAC-SHA256',
  issued_at: issuedAt,
  expires: issuedAt + 3600,
});

interface CallbackResult {
  url: string;
  status: number;
  body: unknown;
  error?: string;
}

const parseMaybeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const callMetaCallback = async (
  services: Services,
  kind: 'deauthorize' | 'dataDeletion',
  userId: string,
  options: { forgeSignature?: boolean } = {}
): Promise<CallbackResult> => {
  const url =
    kind === 'deauthorize'
      ? services.config.metaCallbacks.deauthorizeUrl
      : services.config.metaCallbacks.dataDeletionUrl;
  if (!url) return { url: '', status: 0, body: null, error: `No ${kind} callback URL configured` };
  const payload = callbackPayload(userId);
  const secret = options.forgeSignature ? 'not-the-app-secret' : services.config.appSecret;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ signed_request: signedRequest(payload, secret) }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    return { url, status: response.status, body: parseMaybeJson(await response.text()) };
  } catch (error) {
    return { url, status: 0, body: null, error: String(error) };
  }
};

export type { CallbackResult };
export { callbackPayload, callMetaCallback, signedRequest };
