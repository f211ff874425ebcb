import * as oauth from 'oauth4webapi';
import { type KeyValueStore, type Session, sessionOf } from './session.js';

/**
 * Sign-in through the deployment's identity provider: OpenID Connect authorization code with PKCE,
 * a public client (no secret in a browser), discovery from the configured issuer. oauth4webapi does
 * the protocol (discovery, state, PKCE, the token exchange and the ID token's checks). The access
 * token is what the API's JWT authorizer takes; its `tenant_id` claim names the tenant.
 */

interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  audience?: string;
  /** Where the provider sends the browser back: the console's own page. */
  redirectUri: string;
  /** Tests against a local provider over http; never in a browser. */
  allowHttp?: boolean;
}

/** What survives the trip to the provider and back: this tab only. */
const PENDING = 'tandem.oidc.pending';

interface Pending {
  state: string;
  codeVerifier: string;
}

const discover = async (settings: OidcSettings): Promise<oauth.AuthorizationServer> => {
  const issuer = new URL(settings.issuer);
  const options = settings.allowHttp ? { [oauth.allowInsecureRequests]: true } : {};
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options })
  );
};

/** The provider's authorization URL for a fresh state and PKCE pair, remembered in `store`. */
const beginSignIn = async (settings: OidcSettings, store: KeyValueStore): Promise<URL> => {
  const server = await discover(settings);
  if (!server.authorization_endpoint) {
    throw new Error(`${settings.issuer} publishes no authorization endpoint.`);
  }
  const pending: Pending = {
    state: oauth.generateRandomState(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
  };
  store.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(server.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: settings.scope,
    state: pending.state,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    ...(settings.audience ? { audience: settings.audience } : {}),
  }).toString();
  return url;
};

/**
 * Completes the sign-in the provider sent the browser back from: checks the state this tab began
 * with, exchanges the code with its PKCE verifier, and answers the session.
 */
const completeSignIn = async (
  settings: OidcSettings,
  store: KeyValueStore,
  callback: URL
): Promise<Session> => {
  const raw = store.getItem(PENDING);
  store.removeItem(PENDING);
  const pending = raw ? (JSON.parse(raw) as Pending) : undefined;
  if (!pending) throw new Error('This sign-in was not started in this tab; sign in again.');
  const server = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const params = oauth.validateAuthResponse(server, client, callback, pending.state);
  const options = settings.allowHttp ? { [oauth.allowInsecureRequests]: true } : {};
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    params,
    settings.redirectUri,
    pending.codeVerifier,
    options
  );
  const tokens = await oauth.processAuthorizationCodeResponse(server, client, response);
  const expiresAt =
    tokens.expires_in === undefined
      ? undefined
      : new Date(Date.now() + tokens.expires_in * 1000).toISOString();
  return sessionOf(tokens.access_token, expiresAt);
};

export type { OidcSettings };
export { beginSignIn, completeSignIn };
