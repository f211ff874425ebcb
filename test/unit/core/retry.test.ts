import { describe, expect, it } from 'vitest';
import { BACKOFF, fullJitterDelay, retry } from '../../../functions/core/retry.js';
import { fakeSleep } from '../../helpers/fake-sleep.js';

class Busy extends Error {}
class Broken extends Error {}

/** An operation that throws the given errors in turn, then answers 'done'; it counts its calls. */
const failingWith = (...errors: Error[]) => {
  const attempts: number[] = [];
  const operation = async (attempt: number) => {
    attempts.push(attempt);
    const error = errors[attempts.length - 1];
    if (error) throw error;
    return 'done';
  };
  return { operation, attempts };
};

const busyOnly = (error: unknown) => error instanceof Busy;

describe('Function: fullJitterDelay', () => {
  it('is uniform below base × 2^(retry-1): the bounds of the draw give 0 and just under it', () => {
    expect(fullJitterDelay(1, () => 0)).toBe(0);
    expect(fullJitterDelay(1, () => 0.999_999)).toBe(BACKOFF.baseMs - 1);
    expect(fullJitterDelay(3, () => 0.5)).toBe(BACKOFF.baseMs * 2);
  });

  it('never waits as long as the cap, however many retries came before', () => {
    // The doubling passes the cap at the sixth retry (100 × 32 = 3200 > 2000).
    expect(fullJitterDelay(6, () => 0.999_999)).toBe(BACKOFF.capMs - 1);
    expect(fullJitterDelay(60, () => 0.999_999)).toBe(BACKOFF.capMs - 1);
  });
});

describe('Function: retry', () => {
  it('tries again after a retryable failure, waiting a full-jitter delay each time', async () => {
    // Prepare
    const { operation, attempts } = failingWith(new Busy(), new Busy(), new Busy());
    const { delays: waits, sleep } = fakeSleep();

    // Act
    const result = await retry(operation, {
      maxAttempts: 5,
      retryable: busyOnly,
      sleep,
      random: () => 0.5,
    });

    // Assess
    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(waits).toEqual([50, 100, 200]);
  });

  it('gives up after maxAttempts and throws the last failure as it is', async () => {
    // Prepare
    const last = new Busy('third');
    const { operation, attempts } = failingWith(new Busy(), new Busy(), last, new Busy());
    const { delays: waits, sleep } = fakeSleep();

    // Act
    const run = retry(operation, { maxAttempts: 3, retryable: busyOnly, sleep });

    // Assess
    await expect(run).rejects.toBe(last);
    expect(attempts).toEqual([1, 2, 3]);
    expect(waits).toHaveLength(2);
  });

  it('throws a failure that is not retryable at once, without waiting', async () => {
    // Prepare
    const broken = new Broken();
    const { operation, attempts } = failingWith(broken);
    const { delays: waits, sleep } = fakeSleep();

    // Act
    const run = retry(operation, { maxAttempts: 5, retryable: busyOnly, sleep });

    // Assess
    await expect(run).rejects.toBe(broken);
    expect(attempts).toEqual([1]);
    expect(waits).toEqual([]);
  });

  it('tries once when maxAttempts is 1 or less', async () => {
    // Prepare
    const once = failingWith(new Busy());
    const never = failingWith(new Busy());

    // Act & Assess
    await expect(retry(once.operation, { maxAttempts: 1, retryable: busyOnly })).rejects.toThrow();
    await expect(retry(never.operation, { maxAttempts: 0, retryable: busyOnly })).rejects.toThrow();
    expect([once.attempts, never.attempts]).toEqual([[1], [1]]);
  });

  it('waits what the server asked for instead of the jitter, when the caller has it', async () => {
    // Prepare
    const told = Object.assign(new Busy(), { retryAfterMs: 4_500 });
    const { operation } = failingWith(told, new Busy());
    const { delays: waits, sleep } = fakeSleep();

    // Act
    await retry(operation, {
      maxAttempts: 3,
      retryable: busyOnly,
      retryAfterMs: (error) => (error as { retryAfterMs?: number }).retryAfterMs,
      sleep,
      random: () => 0.5,
    });

    // Assess: the server's wait may exceed the cap; without one the jitter applies.
    expect(waits).toEqual([4_500, 100]);
  });

  it('tells onRetry each failure, its attempt and the wait that follows', async () => {
    // Prepare
    const first = new Busy('first');
    const { operation } = failingWith(first);
    const told: unknown[] = [];

    // Act
    await retry(operation, {
      maxAttempts: 2,
      retryable: busyOnly,
      onRetry: (event) => told.push(event),
      sleep: fakeSleep().sleep,
      random: () => 0,
    });

    // Assess
    expect(told).toEqual([{ error: first, attempt: 1, delayMs: 0 }]);
  });
});
