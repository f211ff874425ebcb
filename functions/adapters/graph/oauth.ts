import type { GraphHttp, GraphResult } from './http.js';
import {
  type AccessToken,
  accessToken,
  type DebugToken,
  debugToken,
  type Me,
  me,
  type Permission,
  permissions,
  success,
} from './schemas.js';
import { GRAPH_API_VERSION } from './version.js';

/** Facebook Login (server-side flow, Facebook Login for Business) and token housekeeping. */

interface OAuthOptions {
  appId: string;
  appSecret: string;
  /** Where the login dialog lives: https://www.facebook.com, or the sandbox. */
  dialogBaseUrl: string;
}

/** What the login dialog should ask for: either plain scopes or a FLfB configuration. */
type DialogScope =
  | { scopes: readonly string[]; configId?: never }
  | { configId: string; scopes?: never };

type DialogParams = DialogScope & {
  redirectUri: string;
  /** Opaque, single-use value bound to the user's session (CSRF defence). */
  state: string;
  /** PKCE S256 challenge: base64url(SHA-256(verifier)). */
  codeChallenge?: string;
  /** Ask again for permissions the user declined earlier. */
  rerequest?: boolean;
};

/** The OAuth operations, bound to one app. */
interface OAuthOperations {
  /** Builds the login dialog URL the user's browser is sent to. */
  dialogUrl(params: DialogParams): string;
  /** Exchanges the dialog's `code` for a (short-lived) user token. */
  exchangeCode(params: {
    code: string;
    redirectUri: string;
    codeVerifier?: string;
  }): Promise<GraphResult<AccessToken>>;
  /** Exchanges a short-lived user token for a ~60-day one (fails for an expired token). */
  exchangeForLongLived(token: string): Promise<GraphResult<AccessToken>>;
  /** Inspects a token with the app token: validity, expiry, scopes and granular target ids. */
  debugToken(token: string): Promise<GraphResult<DebugToken>>;
  /** Revokes one permission, or the whole app grant when `permission` is omitted. */
  revokePermissions(
    token: string,
    userId: string,
    permission?: string
  ): Promise<GraphResult<boolean>>;
  /** The token's user. */
  me(token: string): Promise<GraphResult<Me>>;
  /** Granted and declined permissions of the token's user. */
  permissions(token: string): Promise<GraphResult<Permission[]>>;
}

/**
 * Creates the OAuth operations.
 *
 * The code and token exchanges put `client_secret` and tokens in the query string because that is the
 * only form Meta documents for `/oauth/access_token` and `/debug_token`; the transport never logs
 * query strings.
 */
const createOAuth = (http: GraphHttp, options: OAuthOptions): OAuthOperations => {
  const appToken = `${options.appId}|${options.appSecret}`;

  const dialogUrl = (params: DialogParams): string => {
    const url = new URL(
      `${options.dialogBaseUrl.replace(/\/+$/, '')}/${GRAPH_API_VERSION}/dialog/oauth`
    );
    const query: Record<string, string | undefined> = {
      client_id: options.appId,
      redirect_uri: params.redirectUri,
      state: params.state,
      response_type: 'code',
      ...(params.configId !== undefined
        ? { config_id: params.configId }
        : { scope: params.scopes.join(',') }),
      code_challenge: params.codeChallenge,
      code_challenge_method: params.codeChallenge ? 'S256' : undefined,
      auth_type: params.rerequest ? 'rerequest' : undefined,
    };
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    return url.toString();
  };

  return {
    dialogUrl,
    exchangeCode: ({ code, redirectUri, codeVerifier }) =>
      http.request(
        {
          method: 'GET',
          path: 'oauth/access_token',
          query: {
            client_id: options.appId,
            client_secret: options.appSecret,
            redirect_uri: redirectUri,
            code,
            code_verifier: codeVerifier,
          },
          // A code is single-use: a retry after a lost response would fail anyway and hide the cause.
          maxAttempts: 1,
        },
        accessToken
      ),
    exchangeForLongLived: (token) =>
      http.request(
        {
          method: 'GET',
          path: 'oauth/access_token',
          query: {
            grant_type: 'fb_exchange_token',
            client_id: options.appId,
            client_secret: options.appSecret,
            fb_exchange_token: token,
          },
        },
        accessToken
      ),
    debugToken: async (token) => {
      const result = await http.request(
        { method: 'GET', path: 'debug_token', token: appToken, query: { input_token: token } },
        debugToken
      );
      return { data: result.data.data, usage: result.usage };
    },
    revokePermissions: (token, userId, permission) =>
      http.request(
        {
          method: 'DELETE',
          path: permission
            ? `${encodeURIComponent(userId)}/permissions/${encodeURIComponent(permission)}`
            : `${encodeURIComponent(userId)}/permissions`,
          token,
        },
        success
      ),
    me: (token) =>
      http.request({ method: 'GET', path: 'me', token, query: { fields: 'id,name' } }, me),
    permissions: async (token) => {
      const result = await http.request(
        { method: 'GET', path: 'me/permissions', token },
        permissions
      );
      return { data: result.data.data, usage: result.usage };
    },
  };
};

export type { DialogParams, OAuthOperations, OAuthOptions };
export { createOAuth };
