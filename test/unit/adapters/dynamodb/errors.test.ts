import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { retryOnTransactionConflict } from '../../../../functions/adapters/dynamodb/errors.js';

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

/** A write that throws the given errors in turn, then answers 'written'. */
const failingWith = (...errors: Error[]) => {
  let calls = 0;
  const write = async () => {
    const error = errors[calls];
    calls += 1;
    if (error) throw error;
    return 'written';
  };
  return { write, calls: () => calls };
};

describe('Function: retryOnTransactionConflict', () => {
  it('runs a transaction again when another one only got in its way', async () => {
    // Prepare
    const write = failingWith(
      cancelled('None', 'TransactionConflict'),
      cancelled('TransactionConflict', 'None')
    );

    // Act
    const result = await retryOnTransactionConflict(write.write);

    // Assess
    expect(result).toBe('written');
    expect(write.calls()).toBe(3);
  });

  it('gives up after the attempts it was given and throws the last conflict', async () => {
    // Prepare
    const conflict = cancelled('None', 'TransactionConflict');
    const write = failingWith(conflict, conflict, conflict, conflict);

    // Act & Assess
    await expect(retryOnTransactionConflict(write.write, 3)).rejects.toBe(conflict);
    expect(write.calls()).toBe(3);
  });

  it('never retries a failed condition, even beside a conflict', async () => {
    // Prepare
    const refused = cancelled('ConditionalCheckFailed', 'TransactionConflict');
    const write = failingWith(refused);

    // Act & Assess
    await expect(retryOnTransactionConflict(write.write)).rejects.toBe(refused);
    expect(write.calls()).toBe(1);
  });

  it('never retries an error that is not a cancelled transaction', async () => {
    // Prepare
    const other = new Error('ProvisionedThroughputExceededException');
    const write = failingWith(other);

    // Act & Assess
    await expect(retryOnTransactionConflict(write.write)).rejects.toBe(other);
    expect(write.calls()).toBe(1);
  });
});
