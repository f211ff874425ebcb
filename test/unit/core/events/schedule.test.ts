import { describe, expect, it } from 'vitest';
import {
  DISABLE_RULE,
  hopDelaySeconds,
  MAX_ATTEMPTS,
  nextAttemptAt,
  scheduleOffsetsSeconds,
  shouldDisable,
} from '../../../../functions/core/events/schedule.js';

const at = new Date('2026-12-01T10:00:00.000Z');
const plus = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe('Retry schedule', () => {
  it('backs off from a minute to twelve hours and keeps trying for more than 24 hours', () => {
    // Act
    const offsets = scheduleOffsetsSeconds();

    // Assess
    expect(offsets).toHaveLength(MAX_ATTEMPTS);
    expect(offsets.slice(0, 3)).toEqual([0, 60, 360]);
    expect(offsets.at(-1)).toBeGreaterThan(24 * 3600);
    for (let i = 2; i < offsets.length; i += 1) {
      const gap = (offsets[i] ?? 0) - (offsets[i - 1] ?? 0);
      const before = (offsets[i - 1] ?? 0) - (offsets[i - 2] ?? 0);
      expect(gap).toBeGreaterThan(before);
    }
  });

  it('schedules the next attempt after a failure, and none after the last', () => {
    expect(nextAttemptAt(1, at)).toEqual(plus(60));
    expect(nextAttemptAt(2, at)).toEqual(plus(300));
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, at)).toEqual(plus(43_200));
    expect(nextAttemptAt(MAX_ATTEMPTS, at)).toBeUndefined();
  });

  it('waits in hops of at most 15 minutes, and not at all once due', () => {
    expect(hopDelaySeconds(plus(43_200), at)).toBe(900);
    expect(hopDelaySeconds(plus(61.2), at)).toBe(62);
    expect(hopDelaySeconds(at, at)).toBe(0);
    expect(hopDelaySeconds(plus(-5), at)).toBe(0);
  });
});

describe('Function: shouldDisable', () => {
  const failingFor = (seconds: number) => plus(-seconds).toISOString();

  it('disables after enough failures in a row for more than a day', () => {
    expect(
      shouldDisable(
        {
          consecutiveFailures: DISABLE_RULE.consecutiveFailures,
          failingSince: failingFor(86_400),
        },
        at
      )
    ).toBe(true);
  });

  it('keeps an endpoint with a burst of failures in one hour, or one failure a day ago', () => {
    expect(shouldDisable({ consecutiveFailures: 50, failingSince: failingFor(3600) }, at)).toBe(
      false
    );
    expect(shouldDisable({ consecutiveFailures: 1, failingSince: failingFor(200_000) }, at)).toBe(
      false
    );
    expect(shouldDisable({ consecutiveFailures: 0 }, at)).toBe(false);
  });
});
