import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  AuthenticationError,
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
} from '../../core/errors.js';
import type { Logger } from '../observability/logger.js';
import { HTML_HEADERS, JSON_HEADERS } from './headers.js';

/** The one place typed errors become HTTP status codes. */
const STATUS: [new (...args: never[]) => TandemError, number][] = [
  [ValidationError, 400],
  [AuthenticationError, 401],
  [PermissionError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [UnsupportedMediaTypeError, 415],
  [RateLimitError, 429],
  [QuotaExceededError, 429],
  [TransientStoreError, 503],
  [DeadlineError, 503],
  [MetaOutageError, 503],
  [UpstreamError, 502],
];

/**
 * What a caller is told to wait when Tandem's own database is busy. DynamoDB gives no figure; the
 * SDK and the toolkit have already retried for up to several seconds, so a few more is the least
 * that can help.
 */
const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * A dependency failure that may pass is 503 (come back later), one that will not is 502; everything
 * else by its class.
 */
const statusOf = (error: TandemError): number => {
  if (error instanceof UpstreamError && error.retryable) return 503;
  return STATUS.find(([type]) => error instanceof type)?.[1] ?? 500;
};

/** Any error that knows when to come back (rate limits, a lease held, a paused operation) says so. */
const retryAfterHeader = (error: TandemError): Record<string, string> => {
  const seconds =
    retryAfterOf(error) ??
    (error instanceof TransientStoreError ? STORE_RETRY_AFTER_SECONDS : undefined);
  return seconds === undefined ? {} : { 'retry-after': String(seconds) };
};

/** What an error answer says, as JSON (`{ error }`) or on a page. */
interface ErrorDescription {
  code: string;
  message: string;
  /** On a 429: which limit was hit (a quota's name, `reconcile_cooldown`, `meta_rate_limit`). */
  limit?: string;
  details?: Record<string, unknown>;
  requestId: string;
}

/** Renders an error answer as an HTML page, for the routes a browser user reads. */
type ErrorPage = (error: ErrorDescription) => string;

/** Every 429 says which limit it is. */
const limitOf = (error: TandemError): string | undefined =>
  error instanceof QuotaExceededError || error instanceof RateLimitError ? error.limit : undefined;

interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  error: ErrorDescription;
}

/**
 * Known errors keep their message and details; anything else becomes a generic 500 that names the
 * request id and never serialises the error itself.
 */
const errorAnswer = (error: unknown, requestId: string, log: Logger): ErrorAnswer => {
  if (error instanceof TandemError) {
    const status = statusOf(error);
    const limit = limitOf(error);
    if (status >= 500) log.error('request failed', { error, errorCode: error.code });
    else log.info('request refused', { status, errorCode: error.code, message: error.message });
    return {
      status,
      headers: retryAfterHeader(error),
      error: {
        code: error.code,
        message: error.message,
        ...(limit ? { limit } : {}),
        ...(error.details ? { details: error.details } : {}),
        requestId,
      },
    };
  }
  log.error('unexpected error', { error });
  return {
    status: 500,
    headers: {},
    error: {
      code: 'internal_error',
      message: 'Tandem failed to handle this request. Quote the request id when reporting it.',
      requestId,
    },
  };
};

/**
 * Maps an error to a response: Tandem's error JSON, or the same status, headers and description on
 * the route's error page when it has one. Every route's errors, a timeout's too, come through here.
 */
const errorResponse = (
  error: unknown,
  requestId: string,
  log: Logger,
  page?: ErrorPage
): APIGatewayProxyStructuredResultV2 => {
  const answer = errorAnswer(error, requestId, log);
  return page
    ? {
        statusCode: answer.status,
        headers: { ...HTML_HEADERS, ...answer.headers },
        body: page(answer.error),
      }
    : {
        statusCode: answer.status,
        headers: { ...JSON_HEADERS, ...answer.headers },
        body: JSON.stringify({ error: answer.error }),
      };
};

export type { ErrorDescription, ErrorPage };
export { errorResponse, statusOf };
