import { createHmac } from 'node:crypto';
import { MetaOutageError } from '../../core/errors.js';
import type { Surface } from '../../core/outages/breaker.js';
import type { OutageGuard } from '../../core/outages/guard.js';
import { retry } from '../../core/retry.js';
import type * as z from '../../core/zod.js';
import type { Logger } from '../observability/logger.js';
import { currentCaller } from './caller.js';
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  GraphError,
  GraphRateLimitError,
  GraphResponseError,
  GraphTimeoutError,
  GraphTransientError,
  isUnanswered,
  parseGraphError,
} from './errors.js';
import { surfaceOfPath } from './surfaces.js';
import { type GraphUsage, parseUsage } from './usage.js';
import { GRAPH_API_VERSION } from './version.js';

/**
 * The one place Tandem talks HTTP to Graph: versioned URLs, token + appsecret_proof, timeouts,
 * retries where they are safe, usage headers and zod-validated bodies.
 */

/** `fetch` as the client uses it; injectable so unit tests need no network. */
type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * What Graph calls add to Tandem's one retry policy (functions/core/retry.ts, whose backoff every
 * caller shares): how many tries in all, the first included; 1 disables retries.
 */
interface RetryPolicy {
  maxAttempts: number;
}

interface HttpOptions {
  baseUrl: string;
  appSecret: string;
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
  /** Per attempt, covering headers and body. */
  timeoutMs?: number;
  /** Injectable so tests never wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Returns [0, 1); injectable to pin jitter in tests. */
  random?: () => number;
  log?: Logger;
  /** Seconds a rate limit lasts when Meta's headers do not say. */
  defaultRetryAfterSeconds?: number;
  /** Called with every response's usage, for metrics or adaptive throttling. */
  onUsage?: (usage: GraphUsage, request: { method: string; path: string }) => void;
  /**
   * The Meta surfaces' circuit breakers: asked before each call (an open surface's calls fail at once
   * with MetaOutageError), told of each outcome. Absent: no breakers (unit tests, scripts).
   */
  outages?: OutageGuard;
}

type QueryValue = string | number | boolean | undefined;

/** One Graph call. */
interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to the versioned base, e.g. `me/accounts` or `upload:123`. */
  path: string;
  /**
   * An absolute URL Meta answered to send this one call to instead (a video's upload URL on Meta's
   * upload host). Only Meta's upload host, or the configured Graph origin (the local sandbox).
   */
  url?: string;
  /** Access token: sent as `Authorization: Bearer`, with `appsecret_proof` added. */
  token?: string;
  /** `OAuth` for the resumable upload endpoints, which require that scheme. */
  authScheme?: 'Bearer' | 'OAuth';
  query?: Record<string, QueryValue>;
  /** JSON body (POST). */
  json?: unknown;
  /** Form body (POST), e.g. the batch endpoint's `batch` parameter. */
  form?: Record<string, string>;
  /** Raw bytes (POST), with their content type. */
  bytes?: { data: Uint8Array; contentType: string };
  headers?: Record<string, string>;
  /**
   * Whether repeating the request is harmless. Defaults: GET and DELETE yes, POST no (a POST
   * repeated after a timeout may create twice). Set true for full-overwrite POSTs.
   */
  idempotent?: boolean;
  /**
   * false: not repeated after a timeout or a lost connection, even when idempotent. For a write that
   * Meta may still apply after the client gave up, where a blind repeat could race a newer write:
   * the caller gets the GraphError (see `isUnanswered`) and decides, e.g. by reading back.
   */
  repeatUnanswered?: boolean;
  /** Retries override for this call (e.g. 1 for a call whose caller retries itself). */
  maxAttempts?: number;
  /**
   * The Meta surfaces the call needs, for the breakers; default: classified from `path`
   * (functions/adapters/graph/surfaces.ts). Set it where the path is ambiguous (`GET /{id}`).
   */
  surfaces?: readonly Surface[];
  /**
   * For a call that answers for several (a batch): the surfaces whose parts failed transiently
   * although the call itself succeeded.
   */
  failedSurfaces?: (body: unknown) => readonly Surface[];
}

/** A 2xx (or 304) response before body validation. */
interface RawGraphResponse {
  status: number;
  headers: Headers;
  body: unknown;
  usage: GraphUsage;
}

/** A validated Graph response. */
interface GraphResult<T> {
  data: T;
  usage: GraphUsage;
}

const USER_AGENT = 'Tandem-GraphClient/1.0';
/** Meta's upload host for Page videos (https://developers.facebook.com/docs/page-stories-api). */
const RUPLOAD_ORIGIN = 'https://rupload.facebook.com';
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3 };
/**
 * The longest rate-limit wait, from Meta's usage headers, honoured in-process. Meta's regain estimate
 * is in minutes; waiting that long in a Lambda wastes the invocation, so only a short wait is waited
 * out here and anything longer surfaces at once (the queue or the caller comes back later).
 */
