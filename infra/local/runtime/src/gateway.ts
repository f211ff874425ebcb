import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as z from 'zod';
import type { FunctionName } from '../../../shared/functions.js';
import type { RouteSpec } from '../../../shared/routes.js';
import { buildHttpApiEvent, mapHttpApiResult } from './apigw-event.js';
import type { ConsoleSite } from './console.js';
import type { Authorizer } from './identity.js';
import type { MediaHandler } from './media.js';
import { PortInUseError } from './net.js';
import { createRouteMatcher } from './routing.js';

const LOCAL_PREFIX = '/_local/';

/** HTTP API's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

type Invoke = (fn: FunctionName, event: unknown) => Promise<unknown>;

interface GatewayOptions {
  port: number;
  host: string;
  routes: readonly RouteSpec[];
  authorizer: Authorizer;
  accountId: string;
  /** Static pages served beside the API (the console), outside the route table. */
  site?: ConsoleSite;
  /** The local media store (`/_local/media/...`), which streams its bodies past the body limit. */
  media?: MediaHandler;
  log: (line: string) => void;
  /** Told every answer to a request the route table matched (the integration tests' contract check). */
  onAnswer?: (answer: RouteAnswer) => void;
}

/**
 * One answer to a route of the table: by the function, or by the gateway itself before or instead
 * of it (the authorizer's 401, the payload limit's 413, a failed function's bare 500).
 */
interface RouteAnswer {
  route: RouteSpec;
  /** The request's path (with its query) and headers, as the client sent them. */
  url: string;
  requestHeaders: IncomingMessage['headers'];
  by: 'function' | 'gateway';
  status: number;
  /** Lower-case names; `set-cookie` may repeat. */
  headers: [string, string][];
  body: Buffer;
}

interface LocalControlRequest {
  body: Buffer;
  contentType: string;
}

/** A local control refused its input: the gateway answers 400 with the message. */
class LocalControlRefusal extends Error {}

/**
 * A local control's JSON body, parsed with `schema`. JSON only: a page on another origin cannot send
 * it without a preflight, which fails here. Refuses with `example` when the body is not JSON.
 */
