import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticationError, ValidationError } from '../errors.js';
import { nestsDeeperThan } from '../json.js';
import { PAGE_WEBHOOK_FIELDS } from '../linking/model.js';
import * as z from '../zod.js';

/**
 * Meta Page webhooks. The signature is an HMAC-SHA256 of the raw body exactly as received, so it is
 * checked before any parsing; Meta signs no timestamp, so replays are caught by de-duplication on
 * the change's key instead of by age (Meta retries legitimately for days).
 */
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Verifies `X-Hub-Signature-256` over the raw body with the app secret, in constant time. Accepts
 * several secrets so an app-secret rotation can overlap.
 */
const verifyHubSignature = (
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[]
): void => {
  const match = header ? SIGNATURE.exec(header.trim()) : null;
  if (!match?.[1]) {
    throw new AuthenticationError('Missing or malformed X-Hub-Signature-256 header.');
  }
  const given = Buffer.from(match[1], 'hex');
  const valid = secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // timingSafeEqual throws on unequal lengths; both are 32 bytes here, but check rather than trust.
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!valid)
    throw new AuthenticationError('The X-Hub-Signature-256 signature does not match the body.');
};

const change = z.object({
  field: z.string().check(z.minLength(1), z.maxLength(64)),
  value: z.optional(z.unknown()),
});

const pageWebhook = z.object({
  object: z.literal('page'),
  entry: z
    .array(
      z.object({
        id: z.string().check(z.regex(/^\d{1,32}$/)),
        time: z.number().check(z.int(), z.nonnegative()),
        changes: z._default(z.array(change).check(z.maxLength(100)), []),
      })
    )
    .check(z.minLength(1), z.maxLength(1000)),
});

/** One Page change worth a sync: which Page, when Meta observed it, and a key to de-duplicate on. */
interface PageChange {
  pageId: string;
  observedAt: string;
  fields: string[];
  dedupeKey: string;
}

const PROFILE_RELEVANT: ReadonlySet<string> = new Set(PAGE_WEBHOOK_FIELDS);

/**
 * A Page webhook is about six levels deep (delivery, entries, entry, changes, change, value) and a
 * change's value a few more; anything past this is not Meta's, and would overflow whatever walks it.
 */
const MAX_WEBHOOK_DEPTH = 32;

/** A verified delivery: the Page changes worth a sync, or why the body cannot be one. */
type PageDelivery = { ok: true; changes: PageChange[] } | { ok: false; reason: string };

const parseJson = (rawBody: Buffer): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(rawBody.toString('utf8')) };
  } catch {
    return { ok: false };
  }
};

/**
 * Reads a verified webhook body into the Page changes that matter for sync, one per Page entry;
 * entries with only irrelevant fields (feed, ratings...) are left out. Nesting is bounded on the raw
 * bytes before anything is parsed, so no body can overflow the stack. Never throws for the body's
 * sake: a body that is not a Page webhook comes back with the reason.
 */
const readPageDelivery = (rawBody: Buffer): PageDelivery => {
  if (nestsDeeperThan(rawBody, MAX_WEBHOOK_DEPTH)) {
    return { ok: false, reason: `nested deeper than ${MAX_WEBHOOK_DEPTH} levels` };
  }
  const json = parseJson(rawBody);
  if (!json.ok) return { ok: false, reason: 'not valid JSON' };
  const parsed = pageWebhook.safeParse(json.value);
  if (!parsed.success) {
    return { ok: false, reason: 'not a Page webhook (object "page" with entries)' };
  }
  const changes = parsed.data.entry.flatMap((entry) => {
    const fields = [...new Set(entry.changes.map((item) => item.field))].filter((field) =>
      PROFILE_RELEVANT.has(field)
    );
    if (fields.length === 0) return [];
    const digest = createHash('sha256')
      .update(JSON.stringify(entry.changes))
      .digest('hex')
      .slice(0, 32);
    return [
      {
        pageId: entry.id,
        observedAt: new Date(entry.time * 1000).toISOString(),
        fields: fields.sort(),
        dedupeKey: `webhook#${entry.id}#${entry.time}#${digest}`,
      },
    ];
  });
  return { ok: true, changes };
};

/** The subscription handshake: echo the challenge only when the verify token matches. */
const answerChallenge = (
  query: { 'hub.mode'?: string; 'hub.verify_token'?: string; 'hub.challenge'?: string },
  verifyToken: string
): string => {
  const given = Buffer.from(query['hub.verify_token'] ?? '');
  const expected = Buffer.from(verifyToken);
  const tokenOk = given.length === expected.length && timingSafeEqual(given, expected);
  if (query['hub.mode'] !== 'subscribe' || !tokenOk) {
    throw new AuthenticationError('The webhook verification token does not match.');
  }
  const challenge = query['hub.challenge'] ?? '';
  if (!/^[\w-]{1,128}$/.test(challenge))
    throw new ValidationError('hub.challenge is missing or malformed.');
  return challenge;
};

export type { PageChange, PageDelivery };
export { answerChallenge, MAX_WEBHOOK_DEPTH, readPageDelivery, verifyHubSignature };
