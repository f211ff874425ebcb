import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginSignIn, completeSignIn, type OidcSettings } from '../../../console/src/auth/oidc.js';
import type { KeyValueStore } from '../../../console/src/auth/session.js';

/**
 * The console's OIDC sign-in (authorization code with PKCE, a public client) against a small
 * provider on loopback that does what a real one checks: the redirect URI, the PKCE verifier
 * against the challenge, single-use codes. The browser's redirects are played by the test.
 */

const CLIENT_ID = 'tandem-console';
const REDIRECT_URI = 'http://127.0.0.1:3000/console/';

interface Grant {
  challenge: string;
  redirectUri: string;
}

let server: Server;
let issuer: string;
const codes = new Map<string, Grant>();

const startProvider = async (): Promise<void> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  server = createServer((request, response) => {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const path = (request.url ?? '').split('?')[0];
      if (path === '/.well-known/openid-configuration') {
        json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
          id_token_signing_alg_values_supported: ['RS256'],
        });
        return;
      }
      if (path === '/jwks') return json(200, { keys: [jwk] });
      if (path === '/token' && request.method === 'POST') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          !grant ||
          grant.challenge !== challenge ||
          grant.redirectUri !== form.get('redirect_uri') ||
          form.get('client_id') !== CLIENT_ID
        ) {
          return json(400, { error: 'invalid_grant' });
        }
        return json(200, {
          token_type: 'Bearer',
          expires_in: 3600,
          access_token: await sign({ tenant_id: 'acme', tenant_name: 'Acme' }, 'tandem-api'),
          id_token: await sign({}, CLIENT_ID),
        });
      }
      json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

const memory = (): KeyValueStore => {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

const settings = (): OidcSettings => ({
  issuer,
  clientId: CLIENT_ID,
  scope: 'openid',
  audience: 'tandem-api',
  redirectUri: REDIRECT_URI,
  allowHttp: true,
});

/** The provider's side of the redirect: the user signed in, a code for the challenge comes back. */
const authorize = (authorizationUrl: URL): URL => {
  const code = randomBytes(16).toString('hex');
  codes.set(code, {
    challenge: authorizationUrl.searchParams.get('code_challenge') ?? '',
    redirectUri: authorizationUrl.searchParams.get('redirect_uri') ?? '',
  });
  const back = new URL(REDIRECT_URI);
  back.searchParams.set('code', code);
  back.searchParams.set('state', authorizationUrl.searchParams.get('state') ?? '');
  return back;
};

beforeAll(startProvider);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Console: OIDC sign-in with PKCE', () => {
  it('asks for a code with an S256 challenge, and exchanges it for the API token', async () => {
    // Prepare
    const store = memory();

    // Act
    const url = await beginSignIn(settings(), store);
    const session = await completeSignIn(settings(), store, authorize(url));

    // Assess
    expect(url.origin + url.pathname).toBe(`${issuer}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      audience: 'tandem-api',
      code_challenge_method: 'S256',
    });
    expect(session).toMatchObject({ tenantId: 'acme', tenantName: 'Acme' });
  });

  it('refuses a callback whose state this tab did not start', async () => {
    // Prepare
    const store = memory();
    const back = authorize(await beginSignIn(settings(), store));
    back.searchParams.set('state', 'forged');

    // Act
    const completing = completeSignIn(settings(), store, back);

    // Assess
    await expect(completing).rejects.toThrow();
  });

  it('cannot complete the same sign-in twice', async () => {
    // Prepare
    const store = memory();
    const back = authorize(await beginSignIn(settings(), store));
    await completeSignIn(settings(), store, back);

    // Act
    const replay = completeSignIn(settings(), store, back);

    // Assess
    await expect(replay).rejects.toThrow('not started in this tab');
  });
});
