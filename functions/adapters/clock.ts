import type { Clock } from '../core/linking/ports.js';

/**
 * The clock the Meta breakers read (windows, cool-downs, probes). In AWS it is the system clock and
 * nothing moves it. The local runtime moves it forward (`POST /_local/clock`, served on loopback by
 * the local gateway only), so a test lives through a ten-minute Meta outage, with its cool-downs,
 * probes and reopenings, in seconds of real time. Only the breakers read it: leases, OAuth expiries
 * and quota windows keep the real time.
 */
let offsetMs = 0;

const breakerClock: Clock = { now: () => new Date(Date.now() + offsetMs) };

/** Moves the breakers' clock forward; answers how far ahead of real time it now is, in seconds. */
const advanceBreakerClock = (seconds: number): number => {
  offsetMs += Math.max(0, seconds) * 1000;
  return offsetMs / 1000;
};

export { advanceBreakerClock, breakerClock };
