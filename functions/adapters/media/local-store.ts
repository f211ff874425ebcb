import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MediaStore } from '../../core/stories/ports.js';

/**
 * The embedded default's media store: the local gateway keeps objects under `/_local/media/<key>`
 * and serves only URLs signed here (an HMAC of the method, the key, the expiry and, for a PUT, the
 * content type and the exact size), as S3's presigned URLs behave. The gateway verifies with
 * `verifyLocalMediaUrl` (infra/local/runtime/src/media.ts); in AWS the S3 store is used instead.
 */

const LOCAL_MEDIA_PATH = '/_local/media/';

type SignedMethod = 'GET' | 'PUT' | 'DELETE';

interface Signed {
  method: SignedMethod;
  key: string;
  /** Unix seconds. */
  expires: number;
  contentType?: string;
  bytes?: number;
}

const signatureOf = (secret: Buffer, signed: Signed): string =>
  createHmac('sha256', secret)
    .update(
      [
        signed.method,
        signed.key,
        signed.expires,
        signed.contentType ?? '',
        signed.bytes ?? '',
      ].join('\n')
    )
    .digest('base64url');

const signedUrl = (baseUrl: string, secret: Buffer, signed: Signed): string => {
  const url = new URL(`${LOCAL_MEDIA_PATH}${signed.key}`, baseUrl);
  url.searchParams.set('expires', String(signed.expires));
  if (signed.contentType) url.searchParams.set('type', signed.contentType);
  if (signed.bytes !== undefined) url.searchParams.set('bytes', String(signed.bytes));
  url.searchParams.set('signature', signatureOf(secret, signed));
  return url.toString();
};

/** What a verified request may do: the key, and for a PUT the type and exact size it must carry. */
type Verified =
  | { ok: true; method: SignedMethod; key: string; contentType?: string; bytes?: number }
  | { ok: false; reason: 'expired' | 'bad_signature' };

/**
 * Checks a request against its URL's signature and expiry. HEAD is verified as GET, as S3 does. A
 * key with `..` or an empty segment is refused whatever its signature: keys name files.
 */
const verifyLocalMediaUrl = (
  secret: Buffer,
  requestMethod: string,
  url: URL,
  nowMs: number
): Verified => {
  const method: SignedMethod | undefined =
    requestMethod === 'GET' || requestMethod === 'HEAD'
      ? 'GET'
      : requestMethod === 'PUT' || requestMethod === 'DELETE'
        ? requestMethod
        : undefined;
  const key = decodeURIComponent(url.pathname.slice(LOCAL_MEDIA_PATH.length));
  const validKey =
    url.pathname.startsWith(LOCAL_MEDIA_PATH) &&
    /^[A-Za-z0-9._/-]+$/.test(key) &&
    !key
      .split('/')
      .some((segment, i, all) => segment === '..' || (segment === '' && i < all.length - 1));
  if (!method || !validKey) return { ok: false, reason: 'bad_signature' };
  const expires = Number(url.searchParams.get('expires'));
  const contentType = url.searchParams.get('type') ?? undefined;
  const bytesParam = url.searchParams.get('bytes');
  const bytes = bytesParam === null ? undefined : Number(bytesParam);
  const expected = Buffer.from(
    signatureOf(secret, {
      method,
      key,
      expires,
      ...(method === 'PUT' ? { contentType, bytes } : {}),
    })
  );
  const given = Buffer.from(url.searchParams.get('signature') ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }
  if (!Number.isInteger(expires) || expires * 1000 < nowMs) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    method,
    key,
    ...(method === 'PUT' && contentType ? { contentType } : {}),
    ...(method === 'PUT' && bytes !== undefined ? { bytes } : {}),
  };
};

/** How long the store's own HEAD and DELETE URLs work: one request. */
const OWN_URL_SECONDS = 60;

/**
 * Creates the store, signing with `secret` for the gateway at `baseUrl`.
 *
 * @example
 * const media = createLocalMediaStore(config.MEDIA_LOCAL_URL, Buffer.from(config.MEDIA_LOCAL_KEY, 'base64'));
 */
const createLocalMediaStore = (
  baseUrl: string,
  secret: Buffer,
  now: () => number = Date.now
): MediaStore => {
  const expiry = (seconds: number) => Math.floor(now() / 1000) + seconds;
  const call = async (method: 'HEAD' | 'DELETE', key: string): Promise<Response> => {
    const url = signedUrl(baseUrl, secret, {
      method: method === 'HEAD' ? 'GET' : method,
      key,
      expires: expiry(OWN_URL_SECONDS),
    });
    const response = await fetch(url, { method, signal: AbortSignal.timeout(5_000) });
    if (!response.ok && response.status !== 404) {
      throw new Error(`The local media store answered ${method} with ${response.status}`);
    }
    return response;
  };
  return {
    presignPut: async (key, { contentType, bytes, expiresInSeconds }) => ({
      url: signedUrl(baseUrl, secret, {
        method: 'PUT',
        key,
        expires: expiry(expiresInSeconds),
        contentType,
        bytes,
      }),
      headers: { 'content-type': contentType, 'content-length': String(bytes) },
    }),
    presignGet: async (key, expiresInSeconds) =>
      signedUrl(baseUrl, secret, { method: 'GET', key, expires: expiry(expiresInSeconds) }),
    head: async (key) => {
      const response = await call('HEAD', key);
      if (response.status === 404) return undefined;
      const type = response.headers.get('content-type');
      return {
        bytes: Number(response.headers.get('content-length') ?? 0),
        uploadedAt: new Date(response.headers.get('last-modified') ?? 0),
        ...(type ? { contentType: type } : {}),
      };
    },
    removeUnder: async (prefix) => {
      const response = await call('DELETE', prefix);
      if (response.status === 404) return 0;
      const { deleted } = (await response.json()) as { deleted: number };
      return deleted;
    },
  };
};

export type { Verified };
export { createLocalMediaStore, LOCAL_MEDIA_PATH, verifyLocalMediaUrl };
