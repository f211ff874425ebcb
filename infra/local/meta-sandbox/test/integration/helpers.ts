import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DEMO, DEMO_LOGIN_PERMISSIONS } from '../../src/seed.js';
import type { Sandbox, SandboxOptions } from '../../src/server.js';
import { startSandbox } from '../../src/server.js';

/** Shared set-up for the sandbox's integration tests: one app, a login helper, Graph and admin calls. */

const APP_ID = '1234567890123';
const APP_SECRET = 'sandbox-test-app-secret-0123456789';
const REDIRECT_URI = 'http://127.0.0.1:3999/oauth/callback';

/** What the demo login configuration (DEMO.loginConfigId) grants. */
const ALL_SCOPES = DEMO_LOGIN_PERMISSIONS;

const startTestSandbox = (options: Partial<SandboxOptions> = {}): Promise<Sandbox> =>
  startSandbox({ appId: APP_ID, appSecret: APP_SECRET, redirectUris: [REDIRECT_URI], ...options });

const proofOf = (token: string): string =>
  createHmac('sha256', APP_SECRET).update(token).digest('hex');

interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

interface GraphOptions {
  token?: string;
  method?: string;
  /** Sent as a form body unless `json` is set. */
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  /** false: no appsecret_proof; a string: that proof. Default: the right proof. */
  proof?: boolean | string;
  /** Put the token in an Authorization header instead of the query. */
  tokenInHeader?: boolean;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const withAuth = (url: URL, options: GraphOptions): Record<string, string> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) {
    if (options.tokenInHeader) headers.authorization = `Bearer ${options.token}`;
    else url.searchParams.set('access_token', options.token);
    if (options.proof !== false) {
      url.searchParams.set(
        'appsecret_proof',
        typeof options.proof === 'string' ? options.proof : proofOf(options.token)
      );
    }
  }
  return headers;
};

/** Calls the sandbox's Graph API under /v25.0 (unless the path already names a version). */
const graph = async <T = Record<string, unknown>>(
  sandbox: Sandbox,
  path: string,
  options: GraphOptions = {}
): Promise<Reply<T>> => {
  const url = new URL(path.startsWith('/v') ? path : `/v25.0${path}`, sandbox.url);
  const headers = withAuth(url, options);
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const response = await fetch(url, {
    method: options.method ?? (body ? 'POST' : 'GET'),
    headers,
    ...(body ? { body } : {}),
    redirect: 'manual',
  });
  return {
    status: response.status,
    headers: response.headers,
    body: parse(await response.text()) as T,
  };
};

const admin = async <T = Record<string, unknown>>(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown
): Promise<Reply<T>> => {
  const response = await fetch(`${sandbox.url}/_admin${path}`, {
    method,
    ...(body !== undefined
      ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
      : {}),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: parse(await response.text()) as T,
  };
};

interface DialogParams {
  /** A classic app's `scope`; without it the dialog names a Login for Business configuration. */
  scopes?: string[];
  /** The configuration to log in with; the demo one unless given. */
  configId?: string;
  redirectUri?: string;
  clientId?: string;
  state?: string;
  codeChallenge?: string;
}

const openDialog = async (sandbox: Sandbox, params: DialogParams = {}) => {
  const url = new URL('/v25.0/dialog/oauth', sandbox.url);
  url.searchParams.set('client_id', params.clientId ?? APP_ID);
  url.searchParams.set('redirect_uri', params.redirectUri ?? REDIRECT_URI);
  url.searchParams.set('state', params.state ?? 'state-123');
  url.searchParams.set('response_type', 'code');
  if (params.scopes) url.searchParams.set('scope', params.scopes.join(','));
  else url.searchParams.set('config_id', params.configId ?? DEMO.loginConfigId);
  if (params.codeChallenge) {
    url.searchParams.set('code_challenge', params.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  const response = await fetch(url, { redirect: 'manual' });
  const html = await response.text();
  return {
    status: response.status,
    html,
    session: /name="session" value="([^"]+)"/.exec(html)?.[1],
  };
};

/** Answers the consent page: Continue with the given boxes ticked, or Cancel. */
const answerDialog = async (
  sandbox: Sandbox,
  session: string,
  action: 'continue' | 'cancel',
  ticked: string[] = ALL_SCOPES
) => {
  const form = new URLSearchParams({ session, action });
  for (const scope of ticked) form.append('scope', scope);
  const response = await fetch(`${sandbox.url}/v25.0/dialog/oauth/confirm`, {
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  return {
    status: response.status,
    location: new URL(response.headers.get('location') ?? 'http://invalid/'),
  };
};

const exchangeCode = (sandbox: Sandbox, code: string, extra: Record<string, string> = {}) =>
  graph<{ access_token: string; token_type: string; expires_in: number }>(
    sandbox,
    `/oauth/access_token?${new URLSearchParams({ client_id: APP_ID, client_secret: APP_SECRET, redirect_uri: REDIRECT_URI, code, ...extra })}`
  );

/**
 * The whole login through a Login for Business configuration granting `permissions` (the demo one
 * when all are asked for), and the code exchange: a short-lived user token.
 */
const login = async (sandbox: Sandbox, permissions: string[] = ALL_SCOPES): Promise<string> => {
  const configId =
    permissions === ALL_SCOPES
      ? DEMO.loginConfigId
      : (await admin<{ id: string }>(sandbox, 'POST', '/login-configurations', { permissions }))
          .body.id;
  const dialog = await openDialog(sandbox, { configId });
  const answer = await answerDialog(sandbox, dialog.session ?? '', 'continue');
  const token = await exchangeCode(sandbox, answer.location.searchParams.get('code') ?? '');
  return token.body.access_token;
};

const pkcePair = (): { verifier: string; challenge: string } => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_user_title?: string;
    error_user_msg?: string;
    fbtrace_id: string;
    is_transient?: boolean;
  };
}

export type { GraphErrorBody, Reply };
export {
  ALL_SCOPES,
  APP_ID,
  APP_SECRET,
  admin,
  answerDialog,
  exchangeCode,
  graph,
  login,
  openDialog,
  pkcePair,
  proofOf,
  REDIRECT_URI,
  startTestSandbox,
};
