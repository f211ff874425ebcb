import { SYNC_FIELDS } from '../../core/linking/model.js';
import { DRIFT_CLASSES } from '../../core/reconcile/drift.js';
import { PROFILE_FIELDS } from '../../core/sync/profile.js';
import * as z from '../../core/zod.js';
import { enqueued, linkView, pause, syncFields } from '../links/responses.js';

/**
 * Response schemas of the sync API (OpenAPI), mirroring the core views; test/unit/http/responses.test.ts
 * keeps each equal to its type.
 */

const mappingNote = z.object({
  field: z.enum([...SYNC_FIELDS, 'hours']),
  kind: z.enum(['truncated', 'dropped', 'unsupported', 'fallback', 'kept']),
  message: z.string(),
});

const syncStatus = z.object({
  linkId: z.string(),
  enabled: z.boolean(),
  fields: syncFields,
  status: z.enum(['active', 'paused']),
  pause: z.nullable(pause),
  lastSyncAt: z.nullable(z.string()),
  lastObservedAt: z.nullable(z.string()),
  lastResult: z.nullable(
    z.object({
      at: z.string(),
      outcome: z.enum(['applied', 'noop', 'paused', 'failed']),
      trigger: z.enum(['webhook', 'manual', 'reconcile', 'whatsapp_event', 'enabled']),
      changedFields: z.array(z.enum(SYNC_FIELDS)),
      notes: z.array(mappingNote),
      reason: z.optional(z.string()),
      picture: z.optional(
        z.union([
          z.object({ outcome: z.literal('applied') }),
          z.object({ outcome: z.literal('failed'), reason: z.string() }),
          z.object({ outcome: z.literal('unconfirmed'), reason: z.string() }),
        ])
      ),
    })
  ),
  notes: z.array(mappingNote),
  unsupported: z.array(z.object({ field: z.literal('hours'), reason: z.string() })),
  unconfirmedWrites: z.array(
    z.object({ fields: z.array(z.enum(SYNC_FIELDS)), sentAt: z.string() })
  ),
});

const resumed = z.extend(enqueued, { link: linkView });

/** A profile value as the API shows it: text, or a list of websites. */
const profileValue = z.union([z.string(), z.array(z.string())]);

const profileComparison = z.object({
  linkId: z.string(),
  observedAt: z.string(),
  observation: z.enum(['observed', 'token_invalid', 'asset_gone']),
  assetGone: z.nullable(z.enum(['page', 'phone_number'])),
  driftClass: z.enum(DRIFT_CLASSES),
  fields: z.array(
    z.object({
      field: z.enum(PROFILE_FIELDS),
      synced: z.boolean(),
      page: z.nullable(profileValue),
      whatsapp: z.nullable(profileValue),
      lastWritten: z.nullable(profileValue),
      differs: z.boolean(),
      drift: z.nullable(z.enum(['page', 'whatsapp', 'both'])),
    })
  ),
  pagePictureUrl: z.nullable(z.string()),
  notes: z.array(mappingNote),
});

export { enqueued, mappingNote, profileComparison, profileValue, resumed, syncStatus };
