/**
 * Tandem's typed errors. Core code throws these; the HTTP adapter maps them to status codes in exactly
 * one place (functions/adapters/http/error-response.ts) and the worker decides retry or dead-letter by
 * `retryable`. Messages are written for the API caller: say what was wrong and how to fix it.
 */
abstract class TandemError extends Error {
  /** Stable machine-readable code for clients, e.g. `link_not_found`. */
  abstract readonly code: string;
  /** Whether trying the same thing again later may succeed. */
  readonly retryable: boolean = false;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, details?: Record<string, unknown>, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
}

/** The input is malformed or breaks a rule; `details.issues` lists each problem. */
class ValidationError extends TandemError {
  readonly code: string;
  constructor(
    message: string,
    details?: Record<string, unknown>,
    code = 'invalid_request',
    options?: ErrorOptions
  ) {
    super(message, details, options);
    this.code = code;
  }
}

/** The request body is larger than the route accepts. */
class PayloadTooLargeError extends TandemError {
  readonly code = 'payload_too_large';
}

/** The request body is not in a media type the route accepts. */
class UnsupportedMediaTypeError extends TandemError {
  readonly code = 'unsupported_media_type';
}

/** The caller is not authenticated (missing or invalid credentials or signature). */
class AuthenticationError extends TandemError {
  readonly code = 'unauthenticated';
}

/** The caller is authenticated but may not do this. */
class PermissionError extends TandemError {
  readonly code: string;
  constructor(
    message: string,
    details?: Record<string, unknown>,
    code = 'forbidden',
    options?: ErrorOptions
  ) {
    super(message, details, options);
    this.code = code;
  }
}

/**
 * The thing does not exist for this caller. Another tenant's resource is reported the same way, so
 * its existence does not leak.
 */
class NotFoundError extends TandemError {
  readonly code: string;
  constructor(
    message: string,
    details?: Record<string, unknown>,
    code = 'not_found',
    options?: ErrorOptions
  ) {
    super(message, details, options);
    this.code = code;
  }
}

/** The request conflicts with current state (already linked, key reused with another body). */
class ConflictError extends TandemError {
  readonly code: string;
  constructor(
    message: string,
    details?: Record<string, unknown>,
    code = 'conflict',
    options?: ErrorOptions
  ) {
    super(message, details, options);
    this.code = code;
  }
}

/**
 * The limits a 429 can name in its `error.limit`, besides the tenant quotas (by their names):
 * Meta throttling the app or the tenant's grant, and the cool-down between a tenant's on-demand
 * reconcile runs.
 */
type RateLimitName = 'meta_rate_limit' | 'reconcile_cooldown';

/**
 * The caller (or Tandem on its behalf) is sending too much; try again after `retryAfterSeconds`.
 * `limit` names which limit it was (Meta's rate limits unless said otherwise).
 */
class RateLimitError extends TandemError {
  readonly code = 'rate_limited';
  override readonly retryable = true;
  readonly retryAfterSeconds: number;
  readonly limit: RateLimitName;
  constructor(
    message: string,
    retryAfterSeconds: number,
    options?: ErrorOptions & { limit?: RateLimitName }
  ) {
    super(message, { retryAfterSeconds }, options);
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = options?.limit ?? 'meta_rate_limit';
  }
}

/**
 * The tenant used up one of its quotas (functions/core/quotas.ts): `details` names the quota, its
 * limit and window, and when to come back.
 */
class QuotaExceededError extends TandemError {
  readonly code = 'quota_exceeded';
  override readonly retryable = true;
  /** The quota's name, as a 429's `error.limit`. */
  readonly limit: string;
  constructor(
    quota: { name: string; limit: number; windowSeconds: number; counts: string },
    retryAfterSeconds: number
  ) {
    super(
      `This tenant reached its ${quota.name} quota: at most ${quota.limit} ${quota.counts} per ${quota.windowSeconds} seconds. Try again in ${retryAfterSeconds} seconds.`,
      {
        quota: quota.name,
        limit: quota.limit,
        windowSeconds: quota.windowSeconds,
        retryAfterSeconds,
      }
    );
    this.limit = quota.name;
  }
}

/** A dependency (Meta, AWS) failed in a way that is not the caller's fault. */
class UpstreamError extends TandemError {
  readonly code = 'upstream_unavailable';
  override readonly retryable: boolean;
  constructor(
    message: string,
    retryable: boolean,
    details?: Record<string, unknown>,
    options?: ErrorOptions
  ) {
    super(message, details, options);
    this.retryable = retryable;
  }
}

/**
 * Tandem's circuit breaker for a Meta surface is open: many tenants' calls to it failed together, so
 * Meta is having an outage there and the call was not sent. Retryable after `retryAfterSeconds`; a
 * queued job waits that long without using up its attempts, an API caller gets 503 and Retry-After.
 */
class MetaOutageError extends TandemError {
  readonly code = 'meta_outage';
  override readonly retryable = true;
  readonly surface: string;
  readonly retryAfterSeconds: number;
  constructor(surface: string, surfaceName: string, retryAfterSeconds: number) {
    super(
      `Meta's ${surfaceName} is failing for many businesses at once, so Tandem is holding calls to it. Try again in ${retryAfterSeconds} seconds; GET /status shows when it is back.`,
      { surface, retryAfterSeconds }
    );
    this.surface = surface;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Tandem's own database (DynamoDB) throttled or failed for a moment, and the retries the AWS SDK and
 * the DynamoDB toolkit make did not get through. Retryable and not the caller's fault. It names no
 * time of its own: the HTTP answer tells the caller to come back in a few seconds, while a queued
 * job is left to the queue's visibility timeout, which gives a throttled table minutes rather than
 * seconds before the job's receives run out.
 */
class TransientStoreError extends TandemError {
  readonly code = 'store_unavailable';
  override readonly retryable = true;
  /** `reason` says what failed, without naming tables or keys: the message reaches API callers. */
  constructor(reason: string, options?: ErrorOptions) {
    super(
      `Tandem's database could not complete this just now (${reason}). Try again in a few seconds.`,
      undefined,
      options
    );
  }
}

/**
 * The function was about to reach its time limit, so the request was answered before Lambda cut it
 * off. Retryable after `retryAfterSeconds`; work under way when the answer left may or may not have
 * finished, so a caller reads the state back before repeating a change.
 */
class DeadlineError extends TandemError {
  readonly code = 'deadline_exceeded';
  override readonly retryable = true;
  constructor(retryAfterSeconds: number) {
    super(
      `Tandem could not finish this request in time. Try again in ${retryAfterSeconds} seconds; read back what you changed first, as part of it may have been done.`,
      { retryAfterSeconds }
    );
  }
}

/** Configuration is missing or invalid; raised at start-up so a bad deploy fails fast. */
class ConfigError extends TandemError {
  readonly code = 'config_invalid';
}

/**
 * When an error says to come back (rate limits, a lease held, a paused operation), in whole seconds:
 * the HTTP adapter's Retry-After and the worker's redelivery delay.
 */
const retryAfterOf = (error: TandemError): number | undefined => {
  const seconds = Number(error.details?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
};

export type { RateLimitName };
export {
  AuthenticationError,
  ConfigError,
  ConflictError,
  DeadlineError,
  MetaOutageError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  QuotaExceededError,
  RateLimitError,
  retryAfterOf,
  TandemError,
  TransientStoreError,
  UnsupportedMediaTypeError,
  UpstreamError,
  ValidationError,
};
