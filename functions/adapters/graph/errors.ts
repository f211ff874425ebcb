import {
  ConfigError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  TandemError,
  UpstreamError,
  ValidationError,
} from '../../core/errors.js';
import * as z from '../../core/zod.js';
import { FetchRefusedError } from '../net/fetch-refused.js';
import { EMPTY_USAGE, type GraphUsage } from './usage.js';

/**
 * Graph API failures as a typed hierarchy. A Meta token error is not the caller's authentication
 * failure, so these are their own classes, not subclasses of the core errors; `toTandemError` is the
 * one place they become core errors the HTTP layer and the worker understand.
 */

/** What Graph said (or what we observed) about one failed request. */
interface GraphErrorInit {
  message: string;
  /** HTTP status; undefined for network failures and timeouts. */
  status?: number | undefined;
  code?: number | undefined;
  subcode?: number | undefined;
  type?: string | undefined;
  fbtraceId?: string | undefined;
  isTransient?: boolean | undefined;
  userTitle?: string | undefined;
  userMessage?: string | undefined;
  /** WhatsApp's `error_data.details`, which Meta advises building error handling on. */
  details?: string | undefined;
  usage?: GraphUsage | undefined;
  /** The request, without its query string (which may hold secrets). */
  method?: string | undefined;
  path?: string | undefined;
}

/** Base of every Graph failure; carries Meta's error object fields. */
class GraphError extends Error {
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly type: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly isTransient: boolean;
  readonly userTitle: string | undefined;
  readonly userMessage: string | undefined;
  readonly details: string | undefined;
  readonly usage: GraphUsage;
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** Whether the same request may succeed later (the retry loop still checks the method). */
  readonly retryable: boolean = false;

  constructor(init: GraphErrorInit, options?: ErrorOptions) {
    super(init.message, options);
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type;
    this.fbtraceId = init.fbtraceId;
    this.isTransient = init.isTransient ?? false;
    this.userTitle = init.userTitle;
    this.userMessage = init.userMessage;
    this.details = init.details;
    this.usage = init.usage ?? EMPTY_USAGE;
    this.method = init.method;
    this.path = init.path;
  }

  /** Safe-to-log facts for support: Meta's trace id, codes and the request line without query. */
  toLog(): Record<string, unknown> {
    return {
      errorName: this.name,
      status: this.status,
      metaCode: this.code,
      metaSubcode: this.subcode,
      type: this.type,
      fbtraceId: this.fbtraceId,
      method: this.method,
      path: this.path,
    };
  }
}

/** Why Meta rejected a token, from the 190 subcodes. */
const TOKEN_REASONS: Record<number, string> = {
  458: 'the app is no longer installed for this user',
  459: 'the user is checkpointed and must log in to Facebook',
  460: 'the user changed their password',
  463: 'the access token expired',
  464: 'the user is not confirmed',
  467: 'the access token is invalid or the user logged out',
};

/** The token is expired, revoked or invalid (190, 102): re-authorise; never retried. */
class GraphTokenError extends GraphError {
  /** Human-readable reason, from the subcode when Meta gave one. */
  readonly reason: string;
  constructor(init: GraphErrorInit, options?: ErrorOptions) {
    super(init, options);
    this.reason =
      (init.subcode !== undefined ? TOKEN_REASONS[init.subcode] : undefined) ??
      'the access token is no longer valid';
  }
}

/** The token lacks a permission or the user a role on the object (10, 200–299, 3, 368). */
class GraphPermissionError extends GraphError {}

/** Seconds to wait when Graph throttles without saying for how long. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** An app, user, Page, ad-account or WhatsApp limit was hit: back off `retryAfterSeconds`. */
class GraphRateLimitError extends GraphError {
  override readonly retryable = true;
  readonly retryAfterSeconds: number;
  /** Whether `retryAfterSeconds` came from Meta's usage headers rather than the default. */
  readonly retryAfterFromHeaders: boolean;
  constructor(
    init: GraphErrorInit,
    defaultRetryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS,
    options?: ErrorOptions
  ) {
    super(init, options);
    const fromHeaders = init.usage?.retryAfterSeconds;
    this.retryAfterFromHeaders = fromHeaders !== undefined;
    this.retryAfterSeconds = fromHeaders ?? defaultRetryAfterSeconds;
  }
}

/** Meta had a temporary problem (1, 2, is_transient, HTTP 5xx) or the network failed. */
class GraphTransientError extends GraphError {
  override readonly retryable = true;
}

