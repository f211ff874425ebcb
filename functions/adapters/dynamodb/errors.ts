import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';

/**
 * Reading DynamoDB's refusals. Repositories turn them into Tandem's typed errors; anything else is
 * re-thrown untouched.
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

/** A transaction cancelled only because another one touched the same items: worth retrying. */
const isOnlyTransactionConflict = (codes: string[]): boolean =>
  codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');

export { cancellationCodes, isConditionalCheckFailed, isOnlyTransactionConflict };
