import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdminInputError, adminRoutes } from './admin/routes.js';
import type { GraphRequest, SandboxConfig, Services } from './context.js';
import { answerDialog, showDialog } from './dialog.js';
import { FaultBook } from './faults.js';
import { dispatchGraph } from './graph/dispatch.js';
import { ruploadVideo } from './graph/stories.js';
import { headerValue, isLoopback, parseBody, readBody, sendJson } from './http.js';
import { serveMedia } from './media.js';
import { NEWEST_VERSION } from './meta-spec/index.js';
import { OutageBook } from './outages.js';
import { loadStore, persistStore } from './persist.js';
import { findRoute } from './router.js';
import { seedApp, seedDemo } from './seed.js';
import { Store } from './store.js';
import { UsageTracker } from './usage.js';

/**
 * The Meta sandbox: one node:http server standing in for graph.facebook.com, the Facebook Login
 * dialog and Meta's CDNs, plus a loopback-only admin API. Tandem's Graph client talks to it by base
 * URL alone, so paths, parameters, bodies, errors and headers are the real ones.
 */

interface SandboxOptions {
  /** 0 = an ephemeral port (tests). */
  port?: number;
  host?: string;
  /** Numeric Meta app id. */
  appId: string;
  appSecret: string;
  /** Exact-match allow list for the OAuth dialog; empty allows any http(s) loopback URL. */
  redirectUris?: string[];
  /** Where Page webhooks are delivered. */
  webhook?: { callbackUrl: string; verifyToken: string };
  /** Where WhatsApp Business Account webhooks are delivered (Meta's app config has one per object). */
  whatsappWebhook?: { callbackUrl: string; verifyToken: string };
  metaCallbacks?: { deauthorizeUrl?: string; dataDeletionUrl?: string };
  /** Seed the demo business (default true). */
  seed?: boolean;
  /**
   * Keep the state in this file: loaded at start (instead of seeding), saved within seconds of a
   * change and at close, so a restarted local system finds the same Meta.
   */
  statePath?: string;
  /**
   * The token of the app's system user (an administrator of the app, for Resumable Upload sessions);
   * a fresh one when not given. `Sandbox.systemUserToken` says which.
   */
  systemUserToken?: string;
  log?: (line: string) => void;
}

interface Sandbox {
  url: string;
  /** The app's system user token: what Tandem's deployment holds in Secrets Manager. */
  systemUserToken: string;
  close(): Promise<void>;
}

const VERSION_PREFIX = /^\/v\d+\.\d+(?=\/|$)/;
const SECRET_PARAMS = new Set([
  'access_token',
  'appsecret_proof',
  'client_secret',
  'code',
  'code_verifier',
  'fb_exchange_token',
  'input_token',
  'bytes',
]);

const publicQuery = (query: URLSearchParams): Record<string, string> =>
  Object.fromEntries([...query].filter(([name]) => !SECRET_PARAMS.has(name)));

const handleAdmin = async (
  services: Services,
  reset: () => void,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<void> => {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { error: 'The admin API answers loopback callers only' });
    return;
  }
  const found = findRoute(adminRoutes, req.method ?? 'GET', url.pathname);
  if (!('route' in found)) {
    sendJson(res, found.pathMatched ? 405 : 404, {
      error: `No admin route ${req.method} ${url.pathname}`,
    });
    return;
  }
  const raw = await readBody(req);
  try {
    const body: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    const result = await found.route.handle({
      ...services,
      params: found.params,
      query: url.searchParams,
      body,
      reset,
    });
    sendJson(res, result.status ?? 200, result.json);
  } catch (error) {
    const clientFault = error instanceof AdminInputError || error instanceof SyntaxError;
    if (!clientFault) services.config.log(`sandbox: admin error ${String(error)}`);
    sendJson(res, clientFault ? 400 : 500, {
      error: error instanceof Error ? error.message : String(error),
    });
  }
};

/** The body as the spec checker reads it: JSON parsed, a form as its fields, else its size. */
const checkedBody = (contentType: string | undefined, raw: Buffer): GraphRequest['body'] => {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  try {
    if (type === 'application/json') return { json: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { bytes: raw.length };
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { form: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
  }
  return { bytes: raw.length };
};

const toGraphRequest = (
  req: IncomingMessage,
  url: URL,
  path: string,
  raw: Buffer
): GraphRequest => {
  let body: Record<string, unknown> = {};
  try {
    body = parseBody(headerValue(req, 'content-type'), raw);
  } catch {
    // Graph ignores a body it cannot parse and then complains about the missing parameters.
  }
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ])
  );
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: path === '' ? '/' : path,
    version: VERSION_PREFIX.exec(url.pathname)?.[0].slice(1) ?? NEWEST_VERSION,
    query: url.searchParams,
    params: { ...Object.fromEntries(url.searchParams), ...body },
    headers,
    rawBody: raw,
    body: checkedBody(headerValue(req, 'content-type'), raw),
  };
};

