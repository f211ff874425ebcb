import { createHash } from 'node:crypto';
import { ConflictError, PermissionError, type TandemError, ValidationError } from '../errors.js';
import { epochSeconds } from '../time.js';
import type { LinkingDeps } from './deps.js';
import { discoverAssets, type GrantAssets } from './grants.js';
import { refreshInstagram } from './instagram.js';
import {
  type GrantView,
  grantIdFor,
  META_ID,
  missingRequiredScopes,
  REQUESTED_SCOPES,
  SESSION_ID,
  toGrantView,
} from './model.js';
import { checkReturnUrl, type SignInOutcome } from './origins.js';
import type { OAuthSession, TokenInfo } from './ports.js';
import { STORY_SCOPES } from './stories-consent.js';

/** The only redirect URI Tandem ever sends: derived from configuration, never from a request. */
const redirectUriOf = (publicBaseUrl: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/oauth/callback`;

/** PKCE S256 (RFC 7636 §4.2): base64url(SHA-256(verifier)), no padding. */
const codeChallengeOf = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url');

/** Who the sign-in is for, as the browser's user will be shown it. */
interface SignInFor {
  tenantId: string;
  /** The tenant's display name (the JWT's `tenant_name` claim); the tenant id when it has none. */
  tenantName: string;
  /** Where the last page sends the browser back to, checked against the tenant's origins. */
  returnUrl?: string;
}

interface StartLinkingResult {
  /**
   * Tandem's begin URL to send the user's browser to (not Meta's dialog): it binds the sign-in to
   * that browser, names the tenant, and leads on to Meta.
   */
  authorizeUrl: string;
  /** ISO-8601: the sign-in must come back before this. */
  expiresAt: string;
}

/** SHA-256 of the browser's sign-in cookie, base64url: what sessions keep instead of the cookie. */
const browserHashOf = (browserKey: string): string =>
  createHash('sha256').update(browserKey, 'utf8').digest('base64url');

/** Opens an authorize session: a random state (256 bits) and PKCE verifier, single-use, short-lived. */
const openAuthorization = async (
  deps: Pick<LinkingDeps, 'sessions' | 'clock' | 'ids' | 'oauth'>,
  signInFor: SignInFor & { purpose?: 'stories' },
  browserHash?: string
): Promise<Extract<OAuthSession, { kind: 'authorize' }>> => {
  const session = {
    kind: 'authorize' as const,
    id: deps.ids.sessionId(),
    tenantId: signInFor.tenantId,
    tenantName: signInFor.tenantName,
    codeVerifier: deps.ids.codeVerifier(),
    ...(signInFor.purpose ? { purpose: signInFor.purpose } : {}),
    ...(browserHash ? { browserHash } : {}),
    ...(signInFor.returnUrl ? { returnUrl: signInFor.returnUrl } : {}),
    expiresAt: epochSeconds(deps.clock.now()) + deps.oauth.stateTtlSeconds,
  };
  await deps.sessions.put(session);
  return session;
};

/**
 * Meta's login dialog URL for a session, with the S256 challenge and the fixed redirect URI.
 *
 * The URL is built here rather than with the Graph client's `dialogUrl` so that the sign-in needs
 * neither the app secret nor a Graph client: these functions get no access to the secret.
 */
const dialogUrlOf = (
  deps: Pick<LinkingDeps, 'oauth' | 'publicBaseUrl'>,
  session: Pick<OAuthSession & { kind: 'authorize' }, 'id' | 'codeVerifier' | 'purpose'>,
  options: { rerequest?: boolean } = {}
): string => {
  const settings = deps.oauth;
  const stories = session.purpose === 'stories';
  const login = stories ? settings.storiesLogin : settings.login;
  if (!login) throw storiesLoginMissing();
  const url = new URL(
    `${settings.dialogBaseUrl.replace(/\/+$/, '')}/${settings.graphApiVersion}/dialog/oauth`
  );
  url.search = new URLSearchParams({
    client_id: settings.appId,
    redirect_uri: redirectUriOf(deps.publicBaseUrl),
    state: session.id,
    response_type: 'code',
    ...(login.kind === 'configuration'
      ? { config_id: login.configId }
      : { scope: (stories ? [...REQUESTED_SCOPES, ...STORY_SCOPES] : REQUESTED_SCOPES).join(',') }),
    // PKCE is documented only for Meta's OIDC flow. Kept because it is harmless: the code exchange
    // authenticates with the app secret anyway, and the verifier goes with it in case Meta checks.
    code_challenge: codeChallengeOf(session.codeVerifier),
    code_challenge_method: 'S256',
    ...(options.rerequest || (stories && login.kind === 'scopes')
      ? { auth_type: 'rerequest' }
      : {}),
  }).toString();
  return url.toString();
};

/**
 * Starts a sign-in with Facebook for a tenant: checks its `returnUrl` (if any) against the tenant's
 * registered origins, opens the authorize session and answers Tandem's begin URL. The session is bound to a browser only when that browser continues from the begin page,
 * so a link preview or a mail scanner fetching the URL takes nothing from the user.
 */
const startLinking = async (
  deps: Pick<LinkingDeps, 'sessions' | 'settings' | 'clock' | 'ids' | 'oauth' | 'publicBaseUrl'>,
  signInFor: SignInFor & { purpose?: 'stories' }
): Promise<StartLinkingResult> => {
  if (signInFor.purpose === 'stories' && !deps.oauth.storiesLogin) throw storiesLoginMissing();
  const returnUrl =
    signInFor.returnUrl === undefined
      ? undefined
      : await checkReturnUrl(deps, signInFor.tenantId, signInFor.returnUrl);
  const session = await openAuthorization(deps, {
    tenantId: signInFor.tenantId,
    tenantName: signInFor.tenantName,
    ...(signInFor.purpose ? { purpose: signInFor.purpose } : {}),
    ...(returnUrl ? { returnUrl } : {}),
  });
  const url = new URL(`${deps.publicBaseUrl.replace(/\/+$/, '')}/oauth/begin`);
  url.searchParams.set('state', session.id);
  return {
    authorizeUrl: url.toString(),
    expiresAt: new Date(session.expiresAt * 1000).toISOString(),
  };
};

/** A business deployment without the stories login configuration cannot ask for the permissions. */
const storiesLoginMissing = (): ConflictError =>
  new ConflictError(
    'This deployment has no Facebook login configuration for stories (META_STORIES_LOGIN_CONFIG_ID), so it cannot ask for the story permissions. Ask its operator to add one.',
    undefined,
    'stories_login_unavailable'
  );

const stateInvalid = (): ValidationError =>
  new ValidationError(
    'This sign-in link is not valid or was already used. Start linking again from your app.',
    undefined,
    'oauth_state_invalid'
  );

const stateExpired = (): ValidationError =>
  new ValidationError(
    'This sign-in took too long and expired. Start linking again from your app.',
    undefined,
    'oauth_state_expired'
  );

/** The flow came back in a browser other than the one that started it (or without its cookie). */
const otherBrowser = (): PermissionError =>
  new PermissionError(
    'This sign-in was started in another browser, or this browser refused its cookie, so nothing was linked. Start linking again from your app, in this browser, and allow its cookies.',
    undefined,
    'oauth_browser_mismatch'
  );

/** What the begin page shows before the browser goes on to Meta. */
interface SignInView {
  state: string;
  tenantName: string;
  expiresAt: string;
}

/** An authorize session that exists and has not expired, read without using it up. */
const liveAuthorization = async (
  deps: Pick<LinkingDeps, 'sessions' | 'clock'>,
  state: string | undefined
): Promise<Extract<OAuthSession, { kind: 'authorize' }>> => {
  if (!state || !SESSION_ID.test(state)) throw stateInvalid();
  const session = await deps.sessions.get('authorize', state);
  if (!session) throw stateInvalid();
  if (session.expiresAt <= epochSeconds(deps.clock.now())) throw stateExpired();
  return session;
};

/**
 * GET /oauth/begin: the sign-in's first page, naming the tenant the Pages will be linked to. Reads the
 * session without changing it (a GET may be a link preview); refuses one used, expired, or already
 * continued from another browser.
 */
const viewSignIn = async (
  deps: Pick<LinkingDeps, 'sessions' | 'clock'>,
  state: string | undefined,
  browserKey: string | undefined
): Promise<SignInView> => {
  const session = await liveAuthorization(deps, state);
  if (session.browserHash && (!browserKey || session.browserHash !== browserHashOf(browserKey))) {
    throw otherBrowser();
  }
  return {
    state: session.id,
    tenantName: session.tenantName,
    expiresAt: new Date(session.expiresAt * 1000).toISOString(),
  };
};

/**
 * POST /oauth/begin: the user chose to continue. Binds the session to this browser's sign-in cookie
 * (the first browser to continue keeps it; the same one may continue again) and answers Meta's
 * dialog URL.
 */
const continueSignIn = async (
  deps: Pick<LinkingDeps, 'sessions' | 'clock' | 'oauth' | 'publicBaseUrl'>,
  state: string | undefined,
  browserKey: string
): Promise<string> => {
  const session = await liveAuthorization(deps, state);
  const bound = await deps.sessions.bindBrowser(session.id, browserHashOf(browserKey));
  if (bound === 'missing') throw stateInvalid();
  if (bound === 'taken') throw otherBrowser();
  return dialogUrlOf(deps, session);
};

/** What Meta's redirect carried back to the callback, and the browser it came back in. */
interface CallbackInput {
  /** The browser's sign-in cookie, if it sent one. */
  browserKey: string | undefined;
  state?: string;
  code?: string;
  error?: string;
  errorReason?: string;
  errorDescription?: string;
}

/**
 * A sign-in that began with a returnUrl and ended badly: the browser goes back to the client app with
 * the outcome instead of staying on Tandem's error page. Without a returnUrl the error is thrown.
 */
interface SignInEnded {
  kind: 'ended';
  outcome: Exclude<SignInOutcome, 'linked'>;
  returnUrl: string;
  error: TandemError;
}

/** Ends the sign-in: back to the client app when it gave a returnUrl, otherwise the error. */
const endSignIn = (
  returnUrl: string | undefined,
  outcome: SignInEnded['outcome'],
  error: TandemError
): SignInEnded => {
  if (!returnUrl) throw error;
  return { kind: 'ended', outcome, returnUrl, error };
};

type CallbackResult =
  | SignInEnded
  | {
      kind: 'choose';
      tenantId: string;
      tenantName: string;
      grant: GrantView;
      assets: GrantAssets;
      /** The single-use id the picker form posts back instead of a JWT. */
      selectionId: string;
      selectionExpiresAt: string;
    }
  | {
      /** A stories sign-in: the grant now holds what it granted; there is nothing to pick. */
      kind: 'permissions_granted';
      tenantName: string;
      /** Story permissions the user still did not grant. */
      missing: string[];
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

/**
 * Takes the state out of the store (so a replay finds nothing), checking that it was issued by Tandem
 * and not used before.
 */
const consumeState = async (
  deps: Pick<LinkingDeps, 'sessions'>,
  state: string | undefined
): Promise<Extract<OAuthSession, { kind: 'authorize' }>> => {
  if (!state || !SESSION_ID.test(state)) throw stateInvalid();
  const session = await deps.sessions.consume('authorize', state);
  if (!session) throw stateInvalid();
  return session;
};

/** The session, if it came back in the browser that continued to Meta with it. */
const boundToBrowser = (
  session: Extract<OAuthSession, { kind: 'authorize' }>,
  browserKey: string | undefined
): Extract<OAuthSession, { kind: 'authorize' }> & { browserHash: string } => {
  const { browserHash } = session;
  if (!browserHash || !browserKey || browserHash !== browserHashOf(browserKey)) {
    throw otherBrowser();
  }
  return { ...session, browserHash };
};

/** The user could pick nothing: every Page or every number is linked already, or there is none. */
const nothingSelectable = (assets: GrantAssets): ConflictError | undefined => {
  const pages = assets.pages.filter((page) => !page.linked).length;
  const numbers = assets.phoneNumbers.filter((number) => !number.linked).length;
  if (pages > 0 && numbers > 0) return undefined;
  return new ConflictError(
    `This sign-in reaches no ${pages === 0 ? 'Facebook Page' : 'WhatsApp number'} that is not linked already, so there is nothing to link. Unlink one first, or sign in with an account that manages others.`,
    { pages: assets.pages.length, phoneNumbers: assets.phoneNumbers.length },
    'nothing_selectable'
  );
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
 * 1. Consume the state (invalid, replayed, expired or back in another browser: refused) — first, so
 *    even a refusal burns it.
 * 2. A denied consent is refused with a clear message.
 *    An expired state, a cancelled or failed consent, and (step 6) a sign-in with nothing to pick end
 *    it: a sign-in that began with a returnUrl sends the browser back there with the outcome
 *    (`ended`); one without shows the error.
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
  const taken = await consumeState(deps, input.state);
  // TTL deletion lags by hours or days, so an item can outlive its expiry: check it here.
  if (taken.expiresAt <= epochSeconds(deps.clock.now())) {
    return endSignIn(taken.returnUrl, 'expired', stateExpired());
  }
  const session = boundToBrowser(taken, input.browserKey);
  if (input.error) {
    const denied = new PermissionError(
      input.error === 'access_denied'
        ? 'You cancelled the Facebook sign-in, so nothing was linked. Start linking again from your app when you are ready.'
        : `Facebook did not complete the sign-in (${input.error}). Start linking again from your app.`,
      { error: input.error, ...(input.errorReason ? { reason: input.errorReason } : {}) },
      'consent_denied'
    );
    return endSignIn(
      session.returnUrl,
      input.error === 'access_denied' ? 'cancelled' : 'failed',
      denied
    );
  }
  if (!input.code) {
    return endSignIn(
      session.returnUrl,
      'failed',
      new ValidationError(
        'Facebook sent no authorisation code. Start linking again from your app.',
        undefined,
        'oauth_code_missing'
      )
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
    // The retry goes straight to Meta: it is opened already bound to this browser.
    const retry = await openAuthorization(deps, session, session.browserHash);
    return {
      kind: 'missing_scopes',
      missing,
      retryUrl: dialogUrlOf(deps, retry, { rerequest: true }),
    };
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

  if (session.purpose === 'stories') {
    // The grant may now read the Pages' Instagram accounts (instagram_basic): its links learn theirs.
    const links = (await deps.links.listByMetaUser(info.userId)).filter(
      (link) => link.tenantId === session.tenantId && link.grantId === grantId
    );
    await refreshInstagram(deps, long.accessToken, info.scopes, links);
    return {
      kind: 'permissions_granted',
      tenantName: session.tenantName,
      missing: STORY_SCOPES.filter((scope) => !info.scopes.includes(scope)),
    };
  }
  const assets = await discoverAssets(deps, long.accessToken, wabaIds);
  // Without a returnUrl the picker shows what is linked already, greyed out, and why.
  const nothing = session.returnUrl ? nothingSelectable(assets) : undefined;
  if (nothing) return endSignIn(session.returnUrl, 'nothing_selectable', nothing);
  const selection = await openSelection(deps, { ...session, grantId });
  return {
    kind: 'choose',
    tenantId: session.tenantId,
    tenantName: session.tenantName,
    grant: toGrantView(grant),
    assets,
    selectionId: selection.id,
    selectionExpiresAt: selection.expiresAt,
  };
};

/** Opens a single-use session the picker form posts back, bound to the tenant and the browser. */
const openSelection = async (
  deps: Pick<LinkingDeps, 'sessions' | 'clock' | 'ids' | 'oauth'>,
  bound: {
    tenantId: string;
    tenantName: string;
    grantId: string;
    browserHash: string;
    returnUrl?: string;
  }
): Promise<{ id: string; expiresAt: string }> => {
  const id = deps.ids.sessionId();
  const expiresAt = epochSeconds(deps.clock.now()) + deps.oauth.selectionTtlSeconds;
  await deps.sessions.put({
    kind: 'selection',
    id,
    tenantId: bound.tenantId,
    tenantName: bound.tenantName,
    grantId: bound.grantId,
    browserHash: bound.browserHash,
    ...(bound.returnUrl ? { returnUrl: bound.returnUrl } : {}),
    expiresAt,
  });
  return { id, expiresAt: new Date(expiresAt * 1000).toISOString() };
};

export type {
  CallbackInput,
  CallbackResult,
  SignInEnded,
  SignInFor,
  SignInView,
  StartLinkingResult,
};
export {
  browserHashOf,
  codeChallengeOf,
  completeAuthorization,
  continueSignIn,
  endSignIn,
  openSelection,
  otherBrowser,
  redirectUriOf,
  startLinking,
  viewSignIn,
};