const controlBody = <S extends z.ZodType>(
  { body, contentType }: LocalControlRequest,
  schema: S,
  example: string
): z.output<S> => {
  if (!/^application\/json\b/i.test(contentType)) {
    throw new LocalControlRefusal('Send the body as application/json.');
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new LocalControlRefusal(`Send JSON: ${example}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new LocalControlRefusal(z.prettifyError(parsed.error));
  return parsed.data;
};

/**
 * Local-only controls (e.g. `POST /_local/reconcile`), outside the route table and API Gateway's
 * behaviour, under a prefix no real route uses. Keyed by `METHOD /path`.
 */
type LocalControls = Record<string, (request: LocalControlRequest) => Promise<unknown>>;

interface Gateway {
  url: string;
  port: number;
  /** Starts answering routes; until then requests wait (the listener is up before the functions). */
  serve(invoke: Invoke, controls?: LocalControls): void;
  /** How many requests the gateway has answered. */
  requestCount(): number;
  close(): Promise<void>;
}

/** API Gateway's own answers, byte for byte what a client of the real API sees. */
const gatewayAnswer = (status: number, message: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ message }),
  by: 'gateway' as const,
});

/** API Gateway request ids look like `JKJaXmPLvHcESHA=`. */
const newRequestId = (): string => randomBytes(10).toString('base64');

type BodyResult = { ok: true; body: Buffer } | { ok: false };

/**
 * Reads the body up to the limit. Past it, the rest is drained and discarded (not left unread, which
 * would stall a client still writing) and the caller answers 413.
 */
const readBody = (request: IncomingMessage): Promise<BodyResult> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      request.resume();
      resolve({ ok: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    request.on('error', reject);
  });

/**
 * The local API Gateway (HTTP API): serves the route table, authorises tenant routes with the JWT
 * authorizer rules, turns requests into payload 2.0 events and results back into responses.
 */
const startGateway = async (options: GatewayOptions): Promise<Gateway> => {
  const match = createRouteMatcher(options.routes);
  let count = 0;
  let resolveInvoke: (invoke: Invoke) => void = () => undefined;
  const ready = new Promise<Invoke>((resolve) => {
    resolveInvoke = resolve;
  });
  let controls: LocalControls = {};
  let localPort = options.port;

  const handle = async (
    request: IncomingMessage
  ): Promise<{
    status: number;
    headers: Record<string, string> | [string, string][];
    body: string | Buffer;
    /** The route the answer is to, and who gave it: told to `onAnswer`. */
    route?: RouteSpec;
    by?: RouteAnswer['by'];
  }> => {
    const url = request.url ?? '/';
    const method = request.method ?? 'GET';
    const path = url.split('?')[0] ?? '/';
    const control = path.startsWith(LOCAL_PREFIX) ? controls[`${method} ${path}`] : undefined;
    if (control) {
      const body = await readBody(request);
      if (!body.ok) return gatewayAnswer(413, 'Request Entity Too Large');
      await ready;
      try {
        const result = await control({
          body: body.body,
          contentType: request.headers['content-type'] ?? '',
        });
        return {
          status: 200,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          body: JSON.stringify(result ?? null),
        };
      } catch (error) {
        if (error instanceof LocalControlRefusal) return gatewayAnswer(400, error.message);
        throw error;
      }
    }
    const page = await options.site?.(method, path);
    if (page) {
      request.resume();
      return method === 'HEAD' ? { ...page, body: '' } : page;
    }
    const route = match(method, path);
    if (!route) {
      request.resume();
      return gatewayAnswer(404, 'Not Found');
    }
    const body = await readBody(request);
    if (!body.ok) return { ...gatewayAnswer(413, 'Request Entity Too Large'), route: route.route };

    let authorizer: { claims: Record<string, string>; scopes: string[] } | undefined;
    if (route.route.access === 'tenant') {
      const result = await options.authorizer.authorize(request.headers.authorization);
      if (!result.ok) {
        return {
          ...gatewayAnswer(401, 'Unauthorized', {
            'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${result.description}"`,
          }),
          route: route.route,
        };
      }
      authorizer = result.jwt;
    }

    const requestId = newRequestId();
    const event = buildHttpApiEvent({
      method,
      url,
      rawHeaders: request.rawHeaders,
      body: body.body,
      sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      protocol: `HTTP/${request.httpVersion}`,
      routeKey: route.routeKey,
      pathParameters: route.pathParameters,
      authorizer,
      requestId,
      now: new Date(),
      apiId: 'local',
      accountId: options.accountId,
      localPort,
    });
    const invoke = await ready;
    try {
      const mapped = mapHttpApiResult(await invoke(route.route.fn, event));
      return {
        status: mapped.statusCode,
        headers: [...mapped.headers, ['apigw-requestid', requestId]],
        body: mapped.body,
        route: route.route,
        by: 'function',
      };
    } catch (error) {
      // A function error or timeout: API Gateway answers 500 and says nothing more to the client.
      options.log(
        `! ${route.routeKey} failed: ${error instanceof Error ? error.message : String(error)}`
      );
      return {
        ...gatewayAnswer(500, 'Internal Server Error', { 'apigw-requestid': requestId }),
        route: route.route,
      };
    }
  };

  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    let status = 500;
    try {
      if (await options.media?.(request, response)) {
        status = response.statusCode;
        return;
      }
      const answer = await handle(request);
      status = answer.status;
      const headers = Array.isArray(answer.headers)
        ? answer.headers
        : Object.entries(answer.headers);
      const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
      if (answer.route && options.onAnswer) {
        options.onAnswer({
          route: answer.route,
          url: request.url ?? '/',
          requestHeaders: request.headers,
          by: answer.by ?? 'gateway',
          status: answer.status,
          headers: headers.map(([name, value]) => [name.toLowerCase(), value]),
          body,
        });
      }
      const flat: string[] = [];
      for (const [name, value] of headers) {
        if (name.toLowerCase() !== 'content-length') flat.push(name, value);
      }
      // API Gateway sends a length, never a chunked body.
      flat.push('content-length', String(body.length));
      response.writeHead(answer.status, flat);
      response.end(body);
    } catch (error) {
      options.log(`! gateway error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
    } finally {
      count += 1;
      const ms = Math.round(performance.now() - started);
      options.log(`${request.method} ${(request.url ?? '/').split('?')[0]} ${status} ${ms}ms`);
    }
  };

  const server = createServer((request, response) => {
    void respond(request, response);
  });
  localPort = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port, 'API gateway') : error)
    );
    server.listen(options.port, options.host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
  });

  return {
    url: `http://${options.host}:${localPort}`,
    port: localPort,
    serve: (invoke, localControls = {}) => {
      controls = localControls;
      resolveInvoke(invoke);
    },
    requestCount: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export type { Gateway, Invoke, LocalControlRequest, LocalControls, RouteAnswer };
export { controlBody, LocalControlRefusal, MAX_BODY_BYTES, startGateway };
