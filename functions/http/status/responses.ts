import { SURFACES } from '../../core/outages/breaker.js';
import * as z from '../../core/zod.js';

/** GET /status (OpenAPI), mirroring the core's SurfaceView. */
const surfaceView = z.object({
  surface: z.enum(SURFACES),
  name: z.string(),
  status: z.enum(['closed', 'open', 'half_open']),
  since: z.nullable(z.iso.datetime()),
  retryAfterSeconds: z.optional(z.int()),
});

const metaStatus = z.object({
  /** `degraded` while any surface is not closed. */
  status: z.enum(['ok', 'degraded']),
  checkedAt: z.iso.datetime(),
  surfaces: z.array(surfaceView),
});

/** GET /health/ready, ready (200) or not (503): each dependency ok or down. */
const readiness = z.looseObject({
  status: z.string(),
  checks: z.record(z.string(), z.string()),
  service: z.literal('tandem'),
});

/** GET /health: the liveness answer. */
const liveness = z.object({
  status: z.literal('ok'),
  service: z.literal('tandem'),
  graphApiVersion: z.string(),
  startedAt: z.iso.datetime(),
});

export { liveness, metaStatus, readiness };
