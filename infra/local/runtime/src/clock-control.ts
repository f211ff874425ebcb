import * as z from 'zod';
import { advanceBreakerClock } from '../../../../functions/adapters/clock.js';
import { controlBody, type LocalControlRequest } from './gateway.js';

const advanceRequest = z.strictObject({ advanceSeconds: z.number().int().min(0).max(86_400) });

/**
 * `POST /_local/clock` `{"advanceSeconds": 60}`: moves the Meta breakers' clock forward, so a test (or
 * a developer) lives through an outage's cool-downs and probes without waiting for them. Local only:
 * in AWS nothing moves that clock (functions/adapters/clock.ts).
 */
const advanceClock = async (request: LocalControlRequest): Promise<{ aheadSeconds: number }> => ({
  aheadSeconds: advanceBreakerClock(
    controlBody(request, advanceRequest, '{"advanceSeconds": 60}').advanceSeconds
  ),
});

export { advanceClock };