/** No response within the client's timeout. Transient: Meta may still have applied a write. */
class GraphTimeoutError extends GraphTransientError {}

/**
 * Graph never answered the request (the client's timeout, a connection lost or refused): whether
 * Meta applied it, or still will, is unknown.
 */
const isUnanswered = (error: unknown): boolean =>
  error instanceof GraphTransientError && error.status === undefined;

/** The object does not exist or this token cannot see it (100/33, 803, HTTP 404). */
class GraphNotFoundError extends GraphError {}

/** Meta rejected the request's parameters (100 and anything unclassified). */
class GraphValidationError extends GraphError {}

/** Graph answered 2xx with a body that does not match the expected shape. */
class GraphResponseError extends GraphError {}

/**
 * Meta refused the app's own credentials (a wrong app id or secret): code 1 not flagged transient on
 * the token endpoint, e.g. "Error validating client secret."
 * (https://github.com/facebookarchive/php-graph-sdk/issues/538). Retrying cannot help; the operator
 * must fix the configuration.
 */
class GraphConfigurationError extends GraphError {}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 130429, 131048, 131056, 133016]);
const isRateLimitCode = (code: number): boolean =>
  RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80014);
const isPermissionCode = (code: number): boolean =>
  code === 3 || code === 10 || code === 368 || (code >= 200 && code <= 299);

/** Code 1 is not always transient: on the token endpoints with `is_transient: false` it is not. */
const isOAuthEndpoint = (path: string | undefined): boolean =>
  path !== undefined && /\/oauth\/access_token$/.test(path);

/**
 * Picks the class for a Graph error. Order matters: a token error wins over anything Meta flags as
 * transient (retrying a dead token only burns quota), and a rate limit wins over "transient" so the
 * usage headers decide the wait.
 */

const classify = (
  init: GraphErrorInit
):
  | typeof GraphTokenError
  | typeof GraphPermissionError
  | typeof GraphRateLimitError
  | typeof GraphTransientError
  | typeof GraphNotFoundError
  | typeof GraphValidationError
  | typeof GraphConfigurationError => {
  const { code, subcode, status } = init;
  if (code === 190 || code === 102) return GraphTokenError;
  // Meta answers a wrong secret with code 1 and no is_transient at all, or with is_transient false.
  if (code === 1 && init.isTransient !== true && isOAuthEndpoint(init.path)) {
    return GraphConfigurationError;
  }
  if ((code !== undefined && isRateLimitCode(code)) || status === 429) return GraphRateLimitError;
  if (code !== undefined && isPermissionCode(code)) return GraphPermissionError;
  if ((code === 100 && subcode === 33) || code === 803) return GraphNotFoundError;
  if (code === 1 || code === 2 || init.isTransient === true) return GraphTransientError;
  if (status !== undefined && status >= 500) return GraphTransientError;
  if (status === 404) return GraphNotFoundError;
  return GraphValidationError;
};

const graphErrorBody = z.object({
  error: z.object({
    message: z.catch(z.string(), 'Graph API error'),
    type: z.catch(z.optional(z.string()), undefined),
    code: z.catch(z.optional(z.coerce.number().check(z.int())), undefined),
    error_subcode: z.catch(z.optional(z.coerce.number().check(z.int())), undefined),
    fbtrace_id: z.catch(z.optional(z.string()), undefined),
    is_transient: z.catch(z.optional(z.boolean()), undefined),
    error_user_title: z.catch(z.optional(z.string()), undefined),
    error_user_msg: z.catch(z.optional(z.string()), undefined),
    error_data: z.catch(
      z.optional(z.union([z.object({ details: z.optional(z.string()) }), z.string()])),
      undefined
    ),
  }),
});

/** Builds the typed error for a Graph error init (already extracted from a response). */
const graphErrorOf = (
  init: GraphErrorInit,
  defaultRetryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS
): GraphError => {
  const Type = classify(init);
  return Type === GraphRateLimitError
    ? new GraphRateLimitError(init, defaultRetryAfterSeconds)
    : new Type(init);
};

/**
 * Turns a failed Graph response into a typed error. `body` is the parsed JSON (or undefined when the
 * body was not JSON, e.g. a load balancer's HTML 502).
 *
 * @example
 * throw parseGraphError({ status: 400, body, usage, method: 'GET', path: '/v25.0/me' });
 */
