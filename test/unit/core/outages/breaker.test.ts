import { describe, expect, it } from 'vitest';
import {
  admit,
  afterFailure,
  afterSuccess,
  type BreakerState,
  coolDownOf,
  initialState,
  staleCallers,
  viewOf,
} from '../../../../functions/core/outages/breaker.js';
import { POLICY } from './policy.js';

const T0 = new Date('2026-12-02T01:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const withFailures = (failures: Record<string, number>): BreakerState => ({
  ...initialState('whatsapp', T0),
  failures: Object.fromEntries(
    Object.entries(failures).map(([caller, seconds]) => [caller, at(seconds).toISOString()])
  ),
});

const opened = (): BreakerState => {
  const change = afterFailure(withFailures({ a: 0, b: 1, c: 2 }), at(2), POLICY);
  if (!change) throw new Error('expected the breaker to open');
  return change.next;
};

describe('Breaker: opening', () => {
  it('stays closed while fewer distinct callers than the threshold failed', () => {
    expect(afterFailure(withFailures({ a: 0, b: 1 }), at(2), POLICY)).toBeUndefined();
  });

  it('opens when enough distinct callers failed within the window', () => {
    const change = afterFailure(withFailures({ a: 0, b: 10, c: 20 }), at(20), POLICY);
    expect(change?.next).toMatchObject({
      status: 'open',
      since: at(20).toISOString(),
      retryAt: at(50).toISOString(),
      openings: 1,
      failures: {},
      version: 1,
    });
    expect(change?.transition).toMatchObject({ from: 'closed', to: 'open', callers: 3 });
  });

  it('does not count failures older than the window', () => {
    expect(afterFailure(withFailures({ a: 0, b: 70, c: 80 }), at(80), POLICY)).toBeUndefined();
    expect(staleCallers(withFailures({ a: 0, b: 70, c: 80 }), at(80), POLICY)).toEqual(['a']);
  });

  it('lets calls pass while closed', () => {
    expect(admit(withFailures({ a: 0 }), at(1), POLICY)).toEqual({ kind: 'pass' });
  });
});

describe('Breaker: open and half-open', () => {
  it('refuses calls until the cool-down ends, saying how long to wait', () => {
    expect(admit(opened(), at(3), POLICY)).toEqual({ kind: 'refuse', retryAfterSeconds: 29 });
  });

  it('lets one probe through after the cool-down, and refuses others while it is out', () => {
    const admission = admit(opened(), at(32), POLICY);
    expect(admission.kind).toBe('probe');
    if (admission.kind !== 'probe') return;
    expect(admission.next).toMatchObject({ status: 'half_open', retryAt: at(52).toISOString() });
    expect(admit(admission.next, at(33), POLICY)).toEqual({
      kind: 'refuse',
      retryAfterSeconds: 19,
    });
  });

  it('closes when the probe succeeds', () => {
    const admission = admit(opened(), at(32), POLICY);
    if (admission.kind !== 'probe') throw new Error('expected a probe');
    const change = afterSuccess(admission.next, at(33));
    expect(change?.next).toMatchObject({ status: 'closed', openings: 0, retryAt: undefined });
    expect(change?.transition).toMatchObject({ from: 'half_open', to: 'closed' });
  });

  it('reopens for twice as long when the probe fails, up to the cap', () => {
    const admission = admit(opened(), at(32), POLICY);
    if (admission.kind !== 'probe') throw new Error('expected a probe');
    const change = afterFailure(admission.next, at(33), POLICY);
    expect(change?.next).toMatchObject({
      status: 'open',
      openings: 2,
      retryAt: at(93).toISOString(),
    });
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => coolDownOf(n, POLICY))).toEqual([
      30, 60, 120, 240, 300, 300, 300,
    ]);
  });

  it('gives up a probe that never reported and lets another caller probe', () => {
    const admission = admit(opened(), at(32), POLICY);
    if (admission.kind !== 'probe') throw new Error('expected a probe');
    expect(admit(admission.next, at(53), POLICY).kind).toBe('probe');
  });

  it('does not change on a success while closed or open', () => {
    expect(afterSuccess(initialState('pages', T0), at(1))).toBeUndefined();
    expect(afterSuccess(opened(), at(3))).toBeUndefined();
  });

  it('shows each state with its wait', () => {
    expect(viewOf(initialState('login', T0), at(1))).toEqual({
      surface: 'login',
      name: 'Facebook Login',
      status: 'closed',
      since: T0.toISOString(),
    });
    expect(viewOf(opened(), at(12))).toMatchObject({ status: 'open', retryAfterSeconds: 20 });
  });
});
