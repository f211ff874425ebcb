/**
 * Tandem's one retry policy, for every call that may fail for a moment (Graph, SQS, DynamoDB, a
 * concurrent update): exponential backoff with full jitter, as in the AWS Architecture Blog's
 * "Exponential Backoff And Jitter" (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 * The wait before retry n is uniform in [0, min(cap, base * 2^(n - 1))): spread out, so callers that
 * failed together do not come back together, and never longer than the cap. Base and cap are the
 * same for every caller; a caller says only what differs: which failures are worth another try, how
 * many tries in all, and a wait the server asked for, where it says one. docs/architecture.md lists
 * the callers and their attempts.
 *
 * It lives in core because core retries too (a pause that lost a race with an edit) and core may
 * import nothing from the adapters; the adapters take it from here. Time and chance are injected
 * (`sleep`, `random`) so tests never wait and never depend on luck.
 */

/** The first retry waits up to `baseMs`; each later one up to twice as long, never above `capMs`. */
const BACKOFF = { baseMs: 100, capMs: 2_000 } as const;

/** The full-jitter wait before retry `retry` (1 = the first retry), in whole milliseconds. */
const fullJitterDelay = (retry: number, random: () => number = Math.random): number =>
  Math.floor(random() * Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** (retry - 1)));

interface RetryOptions {
  /** Tries in all, the first included; 1 never retries. */
  maxAttempts: number;
  /** Whether this failure may pass on another try; anything else is thrown at once. */
  retryable(error: unknown): boolean;
  /**
   * A wait the server asked for (Retry-After, usage headers), in ms, used instead of the jittered
   * one; undefined to jitter. A caller that will not honour a long wait says so in `retryable`.
   */
  retryAfterMs?(error: unknown): number | undefined;
  /** Told before each wait, e.g. to log it. */
  onRetry?(retry: { error: unknown; attempt: number; delayMs: number }): void;
  /** Real timers when absent. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Returns [0, 1); Math.random when absent. */
  random?: (() => number) | undefined;
}

/** What a caller of a retrying helper may change: the attempts (a hot item wants more), and in tests time and chance. */
type RetryTuning = Partial<Pick<RetryOptions, 'maxAttempts' | 'sleep' | 'random'>>;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation` (given the attempt number, from 1) until it succeeds, fails in a way that is not
 * retryable, or has used `maxAttempts`; the last failure is thrown as it is.
 *
 * @example
 * await retry(() => store.update(item), { maxAttempts: 5, retryable: (e) => e instanceof ConflictError });
 */
const retry = async <T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> => {
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = Math.max(1, options.maxAttempts);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= maxAttempts || !options.retryable(error)) throw error;
      const delayMs = options.retryAfterMs?.(error) ?? fullJitterDelay(attempt, options.random);
      options.onRetry?.({ error, attempt, delayMs });
      await sleep(delayMs);
    }
  }
};

export type { RetryOptions, RetryTuning };
export { BACKOFF, fullJitterDelay, retry };
