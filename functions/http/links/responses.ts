import { SYNC_FIELDS } from '../../core/linking/model.js';
import {
  APP_ONLY_FEATURES,
  HEALTH_STATUSES,
  META_LINK_STATES,
} from '../../core/linking/whatsapp-side.js';
import { DRIFT_CLASSES } from '../../core/reconcile/drift.js';
import { BULK_ACTIONS } from '../../core/sync/bulk.js';
import { DRIFT_FILTERS, LINK_STATES } from '../../core/sync/fleet.js';
import * as z from '../../core/zod.js';
import { storiesConsent } from '../stories/responses.js';

/**
 * Response schemas of the linking API, for the OpenAPI description (and so the generated clients):
 * each mirrors the core view it describes, and test/unit/http/responses.test.ts fails to type-check
 * when the two part.
 */

const syncFields = z.strictObject(
  Object.fromEntries(SYNC_FIELDS.map((field) => [field, z.boolean()])) as Record<
    (typeof SYNC_FIELDS)[number],
    z.ZodMiniBoolean
  >
);

const pause = z.object({
  reason: z.enum(['local_override', 'token_invalid', 'whatsapp_disconnected']),
  since: z.string(),
  /** `local_override`: `fields` lists each differing field with the Page's and WhatsApp's values. */
  details: z.optional(z.record(z.string(), z.unknown())),
});

const healthStatus = z.enum(HEALTH_STATUSES);

/** Meta's Page <-> number link on the link, with the fix when it is not `linked`. */
const metaLinkView = z.object({
  state: z.enum(META_LINK_STATES),
  pageNumber: z.optional(z.string()),
  businessNumber: z.optional(z.boolean()),
  since: z.string(),
  reason: z.optional(z.string()),
  verification: z.optional(
    z.object({
      number: z.string(),
      startedAt: z.string(),
      expiresAt: z.string(),
      failedAttempts: z.int(),
    })
  ),
  fix: z.optional(z.string()),
});

/** The link's WhatsApp side (core `WhatsAppView`): null where Tandem has not heard yet. */
const whatsappView = z.object({
  metaLink: z.nullable(metaLinkView),
  health: z.nullable(
    z.object({
      canSendMessage: healthStatus,
      problems: z.array(
        z.object({
          entityType: z.string(),
          entityId: z.string(),
          canSendMessage: healthStatus,
          errors: z.array(
            z.object({
              code: z.optional(z.string()),
              description: z.optional(z.string()),
              solution: z.optional(z.string()),
            })
          ),
          additionalInfo: z.array(z.string()),
        })
      ),
      since: z.string(),
      reason: z.optional(z.string()),
    })
  ),
  connection: z.nullable(
    z.object({
      state: z.enum(['connected', 'offboarded', 'partner_removed']),
      event: z.optional(z.string()),
      reason: z.optional(z.string()),
      initiatedBy: z.optional(z.string()),
      since: z.string(),
      fix: z.optional(z.string()),
    })
  ),
  displayName: z.nullable(
    z.object({
      decision: z.string(),
      requestedName: z.optional(z.string()),
      rejectionReason: z.optional(z.string()),
      at: z.string(),
    })
  ),
  quality: z.nullable(
    z.object({
      event: z.string(),
      currentLimit: z.optional(z.string()),
      oldLimit: z.optional(z.string()),
      maxDailyConversations: z.optional(z.string()),
      at: z.string(),
    })
  ),
  alerts: z.array(
    z.object({
      type: z.string(),
      severity: z.optional(z.string()),
      status: z.optional(z.string()),
      description: z.optional(z.string()),
      at: z.string(),
      handling: z.enum(['resynced', 'reported']),
      note: z.string(),
    })
  ),
  notVisible: z.array(
    z.object({
      feature: z.enum(APP_ONLY_FEATURES.map((item) => item.feature)),
      reason: z.string(),
    })
  ),
});

const linkView = z.object({
  linkId: z.string(),
  grantId: z.string(),
  pageId: z.string(),
  pageName: z.string(),
  wabaId: z.string(),
  phoneNumberId: z.string(),
  displayPhoneNumber: z.string(),
  status: z.enum(['active', 'paused']),
  pause: z.optional(pause),
  sync: z.object({ enabled: z.boolean(), fields: syncFields }),
  unsupported: z.array(z.object({ field: z.literal('hours'), reason: z.string() })),
  instagramAccountId: z.optional(z.string()),
  /** The Instagram account's username, when Meta answered it. */
  instagramUsername: z.optional(z.string()),
  stories: z.optional(storiesConsent),
  /** The drift class the reconciler last found; absent until a run has checked the link. */
  drift: z.optional(
    z.object({ class: z.enum(DRIFT_CLASSES), runId: z.string(), since: z.string() })
  ),
  whatsapp: whatsappView,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});

