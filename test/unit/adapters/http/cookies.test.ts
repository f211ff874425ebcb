import { describe, expect, it } from 'vitest';
import { signInCookie } from '../../../../functions/adapters/http/cookies.js';

const KEY = 'k'.repeat(43);

describe('Function: signInCookie', () => {
  it('is a Secure __Host- cookie over HTTPS: HttpOnly, SameSite=Lax, for the whole sign-in', () => {
    // Act
    const cookie = signInCookie('https://api.tandem.example/prod');

    // Assess
    expect(cookie.set(KEY)).toBe(
      `__Host-tandem_signin=${KEY}; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax; Secure`
    );
  });

  it('drops Secure and the prefix on the embedded default’s plain-HTTP loopback', () => {
    // Act
    const cookie = signInCookie('http://127.0.0.1:3000');

    // Assess
    expect(cookie.set(KEY)).toBe(
      `tandem_signin=${KEY}; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax`
    );
  });

  it('reads only its own, well-formed key among the request’s cookies', () => {
    // Prepare
    const cookie = signInCookie('https://api.tandem.example');

    // Act & Assess
    expect(cookie.read(['other=1', `__Host-tandem_signin=${KEY}`])).toBe(KEY);
    expect(cookie.read([`tandem_signin=${KEY}`])).toBeUndefined();
    expect(cookie.read(['__Host-tandem_signin=short'])).toBeUndefined();
    expect(cookie.read(undefined)).toBeUndefined();
  });
});
