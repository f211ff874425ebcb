import {
  DeleteCommand,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  PutCommand,
  type PutCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  type TransactWriteCommandOutput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { TransientStoreError } from '../../core/errors.js';
import { type RetryTuning, retry } from '../../core/retry.js';
import { cancellationCodes, isConditionalCheckFailed, isTransientCancellation } from './errors.js';

type Item = Record<string, unknown>;

/** One conditional write, in the shape TransactWriteItems takes its items. */
type ConditionalWrite =
  | { Put: Omit<PutCommandInput, 'ReturnValuesOnConditionCheckFailure'> }
  | { Update: Omit<UpdateCommandInput, 'ReturnValuesOnConditionCheckFailure'> }
  | { Delete: Omit<DeleteCommandInput, 'ReturnValuesOnConditionCheckFailure'> };

type ConditionalWriteResult =
  /** `attributes`: what the write's `ReturnValues` asked for, if anything. */
  | { written: true; attributes: Item | undefined }
  /** `existing`: the item as the failed condition saw it; undefined when there was none. */
  | { written: false; existing: Item | undefined };

/**
 * Sends a conditional Put, Update or Delete that, when its condition fails, answers the item the
 * condition was checked against (ReturnValuesOnConditionCheckFailure ALL_OLD) instead of throwing.
 * That item is read in the same atomic step as the refusal, so "why was I refused" needs no second
 * read that could race a delete or another write (the model is Powertools' idempotency
 * DynamoDBPersistenceLayer). The SDK does not unmarshall an exception's item; this does.
 *
 * @example
 * const claim = await conditionalWrite(client, {
 *   Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
 * });
 * if (!claim.written) return claim.existing;
 */
const conditionalWrite = async (
  client: DynamoDBDocumentClient,
  write: ConditionalWrite
): Promise<ConditionalWriteResult> => {
  const onFailure = { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } as const;
  try {
    const { Attributes } =
      'Put' in write
        ? await client.send(new PutCommand({ ...write.Put, ...onFailure }))
        : 'Update' in write
          ? await client.send(new UpdateCommand({ ...write.Update, ...onFailure }))
          : await client.send(new DeleteCommand({ ...write.Delete, ...onFailure }));
    return { written: true, attributes: Attributes };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    return { written: false, existing: error.Item ? unmarshall(error.Item) : undefined };
  }
};

/** Tries at a transaction whose items met other writes: about 1.5 s of waiting at most. */
const TRANSACTION_ATTEMPTS = 5;

/**
 * Sends a TransactWriteItems, and again under the shared retry policy when it was cancelled only
 * because another transaction touched the same items or the table throttled (links of one grant
 * bumping its count, shards of one run adding to its summary). Without this a busy item turns
 * ordinary concurrency into failed requests and, for queued work, into redeliveries and dead letters.
 *
 * @throws TransientStoreError when it is still cancelled that way after the last attempt;
 * TransactionCanceledException as DynamoDB sent it for any other cancellation (read its codes with
 * `cancellationCodes`).
 */
const transactWrite = async (
  client: DynamoDBDocumentClient,
  input: TransactWriteCommandInput,
  options: RetryTuning = {}
): Promise<TransactWriteCommandOutput> => {
  try {
    return await retry(() => client.send(new TransactWriteCommand(input)), {
      maxAttempts: options.maxAttempts ?? TRANSACTION_ATTEMPTS,
      retryable: isTransientCancellation,
      sleep: options.sleep,
      random: options.random,
    });
  } catch (error) {
    if (!isTransientCancellation(error)) throw error;
    const conflict = cancellationCodes(error)?.includes('TransactionConflict');
    throw new TransientStoreError(
      conflict ? 'other changes to the same records kept getting in the way' : 'throttled',
      { cause: error }
    );
  }
};

export type { ConditionalWrite, ConditionalWriteResult };
export { conditionalWrite, TRANSACTION_ATTEMPTS, transactWrite };
