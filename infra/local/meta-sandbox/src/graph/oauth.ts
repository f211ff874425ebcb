import {
  issueToken,
  LONG_LIVED_SECONDS,
  nowSeconds,
  SHORT_LIVED_SECONDS,
  sameText,
  tokenProblem,
  unknownTokenError,
} from '../auth.js';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { pkceMatches } from '../dialog.js';
import { GraphError, invalidParameter } from '../graph-error.js';
import type { Token } from '../store.js';
import { stringParam } from './common.js';

const checkClient = (ctx: GraphCtx): void => {
  if (stringParam(ctx, 'client_id') !== ctx.config.appId) {
    throw new GraphError({
      message: 'Error validating application. Invalid application ID.',
      type: 'OAuthException',
      code: 101,
    });
  }
  if (!sameText(stringParam(ctx, 'client_secret') ?? '', ctx.config.appSecret)) {
    // Meta really answers a bad secret with code 1; is_transient false says not to retry it.
    throw new GraphError({
      message: 'Error validating client secret.',
      type: 'OAuthException',
      code: 1,
      is_transient: false,
    });
  }
};

const codeError = (message: string, subcode?: number): GraphError =>
  invalidParameter(message, subcode ? { error_subcode: subcode } : {});

const exchangeCode = (ctx: GraphCtx): GraphResult => {
  const value = stringParam(ctx, 'code') ?? '';
  const code = ctx.store.codes.get(value);
  if (!code) throw codeError('Invalid verification code format.');
  if (code.used) throw codeError('This authorization code has been used.', 36009);
  if (code.expiresAt <= Date.now()) throw codeError('This authorization code has expired.', 36007);
  if (stringParam(ctx, 'redirect_uri') !== code.redirectUri) {
    throw codeError(
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      36008
    );
  }
  const verifier = stringParam(ctx, 'code_verifier');
  if (code.codeChallenge && !(verifier && pkceMatches(verifier, code.codeChallenge))) {
    throw codeError('Invalid code verifier.', 36008);
  }
  code.used = true;
  const token = issueToken(ctx.store, {
    kind: 'USER',
    userId: code.userId,
    expiresAt: nowSeconds() + SHORT_LIVED_SECONDS,
    longLived: false,
  });
  return {
    json: { access_token: token.value, token_type: 'bearer', expires_in: SHORT_LIVED_SECONDS },
  };
};

const exchangeForLongLived = (ctx: GraphCtx): GraphResult => {
  const old = ctx.store.tokens.get(stringParam(ctx, 'fb_exchange_token') ?? '');
  if (!old) throw unknownTokenError();
  const problem = tokenProblem(ctx, old);
  if (problem) throw problem;
  if (old.kind !== 'USER') {
    throw invalidParameter('(#100) fb_exchange_token must be a user access token');
  }
  const token = issueToken(ctx.store, {
    kind: 'USER',
    userId: old.userId,
    expiresAt: nowSeconds() + LONG_LIVED_SECONDS,
    longLived: true,
  });
  return {
    json: { access_token: token.value, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS },
  };
};

const accessToken = (ctx: GraphCtx): GraphResult => {
  checkClient(ctx);
  const grantType = stringParam(ctx, 'grant_type');
  if (grantType === 'fb_exchange_token') return exchangeForLongLived(ctx);
  if (grantType === 'client_credentials') {
    return {
      json: { access_token: `${ctx.config.appId}|${ctx.config.appSecret}`, token_type: 'bearer' },
    };
  }
  return exchangeCode(ctx);
};

/** The assets a permission reaches, as debug_token's granular_scopes lists them. */
const targetIds = (ctx: GraphCtx, scope: string, userId: string): string[] | undefined => {
  const user = ctx.store.users.get(userId);
  if (!user) return undefined;
  if (scope.startsWith('whatsapp_business_')) return ctx.store.wabaIdsOf(user);
  if (scope.startsWith('pages_')) return [...user.pageIds];
  if (scope === 'business_management') return [...user.businessIds];
  if (scope === 'ads_management' || scope === 'ads_read') {
    return user.adAccountIds.map((id) => id.replace(/^act_/, ''));
  }
  return undefined;
};

const describeToken = (ctx: GraphCtx, token: Token): Record<string, unknown> => {
  const problem = tokenProblem(ctx, token);
  const grant = ctx.store.grants.get(token.userId);
  const scopes = [...(grant?.permissions ?? [])]
    .filter(([, status]) => status === 'granted')
    .map(([scope]) => scope);
  const base: Record<string, unknown> = {
    app_id: ctx.config.appId,
    type: token.kind,
    application: 'Tandem',
    data_access_expires_at: token.issuedAt + 90 * 24 * 3600,
    expires_at: token.expiresAt,
    is_valid: problem === undefined,
    issued_at: token.issuedAt,
    scopes,
    granular_scopes: scopes.flatMap((scope) => {
      const ids = targetIds(ctx, scope, token.userId);
      return scope === 'public_profile' ? [] : [{ scope, ...(ids ? { target_ids: ids } : {}) }];
    }),
    user_id: token.userId,
    ...(token.pageId ? { profile_id: token.pageId } : {}),
  };
  if (problem) {
    base.error = {
      code: problem.fields.code,
      message: problem.fields.message,
      subcode: problem.fields.error_subcode,
    };
  }
  return base;
};

const debugToken = (ctx: GraphCtx): GraphResult => {
  const input = stringParam(ctx, 'input_token');
  if (!input) throw invalidParameter('(#100) The parameter input_token is required');
  if (input === `${ctx.config.appId}|${ctx.config.appSecret}`) {
    return {
      json: {
        data: { app_id: ctx.config.appId, type: 'APP', application: 'Tandem', is_valid: true },
      },
    };
  }
  const token = ctx.store.tokens.get(input);
  if (!token) {
    return {
      json: {
        data: {
          error: { code: 190, message: 'Invalid OAuth access token.' },
          is_valid: false,
          scopes: [],
        },
      },
    };
  }
  return { json: { data: describeToken(ctx, token) } };
};

const oauthRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/oauth/access_token',
    auth: 'none',
    handle: accessToken,
  },
  {
    method: 'POST',
    pattern: '/oauth/access_token',
    auth: 'none',
    handle: accessToken,
  },
  { method: 'GET', pattern: '/debug_token', auth: 'token', handle: debugToken },
];

export { oauthRoutes };
