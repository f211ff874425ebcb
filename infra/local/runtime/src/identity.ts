import {
  type CryptoKey,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

/**
 * The local identity provider and the local stand-in for API Gateway's JWT authorizer. At start an RS256
 * key pair is generated; dev tokens are signed with it and the gateway verifies them exactly as the
 * HTTP API JWT authorizer would: signature, issuer, audience, expiry.
 */

const DEV_ISSUER = 'https://tandem.local/dev-identity';
const DEV_AUDIENCE = 'tandem-api';
const ALGORITHM = 'RS256';

interface DevTokenRequest {
  tenantId: string;
  /** More claims, or other values for the usual ones (`tenant_id: 0` makes a non-string tenant). */
  claims?: Record<string, unknown>;
  sub?: string;
  /** Default one hour. Negative values make already-expired tokens (for tests). */
  ttlSeconds?: number;
  scopes?: string[];
}

interface TokenSigner {
  issuer: string;
  audience: string;
  /** The private key as a JWK: passed to test workers so they can sign their own tokens. */
  privateJwk: JWK;
}

/** Signs a dev token; usable wherever the private JWK is known (the system, a test worker). */
const signDevToken = async (signer: TokenSigner, request: DevTokenRequest): Promise<string> => {
  const key = await importJWK(signer.privateJwk, ALGORITHM);
  const now = Math.floor(Date.now() / 1000);
  const ttl = request.ttlSeconds ?? 3600;
  return new SignJWT({
    tenant_id: request.tenantId,
    ...(request.scopes?.length ? { scope: request.scopes.join(' ') } : {}),
    ...request.claims,
  })
    .setProtectedHeader({ alg: ALGORITHM, kid: signer.privateJwk.kid ?? 'dev', typ: 'JWT' })
    .setIssuer(signer.issuer)
    .setAudience(signer.audience)
    .setSubject(request.sub ?? `dev-user-${request.tenantId}`)
    .setIssuedAt(ttl < 0 ? now + ttl - 60 : now)
    .setExpirationTime(now + ttl)
    .sign(key);
};

type AuthorizerClaims = Record<string, string>;

type AuthorizerResult =
  | { ok: true; jwt: { claims: AuthorizerClaims; scopes: string[] } }
  | { ok: false; description: string };

/**
 * API Gateway's HTTP API JWT authorizer hands the function every claim as a string, whatever its JSON
 * type: strings as they are, numbers and booleans as their JSON text ("0", "true"), arrays in a
 * bracketed, space-separated form ("[admin editor]", not JSON), objects as JSON text, and a
 * null-valued claim not at all. So a token's `"tenant_id": 0` and `"tenant_id": "0"` reach the function
 * as the same "0". Mirrored here so handlers are tested against what they will really receive.
 *
 * AWS documents no more than that claims arrive as strings (payload format 2.0,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html,
 * where `claims` is a string map); the rendering of each type is as observed against real HTTP APIs:
 * https://github.com/awsdocs/amazon-api-gateway-developer-guide/issues/113 (numeric `exp`, `iat` as
 * strings) and https://github.com/floci-io/floci/pull/2011 (measured in 2026: arrays as `[a b]`, null
 * claims omitted, objects as JSON). REST APIs' JWT authorizer keeps JSON types; HTTP APIs' does not.
 */
const gatewayClaimValue = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return `[${value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(' ')}]`;
  }
  return JSON.stringify(value);
};

const toGatewayClaims = (payload: JWTPayload): AuthorizerClaims =>
  Object.fromEntries(
    Object.entries(payload).flatMap(([name, value]) => {
      const rendered = gatewayClaimValue(value);
      return rendered === undefined ? [] : [[name, rendered]];
    })
  );

interface Authorizer {
  issuer: string;
  audience: string;
  /** Checks an Authorization header value as the HTTP API JWT authorizer does. */
  authorize(header: string | undefined): Promise<AuthorizerResult>;
}

const createAuthorizer = (publicKey: CryptoKey, issuer: string, audience: string): Authorizer => ({
  issuer,
  audience,
  authorize: async (header) => {
    if (!header) return { ok: false, description: 'no Authorization header' };
    // The authorizer accepts the token with or without the Bearer prefix.
    const token = header.replace(/^Bearer\s+/i, '').trim();
    try {
      const { payload } = await jwtVerify(token, publicKey, {
        algorithms: [ALGORITHM],
        issuer,
        audience,
        requiredClaims: ['exp'],
      });
      const scopeClaim = payload.scope ?? payload.scp;
      const scopes =
        typeof scopeClaim === 'string'
          ? scopeClaim.split(' ').filter(Boolean)
          : Array.isArray(scopeClaim)
            ? scopeClaim.map(String)
            : [];
      return { ok: true, jwt: { claims: toGatewayClaims(payload), scopes } };
    } catch (error) {
      const description =
        error instanceof errors.JWTExpired
          ? 'the token has expired'
          : error instanceof errors.JWTClaimValidationFailed
            ? `the token's ${error.claim} claim is not accepted`
            : 'the token is not a valid JWT signed by the configured issuer';
      return { ok: false, description };
    }
  },
});

interface DevIdentity extends TokenSigner {
  authorizer: Authorizer;
  issueDevToken(request: DevTokenRequest): Promise<string>;
}

/** The public half of an RSA private JWK. */
const publicJwkOf = ({ kty, n, e, alg, kid }: JWK): JWK => ({ kty, n, e, alg, kid });

/**
 * The local identity provider. Given a private JWK (the one kept in the local data directory), its
 * tokens keep working across restarts and `npm run token` can mint more; without one, a fresh key
 * pair per run makes tokens from an earlier run stop working.
 */
const createDevIdentity = async (
  options: { privateJwk?: JWK; issuer?: string; audience?: string } = {}
): Promise<DevIdentity> => {
  const { issuer = DEV_ISSUER, audience = DEV_AUDIENCE } = options;
  let privateJwk = options.privateJwk;
  if (!privateJwk) {
    const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), alg: ALGORITHM, kid: 'tandem-local-dev' };
  }
  const publicKey = (await importJWK(publicJwkOf(privateJwk), ALGORITHM)) as CryptoKey;
  const signer = { issuer, audience, privateJwk };
  return {
    ...signer,
    authorizer: createAuthorizer(publicKey, issuer, audience),
    issueDevToken: (request) => signDevToken(signer, request),
  };
};

export type { Authorizer, AuthorizerResult, DevIdentity, DevTokenRequest, TokenSigner };
export {
  createAuthorizer,
  createDevIdentity,
  DEV_AUDIENCE,
  DEV_ISSUER,
  signDevToken,
  toGatewayClaims,
};