const handleGraph = async (
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<void> => {
  const path = url.pathname.replace(VERSION_PREFIX, '');
  const request = toGraphRequest(req, url, path, await readBody(req));
  const outcome = await dispatchGraph(services, request, url.pathname);
  // A connection cut before the call ran leaves no trace; one cut after it ran is a lost answer.
  if (outcome.drop && outcome.status === 0) {
    req.socket.destroy();
    return;
  }
  const batch = outcome.headers['x-sandbox-batch'];
  const { 'x-sandbox-batch': _batch, ...headers } = outcome.headers;
  services.store.requests.push({
    method: request.method,
    path: request.path,
    query: publicQuery(url.searchParams),
    status: outcome.status,
    time: new Date().toISOString(),
    ...(batch ? { batch: JSON.parse(batch) } : {}),
    ...(outcome.drop ? { answered: false } : {}),
  });
  if (outcome.drop) {
    req.socket.destroy();
    return;
  }
  const body = outcome.bytes ?? Buffer.from(outcome.text);
  res.writeHead(outcome.status, {
    ...headers,
    'content-length': outcome.status === 304 ? 0 : body.length,
  });
  res.end(outcome.status === 304 ? undefined : body);
};

const route = async (
  services: Services,
  reset: () => void,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> => {
  const url = new URL(req.url ?? '/', services.baseUrl());
  if (url.pathname.startsWith('/_admin/')) return handleAdmin(services, reset, req, res, url);
  if (url.pathname.startsWith('/_media/')) return serveMedia(services, url, res);
  const upload = /^\/video-upload\/v\d+\.\d+\/(\d+)$/.exec(url.pathname);
  if (upload && req.method === 'POST') {
    const answer = await ruploadVideo(
      services.store,
      {
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(typeof req.headers.file_url === 'string' ? { fileUrl: req.headers.file_url } : {}),
      },
      upload[1] ?? ''
    );
    return sendJson(res, answer.status, answer.json);
  }
  const path = url.pathname.replace(VERSION_PREFIX, '');
  if (path === '/dialog/oauth' && req.method === 'GET') return showDialog(services, url, res);
  if (path === '/dialog/oauth/confirm' && req.method === 'POST')
    return answerDialog(services, req, res);
  return handleGraph(services, req, res, url);
};

const configOf = (options: SandboxOptions): SandboxConfig => ({
  appId: options.appId,
  appSecret: options.appSecret,
  redirectUris: options.redirectUris ?? [],
  metaCallbacks: options.metaCallbacks ?? {},
  log: options.log ?? (() => undefined),
  ...(options.webhook ? { webhook: options.webhook } : {}),
  ...(options.whatsappWebhook ? { whatsappWebhook: options.whatsappWebhook } : {}),
});

/** Starts the sandbox and resolves once it listens; `url` is its origin (no trailing slash). */
const startSandbox = async (options: SandboxOptions): Promise<Sandbox> => {
  if (!/^\d+$/.test(options.appId)) throw new Error('appId must be a numeric string');
  let url = '';
  const systemUserToken = options.systemUserToken ?? `EAAS${randomBytes(24).toString('base64url')}`;
  const freshStore = (): Store => {
    const store = new Store();
    seedApp(store, systemUserToken);
    if (options.seed ?? true) seedDemo(store);
    return store;
  };
  const loaded = options.statePath ? loadStore(options.statePath) : undefined;
  // A kept store knows an earlier run's system user token: this run's is given to the app's side.
  if (loaded) seedApp(loaded, systemUserToken);
  const services: Services = {
    store: loaded ?? freshStore(),
    config: configOf(options),
    usage: new UsageTracker(),
    faults: new FaultBook(),
    outages: new OutageBook(),
    baseUrl: () => url,
  };
  const reset = (): void => {
    services.store = freshStore();
    services.usage.reset();
    services.faults.clear();
    services.outages.clear();
  };
  let changed = false;
  const persisted = options.statePath
    ? persistStore({
        path: options.statePath,
        store: () => services.store,
        changed: () => {
          const was = changed;
          changed = false;
          return was;
        },
      })
    : undefined;
  const server = createServer((req, res) => {
    // Any call may change the state (even a GET: the token exchange issues tokens).
    changed = true;
    route(services, reset, req, res).catch((error: unknown) => {
      services.config.log(`sandbox: request failed ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'Sandbox failure' });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  services.config.log(`sandbox: Meta sandbox listening on ${url}`);
  return {
    url,
    systemUserToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        persisted?.flush();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

export type { Sandbox, SandboxOptions };
export { startSandbox };
