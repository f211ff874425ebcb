import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  isTransientCancellation,
  toStoreError,
} from '../../../../functions/adapters/dynamodb/errors.js';
import { TransientStoreError } from '../../../../functions/core/errors.js';
import { cancelled } from './cancelled.js';

const withCode = (code: string) => Object.assign(new Error('socket'), { code });

describe('Function: toStoreError', () => {
  it.each([
    [
      'a throttled table',
      new ProvisionedThroughputExceededException({ message: 'x', $metadata: {} }),
      'throttled',
    ],
    [
      'a throttled on-demand table',
      new ThrottlingException({ message: 'x', $metadata: {} }),
      'throttled',
    ],
    ['the account limit', new RequestLimitExceeded({ message: 'x', $metadata: {} }), 'throttled'],
    [
      'a DynamoDB fault',
      new InternalServerError({ message: 'x', $metadata: {} }),
      'briefly unavailable',
    ],
    [
      'an item held by a transaction',
      new TransactionConflictException({ message: 'x', $metadata: {} }),
      'briefly unavailable',
    ],
    [
      'any 5xx',
      Object.assign(new Error('x'), { name: 'Unknown', $metadata: { httpStatusCode: 503 } }),
      'briefly unavailable',
    ],
    ['a reset connection', withCode('ECONNRESET'), 'briefly unavailable'],
    ['a refused connection', withCode('ECONNREFUSED'), 'briefly unavailable'],
  ])('turns %s into a retryable TransientStoreError carrying it', (_what, error, reason) => {
    // Act
    const mapped = toStoreError(error);

    // Assess
    expect(mapped).toBeInstanceOf(TransientStoreError);
    expect(mapped).toMatchObject({ code: 'store_unavailable', retryable: true, cause: error });
    expect((mapped as Error).message).toContain(`(${reason})`);
  });

  it.each([
    ['a failed condition', new ConditionalCheckFailedException({ message: 'x', $metadata: {} })],
    ['a cancelled transaction', cancelled('ConditionalCheckFailed')],
    [
      'a validation error',
      Object.assign(new Error('x'), {
        name: 'ValidationException',
        $metadata: { httpStatusCode: 400 },
      }),
    ],
    ['a plain bug', new TypeError('undefined is not a function')],
    ['a non-error', 'boom'],
  ])('leaves %s as it is', (_what, error) => {
    expect(toStoreError(error)).toBe(error);
  });
});

describe('Function: isTransientCancellation', () => {
  it('holds for a transaction cancelled only by conflicts or throttling', () => {
    expect(isTransientCancellation(cancelled('None', 'TransactionConflict'))).toBe(true);
    expect(isTransientCancellation(cancelled('ThrottlingError', 'None'))).toBe(true);
    expect(isTransientCancellation(cancelled('ProvisionedThroughputExceeded'))).toBe(true);
  });

  it('fails for a failed condition or validation, even beside a conflict, and for other errors', () => {
    expect(
      isTransientCancellation(cancelled('ConditionalCheckFailed', 'TransactionConflict'))
    ).toBe(false);
    expect(isTransientCancellation(cancelled('ValidationError', 'TransactionConflict'))).toBe(
      false
    );
    expect(isTransientCancellation(cancelled('None', 'None'))).toBe(false);
    expect(isTransientCancellation(new Error('TransactionConflict'))).toBe(false);
  });
});
