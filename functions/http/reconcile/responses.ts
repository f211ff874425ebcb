import { HEALTH_STATUSES, META_LINK_STATES } from '../../core/linking/whatsapp-side.js';
import { DRIFT_CLASSES } from '../../core/reconcile/drift.js';
import { PROFILE_FIELDS } from '../../core/sync/profile.js';
import * as z from '../../core/zod.js';
import { profileValue } from '../sync/responses.js';

/**
 * Response schemas of the reconcile API (OpenAPI), mirroring the core views;
 * test/unit/http/responses.test.ts keeps each equal to its type.
 */

const driftClass = z.enum(DRIFT_CLASSES);

/** A count per name, every name present. */
const countsOf = <K extends string>(names: readonly K[]) =>
  z.strictObject(
    Object.fromEntries(names.map((name) => [name, z.number()])) as Record<K, z.ZodMiniNumber>
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
    drift: countsOf(DRIFT_CLASSES),
    errors: z.number(),
    syncsEnqueued: z.number(),
    metaLink: countsOf(META_LINK_STATES),
    health: countsOf(HEALTH_STATUSES),
    dailyChecks: z.number(),
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
      whatsapp: z.optional(
        z.object({
          metaLink: z.nullable(z.enum(META_LINK_STATES)),
          health: z.nullable(z.enum(HEALTH_STATUSES)),
          notes: z.array(z.string()),
        })
      ),
    })
  ),
  nextCursor: z.nullable(z.string()),
});

export { driftHistory, runStarted, runView };
