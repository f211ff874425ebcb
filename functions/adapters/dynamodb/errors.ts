import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { TransientStoreError } from '../../core/errors.js';

/**
 * Reading DynamoDB's refusals. Repositories turn a failed condition into Tandem's typed errors;
 * failures that pass (throttling, DynamoDB's own faults) become TransientStoreError in the client
 * itself (client.ts); anything else is re-thrown untouched.
 */

const isConditionalCheckFailed = (error: unknown): error is ConditionalCheckFailedException =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/**
 * The per-item reason codes of a cancelled transaction (`None`, `ConditionalCheckFailed`,
 * `TransactionConflict`...), in the order of its items; undefined for any other error.
 */
const cancellationCodes = (error: unknown): string[] | undefined => {
  if (
    !(error instanceof TransactionCanceledException) &&
    !(error instanceof Error && error.name === 'TransactionCanceledException')
  ) {
    return undefined;
  }
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
};

/**
 * Why a transaction item may succeed on another try: another transaction held it, or the table was
 * throttled (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
 */
const TRANSIENT_CANCELLATIONS = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
]);

/**
 * A transaction cancelled only for reasons that pass: at least one item met a conflict or
 * throttling, and none failed its condition or validation. The SDK does not retry these.
 */
const isTransientCancellation = (error: unknown): boolean => {
  const codes = cancellationCodes(error) ?? [];
  return (
    codes.some((code) => TRANSIENT_CANCELLATIONS.has(code)) &&
    codes.every((code) => code === 'None' || TRANSIENT_CANCELLATIONS.has(code))
  );
};

/**
 * DynamoDB's names for failures that pass, as the AWS SDK reports them once its own retries are
 * spent: throttling (table, partition or account), DynamoDB's own faults, an item held by a
 * transaction in progress, and timeouts.
 */
const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);
const TRANSIENT = new Set([
  ...THROTTLED,
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
/** Node's codes for a connection that failed or timed out on the way to DynamoDB. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const isTransientDynamoDbError = (error: unknown): boolean => {
  if (!(error instanceof Error) || error instanceof TransientStoreError) return false;
  if (TRANSIENT.has(error.name)) return true;
  const { $metadata, code } = error as { $metadata?: { httpStatusCode?: number }; code?: unknown };
  return (
    ($metadata?.httpStatusCode ?? 0) >= 500 || (typeof code === 'string' && NETWORK_CODES.has(code))
  );
};

/** The typed error for a DynamoDB failure that passes; anything else is returned as it is. */
const toStoreError = (error: unknown): unknown => {
  if (!isTransientDynamoDbError(error)) return error;
  const reason = THROTTLED.has((error as Error).name) ? 'throttled' : 'briefly unavailable';
  return new TransientStoreError(reason, { cause: error });
};

export { cancellationCodes, isConditionalCheckFailed, isTransientCancellation, toStoreError };
