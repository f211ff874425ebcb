/**
 * The sign-in cookie: binds a sign-in with Facebook to the browser that began it (RFC 9700 §4.7.1,
 * "the client MUST prevent CSRF ... e.g. by binding state to the user agent"). It holds a random
 * 256-bit key; sessions keep only its SHA-256. It is the browser's, not a session's, so one browser
 * may run sign-ins in two tabs.
 *
 * - HttpOnly: no script reads it (Tandem's pages run none anyway).
 * - SameSite=Lax: sent on Meta's top-level redirect back to the callback and on the picker's
 *   same-site form post, never on another site's form post or embedded request.
 * - Secure with the `__Host-` prefix when Tandem is served over HTTPS (always, in AWS): only this
 *   origin can set or read it. The embedded default serves plain HTTP on loopback, where a Secure
 *   cookie would not be kept, so there it is neither.
 * - Max-Age covers the sign-in (10 minutes) and the picker (15 minutes) after it.
 */

const SIGN_IN_COOKIE_MAX_AGE_SECONDS = 30 * 60;
/** 256 bits, base64url: what Tandem sets; anything else in the cookie is ignored. */
const KEY_SHAPE = /^[A-Za-z0-9_-]{43}$/;

interface SignInCookie {
  name: string;
  /** The browser's key from the request's cookies, when it sent a well-formed one. */
  read(cookies: readonly string[] | undefined): string | undefined;
  /** The Set-Cookie value that (re)sets the key. */
  set(key: string): string;
}

const signInCookie = (publicBaseUrl: string): SignInCookie => {
  const secure = new URL(publicBaseUrl).protocol === 'https:';
  const name = secure ? '__Host-tandem_signin' : 'tandem_signin';
  return {
    name,
    read: (cookies) => {
      for (const cookie of cookies ?? []) {
        const separator = cookie.indexOf('=');
        if (cookie.slice(0, separator).trim() !== name) continue;
        const value = cookie.slice(separator + 1).trim();
        if (KEY_SHAPE.test(value)) return value;
      }
      return undefined;
    },
    set: (key) =>
      [
        `${name}=${key}`,
        'Path=/',
        `Max-Age=${SIGN_IN_COOKIE_MAX_AGE_SECONDS}`,
        'HttpOnly',
        'SameSite=Lax',
        ...(secure ? ['Secure'] : []),
      ].join('; '),
  };
};

export type { SignInCookie };
export { SIGN_IN_COOKIE_MAX_AGE_SECONDS, signInCookie };