const parseGraphError = (input: {
  status: number;
  body: unknown;
  usage?: GraphUsage;
  fbtraceId?: string | undefined;
  method?: string;
  path?: string;
  defaultRetryAfterSeconds?: number;
}): GraphError => {
  const parsed = graphErrorBody.safeParse(input.body);
  const base = {
    status: input.status,
    usage: input.usage,
    method: input.method,
    path: input.path,
    fbtraceId: input.fbtraceId,
  };
  if (!parsed.success) {
    return graphErrorOf(
      { ...base, message: `Graph API answered HTTP ${input.status} without an error object` },
      input.defaultRetryAfterSeconds
    );
  }
  const { error } = parsed.data;
  return graphErrorOf(
    {
      ...base,
      message: error.message,
      code: error.code,
      subcode: error.error_subcode,
      type: error.type,
      fbtraceId: error.fbtrace_id ?? input.fbtraceId,
      isTransient: error.is_transient,
      userTitle: error.error_user_title,
      userMessage: error.error_user_msg,
      details: typeof error.error_data === 'object' ? error.error_data.details : error.error_data,
    },
    input.defaultRetryAfterSeconds
  );
};

const detailsOf = (error: GraphError): Record<string, unknown> => ({
  metaCode: error.code,
  metaSubcode: error.subcode,
  fbtraceId: error.fbtraceId,
});

/**
 * Maps any error from the Graph client onto Tandem's core errors, so the HTTP layer and the worker
 * need one mapping. Core errors pass through; anything unknown becomes a non-retryable UpstreamError.
 *
 * @example
 * try { await graph.getPage(token, pageId, fields) } catch (error) { throw toTandemError(error) }
 */
const toTandemError = (error: unknown): TandemError => {
  if (error instanceof TandemError) return error;
  const options = { cause: error };
  if (error instanceof GraphTokenError) {
    return new PermissionError(
      `Meta no longer accepts Tandem's access (${error.reason}). Re-link the Facebook account to continue.`,
      { ...detailsOf(error), reason: error.reason },
      'meta_token_invalid',
      options
    );
  }
  if (error instanceof GraphPermissionError) {
    return new PermissionError(
      `Meta refused the request for lack of permission: ${error.userMessage ?? error.message}. Re-link and grant the requested permissions, or check the user's role on the asset.`,
      detailsOf(error),
      'meta_permission_missing',
      options
    );
  }
  if (error instanceof GraphRateLimitError) {
    return new RateLimitError(
      `Meta is rate-limiting these requests; try again in ${error.retryAfterSeconds} seconds.`,
      error.retryAfterSeconds,
      options
    );
  }
  if (error instanceof GraphTransientError) {
    return new UpstreamError(
      'Meta is temporarily unavailable; try again shortly.',
      true,
      detailsOf(error),
      options
    );
  }
  if (error instanceof GraphNotFoundError) {
    return new NotFoundError(
      'Meta could not find that object, or this account can no longer see it.',
      detailsOf(error),
      'meta_object_not_found',
      options
    );
  }
  if (error instanceof GraphConfigurationError) {
    return new ConfigError(
      `Meta refused this deployment's app credentials (${error.message}). The operator must check the Meta app id (META_APP_ID / the metaAppId context) and the app secret held in Secrets Manager.`,
      detailsOf(error),
      options
    );
  }
  if (error instanceof GraphValidationError) {
    return new ValidationError(
      error.userMessage ?? error.details ?? error.message,
      detailsOf(error),
      'meta_rejected',
      options
    );
  }
  if (error instanceof FetchRefusedError) {
    // A URL Meta handed out (a Page picture) that the guarded fetch could not get: Meta's side.
    return new UpstreamError(
      `A file Meta pointed to could not be downloaded: ${error.message}.`,
      error.transient,
      { reason: error.reason },
      options
    );
  }
  return new UpstreamError(
    'Meta answered in a way Tandem did not expect.',
    false,
    error instanceof GraphError ? detailsOf(error) : undefined,
    options
  );
};

export type { GraphErrorInit };
export {
  DEFAULT_RETRY_AFTER_SECONDS,
  GraphConfigurationError,
  GraphError,
  GraphNotFoundError,
  GraphPermissionError,
  GraphRateLimitError,
  GraphResponseError,
  GraphTimeoutError,
  GraphTokenError,
  GraphTransientError,
  GraphValidationError,
  graphErrorOf,
  isUnanswered,
  parseGraphError,
  toTandemError,
};
