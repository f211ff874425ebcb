import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { grantOf } from './auth.js';
import type { Services } from './context.js';
import { consentPage, errorPage } from './html.js';
import { readBody } from './http.js';

/**
 * The Facebook Login dialog (www.facebook.com/{v}/dialog/oauth): a consent page for the sandbox's
 * current user, then a redirect back with a code or with Meta's denial parameters.
 */

const CODE_LIFETIME_MS = 10 * 60 * 1000;

const sendHtml = (res: ServerResponse, status: number, html: string): void => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
};

const redirect = (res: ServerResponse, target: string): void => {
  res.writeHead(302, { location: target });
  res.end();
};

const isLoopbackHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return loopback && (url.protocol === 'http:' || url.protocol === 'https:');
  } catch {
    return false;
  }
};

const redirectAllowed = (services: Services, uri: string): boolean => {
  const allowed = services.config.redirectUris;
  return allowed.length > 0 ? allowed.includes(uri) : isLoopbackHttpUrl(uri);
};

/**
 * Why the dialog cannot go on, or undefined; errors are shown to the user and never redirected. A
 * Business app logs in with a saved configuration: `scope` without `config_id` gets the page Meta
 * shows ("It looks like this app isn't available"), as integrators report
 * (https://github.com/laravel/socialite/issues/716; Meta: https://developers.facebook.com/documentation/facebook-login/facebook-login-for-business).
 */
const dialogProblem = (services: Services, query: URLSearchParams): string | undefined => {
  if (query.get('client_id') !== services.config.appId) {
    return 'Invalid App ID: the app you are trying to use does not exist or has been disabled.';
  }
  const configId = query.get('config_id');
  if (services.store.settings.appType === 'business') {
    if (!configId) {
      return "It looks like this app isn't available. This app needs at least one supported permission: it logs in with a Facebook Login for Business configuration (config_id), not scope.";
    }
    if (!services.store.loginConfigurations.has(configId)) {
      return `Invalid config_id: no Facebook Login for Business configuration ${configId} on this app.`;
    }
  } else if (configId) {
    return 'config_id is only available to Business apps (Facebook Login for Business); this app logs in with scope.';
  }
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!redirectAllowed(services, redirectUri)) {
    return "URL blocked: this redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.";
  }
  const responseType = query.get('response_type') ?? 'code';
  if (responseType !== 'code') return `Unsupported response_type '${responseType}'.`;
  const method = query.get('code_challenge_method');
  if (query.get('code_challenge') && method !== 'S256') {
    return 'Invalid code_challenge_method: only S256 is supported.';
  }
  return undefined;
};

const requestedScopes = (services: Services, query: URLSearchParams): string[] => {
  const configId = query.get('config_id');
  if (configId) return services.store.loginConfigurations.get(configId)?.permissions ?? [];
  const scopes = (query.get('scope') ?? '')
    .split(/[,\s]+/)
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
  return [...new Set(scopes)];
};

const showDialog = (services: Services, url: URL, res: ServerResponse): void => {
  const problem = dialogProblem(services, url.searchParams);
  if (problem) {
    sendHtml(res, 400, errorPage('Something went wrong', problem));
    return;
  }
  const user = services.store.users.get(services.store.settings.dialogUserId);
  if (!user) {
    sendHtml(res, 400, errorPage('Not logged in', 'The sandbox has no user to log in as.'));
    return;
  }
  const challenge = url.searchParams.get('code_challenge');
  const state = url.searchParams.get('state');
  const configId = url.searchParams.get('config_id');
  const session = {
    id: randomBytes(12).toString('base64url'),
    clientId: services.config.appId,
    redirectUri: url.searchParams.get('redirect_uri') ?? '',
    scopes: requestedScopes(services, url.searchParams),
    ...(configId ? { configId } : {}),
    ...(state !== null ? { state } : {}),
    ...(challenge ? { codeChallenge: challenge } : {}),
  };
  services.store.dialogs.set(session.id, session);
  const html = consentPage({
    formAction: `${url.pathname}/confirm`,
    sessionId: session.id,
    appName: 'Tandem',
    userName: user.name,
    scopes: session.scopes,
    // A configuration is granted whole: there is nothing to untick.
    allOrNothing: configId !== null,
  });
  sendHtml(res, 200, html);
};

const withParams = (base: string, params: Record<string, string | undefined>): string => {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
};

const answerDialog = async (
  services: Services,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> => {
  const form = new URLSearchParams((await readBody(req)).toString('utf8'));
  const session = services.store.dialogs.get(form.get('session') ?? '');
  if (!session) {
    sendHtml(res, 400, errorPage('Session expired', 'Start the login again from the app.'));
    return;
  }
  services.store.dialogs.delete(session.id);
  if (form.get('action') !== 'continue') {
    redirect(
      res,
      withParams(session.redirectUri, {
        error: 'access_denied',
        error_code: '200',
        error_description: 'Permissions error',
        error_reason: 'user_denied',
        state: session.state,
      })
    );
    return;
  }
  const userId = services.store.settings.dialogUserId;
  const ticked = session.configId ? new Set(session.scopes) : new Set(form.getAll('scope'));
  const grant = grantOf(services.store, userId);
  grant.authorized = true;
  // A configuration's token holds exactly the configuration's permissions; classic grants add up.
  if (session.configId) grant.permissions.clear();
  grant.permissions.set('public_profile', 'granted');
  for (const scope of session.scopes) {
    grant.permissions.set(scope, ticked.has(scope) ? 'granted' : 'declined');
  }
  const code = `AQ${randomBytes(32).toString('base64url')}`;
  services.store.codes.set(code, {
    code,
    clientId: session.clientId,
    redirectUri: session.redirectUri,
    userId,
    expiresAt: Date.now() + CODE_LIFETIME_MS,
    used: false,
    ...(session.codeChallenge ? { codeChallenge: session.codeChallenge } : {}),
  });
  redirect(res, withParams(session.redirectUri, { code, state: session.state }));
};

/** PKCE S256: base64url(sha256(verifier)) must equal the challenge sent to the dialog. */
const pkceMatches = (verifier: string, challenge: string): boolean =>
  createHash('sha256').update(verifier).digest('base64url') === challenge;

export { answerDialog, pkceMatches, showDialog };
