import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller, GraphCtx, GraphRequest, Services } from './context.js';
import { GraphError, invalidToken, missingPermission } from './graph-error.js';
import type { Grant, Store, Token, TokenKind, User } from './store.js';

const SHORT_LIVED_SECONDS = 3_600;
const LONG_LIVED_SECONDS = 5_183_944;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * Graph takes the token as a parameter or in an `Authorization: Bearer|OAuth` header. Upload
 * transfers (`upload:<id>`) take it only as `Authorization: OAuth`: "query parameters do not work"
 * (https://developers.facebook.com/docs/graph-api/resumable-upload-api).
 */
const extractToken = (req: GraphRequest): string | undefined => {
  const header = req.headers.authorization?.trim();
  if (req.path.startsWith('/upload:'))
    return header ? /^OAuth\s+(.+)$/.exec(header)?.[1] : undefined;
  const param = req.params.access_token;
  if (typeof param === 'string' && param !== '') return param;
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header) : null;
  return match?.[1];
};

const appsecretProof = (token: string, appSecret: string): string =>
  createHmac('sha256', appSecret).update(token).digest('hex');

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

interface TokenSpec {
  kind: TokenKind;
  userId: string;
  /** Unix seconds; 0 for a token that does not expire. */
  expiresAt: number;
  longLived: boolean;
  pageId?: string;
}

const issueToken = (store: Store, spec: TokenSpec): Token => {
  const token: Token = {
    ...spec,
    value: `EAA${spec.kind === 'PAGE' ? 'P' : 'U'}${randomBytes(24).toString('base64url')}`,
    issuedAt: nowSeconds(),
  };
  store.tokens.set(token.value, token);
  return token;
};

const expiredMessage = (token: Token): string => {
  const expired = new Date(token.expiresAt * 1000).toUTCString();
  return `Error validating access token: Session has expired on ${expired}. The current time is ${new Date().toUTCString()}.`;
};

/** Why a stored token no longer works, as Graph's 190 error, or undefined when it is valid. */
const tokenProblem = (services: Services, token: Token): GraphError | undefined => {
  const grant = services.store.grants.get(token.userId);
  if (!grant?.authorized) {
    return invalidToken(
      458,
      `Error validating access token: The user has not authorized application ${services.config.appId}.`
    );
  }
  if (token.expiresAt !== 0 && token.expiresAt <= nowSeconds()) {
    return invalidToken(463, expiredMessage(token));
  }
  return undefined;
};

const unknownTokenError = (): GraphError =>
  invalidToken(467, 'Invalid OAuth access token - Cannot parse access token');

const isAppToken = (services: Services, value: string): boolean =>
  sameText(value, `${services.config.appId}|${services.config.appSecret}`);

const checkProof = (services: Services, req: GraphRequest, token: string): void => {
  if (!services.store.settings.requireAppsecretProof) return;
  const proof = req.params.appsecret_proof;
  if (typeof proof !== 'string' || proof === '') {
    throw new GraphError({
      message: 'API calls from the server require an appsecret_proof argument',
      type: 'GraphMethodException',
      code: 100,
    });
  }
  if (!sameText(proof.toLowerCase(), appsecretProof(token, services.config.appSecret))) {
    throw new GraphError({
      message: 'Invalid appsecret_proof provided in the API argument',
      type: 'GraphMethodException',
      code: 100,
    });
  }
};

/** Resolves and checks the calling token; throws the Graph error Meta would answer. */
const resolveCaller = (services: Services, req: GraphRequest): Caller => {
  const value = extractToken(req);
  if (!value) {
    throw new GraphError({
      message: 'An access token is required to request this resource.',
      type: 'OAuthException',
      code: 104,
    });
  }
  // App tokens carry the secret itself, so Meta does not ask them for a proof.
  if (isAppToken(services, value)) return { kind: 'APP' };
  const token = services.store.tokens.get(value);
  if (!token) throw unknownTokenError();
  const problem = tokenProblem(services, token);
  if (problem) throw problem;
  checkProof(services, req, value);
  if (token.kind === 'PAGE' && token.pageId) {
    return { kind: 'PAGE', token, userId: token.userId, pageId: token.pageId };
  }
  return { kind: 'USER', token, userId: token.userId };
};

const grantOf = (store: Store, userId: string): Grant => {
  const existing = store.grants.get(userId);
  if (existing) return existing;
  const grant: Grant = { userId, permissions: new Map(), authorized: false };
  store.grants.set(userId, grant);
  return grant;
};

const hasPermission = (ctx: GraphCtx, permission: string): boolean => {
  const caller = ctx.caller;
  if (!caller || caller.kind === 'APP') return false;
  return ctx.store.grants.get(caller.userId)?.permissions.get(permission) === 'granted';
};

const requirePermission = (ctx: GraphCtx, permission: string, code: 10 | 200 = 200): void => {
  if (!hasPermission(ctx, permission)) throw missingPermission(permission, code);
};

/** The user behind a user or Page token; app tokens act as no user. */
const callerUser = (ctx: GraphCtx): User => {
  const caller = ctx.caller;
  const user = caller && caller.kind !== 'APP' ? ctx.store.users.get(caller.userId) : undefined;
  if (!user) {
    throw new GraphError({
      message: 'An active access token must be used to query information about the current user.',
      type: 'OAuthException',
      code: 2500,
    });
  }
  return user;
};

export {
  appsecretProof,
  callerUser,
  expiredMessage,
  extractToken,
  grantOf,
  hasPermission,
  issueToken,
  LONG_LIVED_SECONDS,
  nowSeconds,
  requirePermission,
  resolveCaller,
  SHORT_LIVED_SECONDS,
  sameText,
  tokenProblem,
  unknownTokenError,
};
