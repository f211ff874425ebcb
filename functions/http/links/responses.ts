import { SYNC_FIELDS } from '../../core/linking/model.js';
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
  reason: z.enum(['local_override', 'token_invalid']),
  since: z.string(),
  /** `local_override`: `fields` lists each differing field with the Page's and WhatsApp's values. */
  details: z.optional(z.record(z.string(), z.unknown())),
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
  stories: z.optional(storiesConsent),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});

const linkPage = z.object({ items: z.array(linkView), nextCursor: z.optional(z.string()) });

const unlinkResult = z.object({
  linkId: z.string(),
  grantDeleted: z.boolean(),
  revocation: z.enum(['revoked', 'not_needed', 'failed']),
  webhooks: z.enum(['unsubscribed', 'failed', 'not_needed']),
  adOperationsDeleted: z.int(),
  storyOperationsDeleted: z.int(),
});

export { linkPage, linkView, pause, syncFields, unlinkResult };
