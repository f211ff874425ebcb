import * as z from './zod.js';

/**
 * A WhatsApp Business Account webhook change as it travels on the queue (a whatsapp-event job),
 * read from Meta's delivery by functions/core/whatsapp/events.ts. Kept beside the job envelope,
 * which every folder of core may import, rather than in the folder that applies it.
 */

const text = (max = 1024) => z.string().check(z.maxLength(max));
const metaId = z.string().check(z.regex(/^\d{1,32}$/));
const at = z.iso.datetime({ offset: true });

/** Events the worker applies to the links of the WABA, as they travel on the queue. */
const whatsappEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('connection'),
    wabaId: metaId,
    at,
    /** The account_update event, e.g. ACCOUNT_OFFBOARDED. */
    event: text(64),
    state: z.enum(['connected', 'offboarded', 'partner_removed']),
    reason: z.optional(text(64)),
    initiatedBy: z.optional(text(32)),
  }),
  z.object({
    kind: z.literal('alert'),
    wabaId: metaId,
    at,
    entityType: z.optional(text(64)),
    entityId: z.optional(text(64)),
    alertType: text(128),
    severity: z.optional(text(32)),
    status: z.optional(text(32)),
    description: z.optional(text(2048)),
  }),
  z.object({
    kind: z.literal('display_name'),
    wabaId: metaId,
    at,
    /** E.164 digits of the number the review was for. */
    number: text(32),
    decision: text(64),
    requestedName: z.optional(text(512)),
    rejectionReason: z.optional(text(512)),
  }),
  z.object({
    kind: z.literal('quality'),
    wabaId: metaId,
    at,
    number: text(32),
    event: text(64),
    currentLimit: z.optional(text(64)),
    oldLimit: z.optional(text(64)),
    maxDailyConversations: z.optional(text(64)),
  }),
]);

type WhatsAppEvent = z.infer<typeof whatsappEvent>;

export type { WhatsAppEvent };
export { metaId, whatsappEvent };