const MAX_HONOURED_WAIT_MS = 5_000;
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * `appsecret_proof`: hex HMAC-SHA256 of the access token keyed with the app secret, which proves the
 * call comes from a server holding the secret, so a leaked token alone is not enough.
 */
const appsecretProof = (appSecret: string, accessToken: string): string =>
  createHmac('sha256', appSecret).update(accessToken).digest('hex');

const isIdempotent = (request: GraphRequest): boolean =>
  request.idempotent ?? request.method !== 'POST';

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Graph's low-level transport; create once per client. */
interface GraphHttp {
  /** The versioned base URL requests go to, e.g. `https://graph.facebook.com/v25.0`. */
  readonly versionedBaseUrl: string;
  /** Sends with retries; resolves for 2xx and 304, throws a GraphError otherwise. */
  send(request: GraphRequest): Promise<RawGraphResponse>;
  /** Sends and validates the body with `schema`. */
  request<S extends z.ZodMiniType>(
    request: GraphRequest,
    schema: S
  ): Promise<GraphResult<z.output<S>>>;
  /** Validates an already-received body, throwing GraphResponseError on a mismatch. */
  validate<S extends z.ZodMiniType>(
    body: unknown,
    schema: S,
    request: Pick<GraphRequest, 'method' | 'path'>
  ): z.output<S>;
}

/**
 * Creates the transport. Everything time- or chance-dependent is injected (`fetch`, `sleep`,
 * `random`) so the retry policy is testable without waiting.
 */