/** A sync job put on the queue. */
const enqueued = z.object({ jobId: z.string(), linkId: z.string(), observedAt: z.string() });

/** PATCH /links/{linkId}: the link, and the first sync when the change turned sync on. */
const linkUpdated = z.extend(linkView, { firstSync: z.optional(enqueued) });

const lastSync = z.object({
  outcome: z.enum(['applied', 'noop', 'paused', 'failed']),
  at: z.string(),
  reason: z.optional(z.string()),
});

/** A fleet item: the link (its `pause` says why it is paused) and how its last sync ended. */
const fleetLink = z.extend(linkView, { lastSync: z.nullable(lastSync) });

const linkPage = z.object({ items: z.array(fleetLink), nextCursor: z.optional(z.string()) });

const counts = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.strictObject(
    Object.fromEntries(keys.map((key) => [key, z.int()])) as { [P in K[number]]: z.ZodMiniInt }
  );

const fleetSummary = z.object({
  total: z.int(),
  status: counts(['active', 'paused']),
  pauseReasons: counts(['local_override', 'token_invalid', 'whatsapp_disconnected']),
  sync: counts(['enabled', 'disabled']),
  drift: counts(DRIFT_FILTERS),
});

const bulkCounts = counts(['pages', 'matched', 'changed', 'skipped', 'failed']);

/** A bulk action and its progress (GET /links/bulk/{operationId}). */
const bulkOperation = z.object({
  operationId: z.string(),
  action: z.enum(BULK_ACTIONS),
  filter: z.object({
    status: z.optional(z.enum(LINK_STATES)),
    syncEnabled: z.optional(z.boolean()),
    drift: z.optional(z.enum(DRIFT_FILTERS)),
    pageId: z.optional(z.string()),
  }),
  overwrite: z.optional(z.boolean()),
  status: z.enum(['running', 'completed']),
  progress: bulkCounts,
  failures: z.array(z.object({ linkId: z.string(), code: z.string(), message: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.optional(z.string()),
});

/** GET /links/{linkId}/whatsapp: the WhatsApp side as Meta answered it just now. */
const whatsappSide = z.object({
  linkId: z.string(),
  checkedAt: z.string(),
  ...whatsappView.shape,
});

/** PUT /links/{linkId}/meta-link. */
const metaLinkChange = z.object({
  linkId: z.string(),
  outcome: z.enum(['code_sent', 'linked', 'already_linked', 'accepted']),
  metaLink: metaLinkView,
  message: z.string(),
});

const unlinkResult = z.object({
  linkId: z.string(),
  grantDeleted: z.boolean(),
  revocation: z.enum(['revoked', 'not_needed', 'failed']),
  webhooks: z.enum(['unsubscribed', 'failed', 'not_needed']),
  wabaWebhooks: z.enum(['unsubscribed', 'kept', 'failed', 'not_needed']),
  adOperationsDeleted: z.int(),
  storyOperationsDeleted: z.int(),
});

const grantDeletion = z.object({
  grantId: z.string(),
  revocation: z.enum(['revoked', 'not_needed', 'failed']),
});

/** GET /grants: a page of the tenant's sign-ins (their tokens never leave the vault). */
const grantPage = z.object({
  items: z.array(z.looseObject({ grantId: z.string() })),
  nextCursor: z.optional(z.string()),
});

/** GET /grants/{grantId}/assets: what the grant reaches on Meta now. */
const grantAssets = z.looseObject({
  adAccounts: z.array(z.looseObject({ id: z.string() })),
  adAccountsUnavailable: z.optional(z.string()),
});

export {
  bulkOperation,
  enqueued,
  fleetLink,
  fleetSummary,
  grantAssets,
  grantDeletion,
  grantPage,
  lastSync,
  linkPage,
  linkUpdated,
  linkView,
  metaLinkChange,
  pause,
  syncFields,
  unlinkResult,
  whatsappSide,
};
