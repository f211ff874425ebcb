/**
 * When a failed delivery is tried again, and when an endpoint is given up on. Pure arithmetic.
 *
 * The schedule backs off from a minute to twelve hours: nine attempts over about 27.6 hours, so a
 * receiver that is down for a day still gets every event. SQS delays a message by 15 minutes at
 * most, so a longer wait travels as several hops of the same attempt (`hopDelaySeconds`).
 */

/** Seconds from a failed attempt to the next one: after attempt 1, after attempt 2, ... */
const RETRY_DELAYS_SECONDS = [60, 300, 1_800, 3_600, 7_200, 14_400, 28_800, 43_200] as const;

/** First attempt plus one per delay. */
const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** SQS's longest DelaySeconds. */
const MAX_HOP_SECONDS = 900;

/**
 * An endpoint is disabled when it has failed at least this many attempts in a row and the first of
 * them is at least this old: a burst of failures in one bad hour does not disable it, and neither
 * does one stray failure a day ago. One event that exhausts its schedule meets both.
 */
const DISABLE_RULE = { consecutiveFailures: 5, failingForSeconds: 86_400 } as const;

/** When attempt `attempt + 1` is due after attempt `attempt` failed at `failedAt`; none after the last. */
const nextAttemptAt = (attempt: number, failedAt: Date): Date | undefined => {
  const delay = RETRY_DELAYS_SECONDS[attempt - 1];
  return delay === undefined ? undefined : new Date(failedAt.getTime() + delay * 1000);
};

/** How long to put a job due at `due` back on the queue for; 0 when it is due. */
const hopDelaySeconds = (due: Date, now: Date): number =>
  Math.max(0, Math.min(MAX_HOP_SECONDS, Math.ceil((due.getTime() - now.getTime()) / 1000)));

/** Whether an endpoint's run of failures disables it. */
const shouldDisable = (
  endpoint: { consecutiveFailures: number; failingSince?: string },
  now: Date
): boolean =>
  endpoint.consecutiveFailures >= DISABLE_RULE.consecutiveFailures &&
  endpoint.failingSince !== undefined &&
  now.getTime() - Date.parse(endpoint.failingSince) >= DISABLE_RULE.failingForSeconds * 1000;

/** The offsets from the first attempt at which each attempt runs, for the docs and tests. */
const scheduleOffsetsSeconds = (): number[] => {
  const offsets = [0];
  for (const delay of RETRY_DELAYS_SECONDS) offsets.push((offsets.at(-1) ?? 0) + delay);
  return offsets;
};

export {
  DISABLE_RULE,
  hopDelaySeconds,
  MAX_ATTEMPTS,
  MAX_HOP_SECONDS,
  nextAttemptAt,
  RETRY_DELAYS_SECONDS,
  scheduleOffsetsSeconds,
  shouldDisable,
};