const createGraphHttp = (options: HttpOptions): GraphHttp => {
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const defaultRetryAfterSeconds = options.defaultRetryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  const versionedBaseUrl = `${options.baseUrl.replace(/\/+$/, '')}/${GRAPH_API_VERSION}`;

  const uploadOrigins = new Set([RUPLOAD_ORIGIN, new URL(options.baseUrl).origin]);
  const urlOf = (request: GraphRequest): string => {
    if (request.url !== undefined) {
      const target = URL.canParse(request.url) ? new URL(request.url) : undefined;
      if (!target || !uploadOrigins.has(target.origin)) {
        throw new GraphError({
          message: `Graph answered an upload URL outside ${RUPLOAD_ORIGIN}; it is not called`,
        });
      }
      return target.toString();
    }
    const url = new URL(`${versionedBaseUrl}/${request.path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    if (request.token !== undefined) {
      url.searchParams.set('appsecret_proof', appsecretProof(options.appSecret, request.token));
    }
    return url.toString();
  };

  const initOf = (request: GraphRequest): RequestInit => {
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      ...request.headers,
    };
    if (request.token !== undefined) {
      headers.authorization = `${request.authScheme ?? 'Bearer'} ${request.token}`;
    }
    let body: RequestInit['body'];
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form).toString();
    } else if (request.bytes !== undefined) {
      headers['content-type'] = request.bytes.contentType;
      body = request.bytes.data;
    }
    return {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    };
  };

  /** A failure before a complete response: the timeout firing, or the connection failing. */
  const networkError = (
    error: unknown,
    where: { method: string; path?: string }
  ): GraphTransientError =>
    error instanceof Error && error.name === 'TimeoutError'
      ? new GraphTimeoutError(
          { ...where, message: `Graph API did not answer within ${timeoutMs} ms` },
          { cause: error }
        )
      : new GraphTransientError(
          { ...where, message: 'Could not reach the Graph API' },
          { cause: error }
        );

  /** The path as logged and carried on errors: never the query, which may hold secrets. */
  const pathOf = (request: GraphRequest): string =>
    `/${GRAPH_API_VERSION}/${request.path.replace(/^\/+/, '')}`;

  const attemptOnce = async (request: GraphRequest): Promise<RawGraphResponse> => {
    const path = pathOf(request);
    const where = { method: request.method, path };
    let response: Response;
    let body: unknown;
    try {
      response = await fetchImpl(urlOf(request), initOf(request));
      body = await readBody(response);
    } catch (error) {
      throw networkError(error, where);
    }
    const usage = parseUsage(response.headers);
    options.onUsage?.(usage, where);
    if (response.ok || response.status === 304) {
      return { status: response.status, headers: response.headers, body, usage };
    }
    throw parseGraphError({
      status: response.status,
      body,
      usage,
      fbtraceId: response.headers.get('x-fb-trace-id') ?? undefined,
      defaultRetryAfterSeconds,
      ...where,
    });
  };

  /** A header-backed rate-limit wait short enough to wait out here, in ms. */
  const honouredWaitMs = (error: unknown): number | undefined =>
    error instanceof GraphRateLimitError &&
    error.retryAfterFromHeaders &&
    error.retryAfterSeconds * 1000 <= MAX_HONOURED_WAIT_MS
      ? error.retryAfterSeconds * 1000
      : undefined;

  /** Whether to try `request` again after `error`; the method decides before the error does. */
  const mayRetry = (request: GraphRequest, error: unknown): boolean => {
    if (!isIdempotent(request)) return false;
    if (!(error instanceof GraphError) || !error.retryable) return false;
    if (request.repeatUnanswered === false && isUnanswered(error)) return false;
    // A rate limit is waited out only when Meta said how long, and briefly.
    if (error instanceof GraphRateLimitError) return honouredWaitMs(error) !== undefined;
    return true;
  };

  const factsOf = (error: unknown) => (error instanceof GraphError ? error.toLog() : { error });

  /**
   * Tells the breakers how the call went: a transient failure (codes 1 and 2 whatever is_transient
   * says, HTTP 5xx, timeouts, no connection) counts against the caller's surfaces; anything Meta
   * answered (a success, or the caller's own error: a bad token, a rate limit, a refused parameter)
   * closes a breaker this call probed. A store that fails here costs the breaker one data point,
   * never the call its answer.
   */
  const settle = async (
    surfaces: readonly Surface[],
    probes: readonly Surface[],
    outcome: { error: unknown } | { raw: RawGraphResponse },
    request: GraphRequest
  ): Promise<void> => {
    const guard = options.outages;
    if (!guard) return;
    const failed = new Set<Surface>(
      'error' in outcome
        ? outcome.error instanceof GraphTransientError
          ? surfaces
          : []
        : (request.failedSurfaces?.(outcome.raw.body) ?? [])
    );
    const caller = currentCaller();
    await Promise.all(
      surfaces.map((surface) =>
        failed.has(surface)
          ? guard.failed(surface, caller)
          : guard.answered(surface, probes.includes(surface))
      )
    ).catch((error: unknown) =>
      options.log?.warn('could not record a Graph outcome on the breakers', { error })
    );
  };

  /** Asks the breakers; an open surface throws. A store that cannot answer lets the call go. */
  const admit = async (surfaces: readonly Surface[]): Promise<Surface[]> => {
    if (!options.outages) return [];
    try {
      return await options.outages.admit(surfaces);
    } catch (error) {
      if (error instanceof MetaOutageError) throw error;
      options.log?.warn('could not read the breakers; sending the call', { error });
      return [];
    }
  };

  const send = async (request: GraphRequest): Promise<RawGraphResponse> => {
    const surfaces = request.surfaces ?? [surfaceOfPath(request.path)];
    const probes = await admit(surfaces);
    try {
      const raw = await retrying(request);
      await settle(surfaces, probes, { raw }, request);
      return raw;
    } catch (error) {
      await settle(surfaces, probes, { error }, request);
      throw error;
    }
  };

  const retrying = async (request: GraphRequest): Promise<RawGraphResponse> => {
    let attempts = 0;
    try {
      return await retry(
        (attempt) => {
          attempts = attempt;
          return attemptOnce(request);
        },
        {
          maxAttempts: request.maxAttempts ?? policy.maxAttempts,
          retryable: (error) => mayRetry(request, error),
          retryAfterMs: honouredWaitMs,
          onRetry: ({ error, attempt, delayMs }) =>
            options.log?.warn('graph request failed; retrying', {
              ...factsOf(error),
              attempt,
              delayMs,
            }),
          sleep: options.sleep,
          random: options.random,
        }
      );
    } catch (error) {
      options.log?.debug('graph request failed', { ...factsOf(error), attempt: attempts });
      throw error;
    }
  };

  const validate = <S extends z.ZodMiniType>(
    body: unknown,
    schema: S,
    request: Pick<GraphRequest, 'method' | 'path'>
  ): z.output<S> => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    throw new GraphResponseError(
      {
        message: `Graph API response did not match the expected shape: ${result.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`)
          .join('; ')}`,
        method: request.method,
        path: pathOf({ method: request.method, path: request.path }),
      },
      { cause: result.error }
    );
  };

  const request = async <S extends z.ZodMiniType>(
    graphRequest: GraphRequest,
    schema: S
  ): Promise<GraphResult<z.output<S>>> => {
    const raw = await send(graphRequest);
    return { data: validate(raw.body, schema, graphRequest), usage: raw.usage };
  };

  return { versionedBaseUrl, send, request, validate };
};

export type {
  FetchLike,
  GraphHttp,
  GraphRequest,
  GraphResult,
  HttpOptions,
  RawGraphResponse,
  RetryPolicy,
};
export { appsecretProof, createGraphHttp, DEFAULT_RETRY, USER_AGENT };
