import { importJWK, type JWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { devToken, useSystem } from '../../../../../test/helpers/system.js';
import { type Authorizer, createAuthorizer } from '../../src/identity.js';

/** The system's authorizer, rebuilt here from the public half of the dev identity's key. */
const systemAuthorizer = async (): Promise<Authorizer> => {
  const { privateJwk, issuer, audience } = useSystem().tokenSigner;
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const key = await importJWK(publicJwk as JWK, 'RS256');
  return createAuthorizer(key as Parameters<typeof createAuthorizer>[0], issuer, audience);
};

const signWith = async (claims: { iss: string; aud: string; expIn: number }) => {
  const key = await importJWK(useSystem().tokenSigner.privateJwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tenant_id: 'demo' })
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setIssuedAt(now)
    .setExpirationTime(now + claims.expIn)
    .sign(key);
};

describe('Authorizer: JWT verification', () => {
  it('accepts a dev token issued by a test worker and returns its claims', async () => {
    // Prepare
    const authorizer = await systemAuthorizer();
    const token = await devToken({ tenantId: 'demo' });

    // Act
    const result = await authorizer.authorize(`Bearer ${token}`);

    // Assess
    expect(result).toMatchObject({ ok: true, jwt: { claims: { tenant_id: 'demo' } } });
  });

  it('refuses a missing header, an expired token and a tampered signature', async () => {
    // Prepare
    const authorizer = await systemAuthorizer();
    const expired = await devToken({ tenantId: 'demo', ttlSeconds: -60 });
    const valid = await devToken({ tenantId: 'demo' });
    const tampered = `${valid.slice(0, -4)}AAAA`;

    // Act
    const results = await Promise.all([
      authorizer.authorize(undefined),
      authorizer.authorize(`Bearer ${expired}`),
      authorizer.authorize(`Bearer ${tampered}`),
    ]);

    // Assess
    expect(results.map((result) => result.ok)).toEqual([false, false, false]);
    expect(results[1]).toEqual({ ok: false, description: 'the token has expired' });
  });

  it('refuses a token for another issuer or audience', async () => {
    // Prepare
    const authorizer = await systemAuthorizer();
    const { issuer, audience } = useSystem().tokenSigner;
    const otherIssuer = await signWith({ iss: 'https://elsewhere', aud: audience, expIn: 600 });
    const otherAudience = await signWith({ iss: issuer, aud: 'another-api', expIn: 600 });

    // Act
    const results = await Promise.all([
      authorizer.authorize(`Bearer ${otherIssuer}`),
      authorizer.authorize(`Bearer ${otherAudience}`),
    ]);

    // Assess
    expect(results).toEqual([
      { ok: false, description: "the token's iss claim is not accepted" },
      { ok: false, description: "the token's aud claim is not accepted" },
    ]);
  });
});
