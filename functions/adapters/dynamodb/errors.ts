import { setTimeout as sleep } from 'node:timers/promises';
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

/**
 * Runs a transaction again when it was cancelled only because another one touched the same items
 * (links of one grant bumping its count, shards of one run adding to its summary), after a growing
 * random pause; any other outcome is returned or thrown as is. Without this, a busy item turns
 * ordinary concurrency into failed requests and, for queued work, into redeliveries and dead letters.
 */
const retryOnTransactionConflict = async <T>(
  write: () => Promise<T>,
  maxAttempts = 5
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes || !isOnlyTransactionConflict(codes) || attempt >= maxAttempts) throw error;
      await sleep(Math.random() * 20 * attempt);
    }
  }
};

export { cancellationCodes, isConditionalCheckFailed, retryOnTransactionConflict };
