import { createHash } from 'node:crypto';
import { PermissionError, ValidationError } from '../errors.js';
import { epochSeconds } from '../time.js';
import type { LinkingDeps } from './deps.js';
import { discoverAssets, type GrantAssets } from './grants.js';
import {
  type GrantView,
  grantIdFor,
  META_ID,
  missingRequiredScopes,
  REQUESTED_SCOPES,
  SESSION_ID,
  toGrantView,
} from './model.js';
import type { OAuthSession, TokenInfo } from './ports.js';

/** The only redirect URI Tandem ever sends: derived from configuration, never from a request. */
const redirectUriOf = (publicBaseUrl: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/oauth/callback`;

/** PKCE S256 (RFC 7636 §4.2): base64url(SHA-256(verifier)), no padding. */
const codeChallengeOf = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url');

interface StartLinkingOptions {
  /** Ask Meta to show permissions the user declined before (auth_type=rerequest). */
  rerequest?: boolean;
}

interface StartLinkingResult {
  authorizeUrl: string;
  /** ISO-8601: the sign-in must come back before this. */
  expiresAt: string;
}

/**
 * Starts a sign-in with Facebook for a tenant.
 *
 * 1. Draw a random state (256 bits) and a PKCE verifier.
 * 2. Store them, bound to the tenant, single-use, expiring after `stateTtlSeconds`.
 * 3. Build Meta's login dialog URL with the S256 challenge and the fixed redirect URI.
 *
 * The URL is built here rather than with the Graph client's `dialogUrl` so that starting a sign-in
 * needs neither the app secret nor a Graph client: the start function gets no access to the secret.
 */
const startLinking = async (
  deps: Pick<LinkingDeps, 'sessions' | 'clock' | 'ids' | 'oauth' | 'publicBaseUrl'>,
  tenantId: string,
  options: StartLinkingOptions = {}
): Promise<StartLinkingResult> => {
  const state = deps.ids.sessionId();
  const codeVerifier = deps.ids.codeVerifier();
  const expiresAt = epochSeconds(deps.clock.now()) + deps.oauth.stateTtlSeconds;
  await deps.sessions.put({ kind: 'authorize', id: state, tenantId, codeVerifier, expiresAt });
  const settings = deps.oauth;
  const url = new URL(
    `${settings.dialogBaseUrl.replace(/\/+$/, '')}/${settings.graphApiVersion}/dialog/oauth`
  );
  url.search = new URLSearchParams({
    client_id: settings.appId,
    redirect_uri: redirectUriOf(deps.publicBaseUrl),
    state,
    response_type: 'code',
    ...(settings.login.kind === 'configuration'
      ? { config_id: settings.login.configId }
      : { scope: REQUESTED_SCOPES.join(',') }),
    // PKCE is documented only for Meta's OIDC flow. Kept because it is harmless: the code exchange
    // authenticates with the app secret anyway, and the verifier goes with it in case Meta checks.
    code_challenge: codeChallengeOf(codeVerifier),
    code_challenge_method: 'S256',
    ...(options.rerequest ? { auth_type: 'rerequest' } : {}),
  }).toString();
  return { authorizeUrl: url.toString(), expiresAt: new Date(expiresAt * 1000).toISOString() };
};

/** What Meta's redirect carried back to the callback. */
interface CallbackInput {
  state?: string;
  code?: string;
  error?: string;
  errorReason?: string;
  errorDescription?: string;
}

type CallbackResult =
  | {
      kind: 'choose';
      tenantId: string;
      grant: GrantView;
      assets: GrantAssets;
      /** The single-use id the picker form posts back instead of a JWT. */
      selectionId: string;
      selectionExpiresAt: string;
    }
  | {
      kind: 'missing_scopes';
      missing: string[];
      /** A fresh sign-in that asks again for the declined permissions (classic login only). */
      retryUrl?: string;
      /**
       * The Login for Business configuration does not hold them: it is granted whole, so asking the
       * user again cannot help; the deployment's operator must add them to the configuration.
       */
      configurationIncomplete?: true;
    };

const stateInvalid = (): ValidationError =>
  new ValidationError(
    'This sign-in link is not valid or was already used. Start linking again from your app.',
    undefined,
    'oauth_state_invalid'
  );

/**
 * Takes the state out of the store (so a replay finds nothing), checking that it was issued by Tandem,
 * not used before and not expired.
 */
const consumeState = async (
  deps: Pick<LinkingDeps, 'sessions' | 'clock'>,
  state: string | undefined
): Promise<Extract<OAuthSession, { kind: 'authorize' }>> => {
  if (!state || !SESSION_ID.test(state)) throw stateInvalid();
  const session = await deps.sessions.consume('authorize', state);
  if (!session) throw stateInvalid();
  // TTL deletion lags by hours or days, so an item can outlive its expiry: check it here.
  if (session.expiresAt <= epochSeconds(deps.clock.now())) {
    throw new ValidationError(
      'This sign-in took too long and expired. Start linking again from your app.',
      undefined,
      'oauth_state_expired'
    );
  }
  return session;
};

const isoFromEpoch = (seconds: number | undefined): string | undefined =>
  seconds ? new Date(seconds * 1000).toISOString() : undefined;

const checkTokenInfo = (info: TokenInfo, appId: string): void => {
  // Meta's checklist: do not trust that a token was issued to this app.
  if (!info.isValid || info.appId !== appId || !META_ID.test(info.userId)) {
    throw new PermissionError(
      'Meta returned a token that is not valid for this app. Start linking again from your app.',
      undefined,
      'token_rejected'
    );
  }
};

/**
 * Completes the sign-in Meta redirected back from.
 *
 * 1. Consume the state (invalid, replayed or expired: refused) — first, so even a refusal burns it.
 * 2. A denied consent is refused with a clear message.
 * 3. Exchange the code (with the PKCE verifier), upgrade to a long-lived token, read what it grants.
 * 4. Missing required scopes: nothing is stored; offer a sign-in that asks for them again.
 * 5. Seal and store the grant (one per tenant and Meta user: signing in again refreshes it).
 * 6. List what the grant reaches and open a single-use selection session for the picker.
 */
const completeAuthorization = async (
  deps: Pick<
    LinkingDeps,
    'sessions' | 'grants' | 'links' | 'vault' | 'meta' | 'clock' | 'ids' | 'oauth' | 'publicBaseUrl'
  >,
  input: CallbackInput
): Promise<CallbackResult> => {
  const session = await consumeState(deps, input.state);
  if (input.error) {
    throw new PermissionError(
      input.error === 'access_denied'
        ? 'You cancelled the Facebook sign-in, so nothing was linked. Start linking again from your app when you are ready.'
        : `Facebook did not complete the sign-in (${input.error}). Start linking again from your app.`,
      { error: input.error, ...(input.errorReason ? { reason: input.errorReason } : {}) },
      'consent_denied'
    );
  }
  if (!input.code) {
    throw new ValidationError(
      'Facebook sent no authorisation code. Start linking again from your app.',
      undefined,
      'oauth_code_missing'
    );
  }
  const short = await deps.meta.exchangeCode({
    code: input.code,
    redirectUri: redirectUriOf(deps.publicBaseUrl),
    codeVerifier: session.codeVerifier,
  });
  const long = await deps.meta.exchangeForLongLived(short.accessToken);
  const info = await deps.meta.debugToken(long.accessToken);
  checkTokenInfo(info, deps.oauth.appId);

  const missing = missingRequiredScopes(info.scopes);
  if (missing.length > 0) {
    if (deps.oauth.login.kind === 'configuration') {
      return { kind: 'missing_scopes', missing, configurationIncomplete: true };
    }
    const retry = await startLinking(deps, session.tenantId, { rerequest: true });
    return { kind: 'missing_scopes', missing, retryUrl: retry.authorizeUrl };
  }

  const now = deps.clock.now();
  const grantId = grantIdFor(session.tenantId, info.userId);
  const wabaIds = [
    ...new Set(
      info.granularScopes
        .filter((granular) => granular.scope === 'whatsapp_business_management')
        .flatMap((granular) => granular.targetIds)
    ),
  ];
  const expiresAt =
    info.expiresAt ?? (long.expiresIn ? epochSeconds(now) + long.expiresIn : undefined);
  const grant = await deps.grants.save({
    grantId,
    tenantId: session.tenantId,
    metaUserId: info.userId,
    scopes: info.scopes,
    wabaIds,
    tokenExpiresAt: isoFromEpoch(expiresAt),
    dataAccessExpiresAt: isoFromEpoch(info.dataAccessExpiresAt),
    token: await deps.vault.seal(long.accessToken, {
      tenantId: session.tenantId,
      grantId,
      purpose: 'meta_user_token',
    }),
    updatedAt: now.toISOString(),
  });

  const assets = await discoverAssets(deps, long.accessToken, wabaIds);
  const selection = await openSelection(deps, session.tenantId, grantId);
  return {
    kind: 'choose',
    tenantId: session.tenantId,
    grant: toGrantView(grant),
    assets,
    selectionId: selection.id,
    selectionExpiresAt: selection.expiresAt,
  };
};

/** Opens a single-use, tenant-bound session the picker form posts back. */
const openSelection = async (
  deps: Pick<LinkingDeps, 'sessions' | 'clock' | 'ids' | 'oauth'>,
  tenantId: string,
  grantId: string
): Promise<{ id: string; expiresAt: string }> => {
  const id = deps.ids.sessionId();
  const expiresAt = epochSeconds(deps.clock.now()) + deps.oauth.selectionTtlSeconds;
  await deps.sessions.put({ kind: 'selection', id, tenantId, grantId, expiresAt });
  return { id, expiresAt: new Date(expiresAt * 1000).toISOString() };
};

export type { CallbackInput, CallbackResult, StartLinkingOptions, StartLinkingResult };
export { codeChallengeOf, completeAuthorization, openSelection, redirectUriOf, startLinking };
