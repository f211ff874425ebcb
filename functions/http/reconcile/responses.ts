import { DRIFT_CLASSES } from '../../core/reconcile/drift.js';
import { PROFILE_FIELDS } from '../../core/sync/profile.js';
import * as z from '../../core/zod.js';
import { profileValue } from '../sync/responses.js';

/**
 * Response schemas of the reconcile API (OpenAPI), mirroring the core views;
 * test/unit/http/responses.test.ts keeps each equal to its type.
 */

const driftClass = z.enum(DRIFT_CLASSES);

const driftCounts = z.strictObject(
  Object.fromEntries(DRIFT_CLASSES.map((name) => [name, z.number()])) as Record<
    (typeof DRIFT_CLASSES)[number],
    z.ZodMiniNumber
  >
);

const runView = z.object({
  runId: z.string(),
  scope: z.enum(['all', 'tenant']),
  linkId: z.optional(z.string()),
  trigger: z.enum(['schedule', 'on_demand']),
  status: z.enum(['running', 'completed', 'failed']),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  durationMs: z.nullable(z.number()),
  resumedAt: z.nullable(z.string()),
  progress: z.object({ shardCount: z.number(), shardsDone: z.number(), pagesDone: z.number() }),
  counts: z.object({
    linksChecked: z.number(),
    drift: driftCounts,
    errors: z.number(),
    syncsEnqueued: z.number(),
  }),
  drifted: z.array(z.object({ linkId: z.string(), class: driftClass })),
  driftedTruncated: z.boolean(),
});

const runStarted = z.object({
  runId: z.string(),
  status: z.literal('running'),
  joined: z.boolean(),
});

const driftHistory = z.object({
  linkId: z.string(),
  items: z.array(
    z.object({
      runId: z.string(),
      linkId: z.string(),
      observedAt: z.string(),
      class: driftClass,
      fields: z.array(
        z.object({
          field: z.enum(PROFILE_FIELDS),
          side: z.enum(['page', 'whatsapp', 'both']),
          page: z.optional(profileValue),
          whatsapp: z.optional(profileValue),
          lastWritten: z.optional(profileValue),
        })
      ),
      unsupported: z.array(z.string()),
      action: z.enum(['enqueue_sync', 'restore_subscription', 'report_only']),
      syncEnabled: z.boolean(),
      paused: z.boolean(),
    })
  ),
  nextCursor: z.nullable(z.string()),
});

export { driftHistory, runStarted, runView };
