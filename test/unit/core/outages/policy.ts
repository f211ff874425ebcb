import type { BreakerPolicy } from '../../../../functions/core/outages/breaker.js';

/** Small numbers that are easy to follow in the breaker tests: 3 tenants open it. */
const POLICY: BreakerPolicy = {
  windowSeconds: 60,
  minCallers: 3,
  coolDownSeconds: 30,
  maxCoolDownSeconds: 300,
  probeTimeoutSeconds: 20,
};

export { POLICY };
