import { STORY_TARGETS } from '../../core/stories/model.js';
import * as z from '../../core/zod.js';

/**
 * Response schemas of the stories API (OpenAPI), mirroring the core views;
 * test/unit/http/responses.test.ts keeps each equal to its type.
 */

const switches = z.object({ facebook: z.boolean(), instagram: z.boolean() });

const storiesConsent = z.object({
  targets: switches,
  history: z.array(z.object({ at: z.string(), by: z.string(), targets: switches })),
});

const consentView = z.object({
  linkId: z.string(),
  targets: switches,
  instagramAccountId: z.optional(z.string()),
  instagramUsername: z.optional(z.string()),
  missingPermissions: z.array(z.string()),
  signIn: z.optional(z.object({ authorizeUrl: z.string(), expiresAt: z.string() })),
  history: z.array(z.object({ at: z.string(), by: z.string(), targets: switches })),
});

const targetOutcome = z.object({
  status: z.enum(['pending', 'waiting_quota', 'published', 'failed', 'cancelled']),
  publishedId: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  resumeAt: z.optional(z.string()),
});

const storyOperation = z.object({
  operationId: z.string(),
  idempotencyKey: z.string(),
  linkId: z.string(),
  status: z.enum(['queued', 'in_progress', 'completed', 'partial', 'failed', 'cancelled']),
  media: z.union([
    z.object({ type: z.enum(['photo', 'video']), url: z.string() }),
    z.object({ type: z.enum(['photo', 'video']), uploadId: z.string() }),
  ]),
  targets: z.object(
    Object.fromEntries(STORY_TARGETS.map((target) => [target, z.optional(targetOutcome)])) as {
      facebook: z.ZodMiniOptional<typeof targetOutcome>;
      instagram: z.ZodMiniOptional<typeof targetOutcome>;
    }
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const storyUpload = z.object({
  uploadId: z.string(),
  uploadUrl: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
  usableForSeconds: z.number(),
});

const storyPage = z.object({ items: z.array(storyOperation), nextCursor: z.optional(z.string()) });

export { consentView, storiesConsent, storyOperation, storyPage, storyUpload };
