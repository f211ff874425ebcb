import { createHash } from 'node:crypto';
import { nestsDeeperThan } from '../json.js';
import { e164Digits } from '../linking/numbers.js';
import { MAX_WEBHOOK_DEPTH } from '../sync/webhook.js';
import { metaId, type WhatsAppEvent } from '../whatsapp-event.js';
import * as z from '../zod.js';

/**
 * The WhatsApp Business Account's own webhooks (`object: whatsapp_business_account`), delivered once
 * the app is subscribed to the WABA (`POST /{waba-id}/subscribed_apps`) and, at app level, to each
 * field. Signed like the Page webhooks (X-Hub-Signature-256 with the app secret). Envelope and
 * payloads from Meta's references:
 * - account_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update
 * - account_alerts: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_alerts
 * - phone_number_name_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_name_update
 * - phone_number_quality_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update
 * - reconnecting offboarded coexistence numbers: https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/reconnect-offboarded-coexistence-clients/
 * Values are read leniently (Meta adds fields, and several of these are rolled out gradually); what
 * Tandem does not act on is acknowledged and logged, never refused: Meta retries anything but 200.
 */

/** The WABA fields the app subscribes to at app level (App Dashboard > Webhooks > WhatsApp Business Account). */
const WABA_WEBHOOK_FIELDS = [
  'account_update',
  'account_alerts',
  'phone_number_name_update',
  'phone_number_quality_update',
] as const;

/** One change of a delivery Tandem will act on, with the key it is de-duplicated by. */
interface WabaChange {
  event: WhatsAppEvent;
  dedupeKey: string;
}

/** A change acknowledged without acting on it, and why (logged). */
interface SkippedChange {
  wabaId: string;
  field: string;
  reason: string;
}

type WabaDelivery =
  | { ok: true; changes: WabaChange[]; skipped: SkippedChange[] }
  | { ok: false; reason: string };

const envelope = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.object({
        id: metaId,
        time: z.optional(z.number().check(z.int(), z.nonnegative())),
        changes: z._default(
          z
            .array(
              z.object({
                field: z.string().check(z.minLength(1), z.maxLength(64)),
                value: z.optional(z.unknown()),
              })
            )
            .check(z.maxLength(100)),
          []
        ),
      })
    )
    .check(z.minLength(1), z.maxLength(1000)),
});

const accountUpdate = z.looseObject({
  event: z.string(),
  waba_info: z.optional(z.looseObject({ partner_app_id: z.optional(z.string()) })),
  disconnection_info: z.optional(
    z.looseObject({ reason: z.optional(z.string()), initiated_by: z.optional(z.string()) })
  ),
});
const accountAlert = z.looseObject({
  entity_type: z.optional(z.string()),
  entity_id: z.optional(z.union([z.string(), z.number()])),
  alert_info: z.looseObject({
    alert_type: z.string(),
    alert_severity: z.optional(z.string()),
    alert_status: z.optional(z.string()),
    alert_description: z.optional(z.string()),
  }),
});
const nameUpdate = z.looseObject({
  display_phone_number: z.string(),
  decision: z.string(),
  requested_verified_name: z.optional(z.string()),
  rejection_reason: z.optional(z.nullable(z.string())),
});
const qualityUpdate = z.looseObject({
  display_phone_number: z.string(),
  event: z.string(),
  current_limit: z.optional(z.string()),
  old_limit: z.optional(z.string()),
  max_daily_conversations_per_business: z.optional(z.string()),
});

/** account_update events that change the number's connection, and to what. */
const CONNECTION_EVENTS: Record<string, 'connected' | 'offboarded' | 'partner_removed'> = {
  ACCOUNT_OFFBOARDED: 'offboarded',
  ACCOUNT_RECONNECTED: 'connected',
  PARTNER_REMOVED: 'partner_removed',
  PARTNER_APP_UNINSTALLED: 'partner_removed',
  PARTNER_ADDED: 'connected',
  PARTNER_APP_INSTALLED: 'connected',
};

/** `PARTNER_APP_*` events name the app: another partner's install says nothing about Tandem's. */
const APP_EVENTS = new Set(['PARTNER_APP_INSTALLED', 'PARTNER_APP_UNINSTALLED']);

const optional = <K extends string, V>(key: K, value: V | undefined | null) =>
  (value === undefined || value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;

type Read = { ok: true; event: WhatsAppEvent } | { ok: false; reason: string };

const readChange = (
  wabaId: string,
  when: string,
  field: string,
  value: unknown,
  appId: string
): Read => {
  const base = { wabaId, at: when };
  switch (field) {
    case 'account_update': {
      const parsed = accountUpdate.safeParse(value);
      if (!parsed.success) return { ok: false, reason: 'account_update without an event' };
      const { event, waba_info: info, disconnection_info: why } = parsed.data;
      const state = CONNECTION_EVENTS[event];
      if (!state) return { ok: false, reason: `account_update ${event} is not acted on` };
      if (APP_EVENTS.has(event) && info?.partner_app_id && info.partner_app_id !== appId) {
        return { ok: false, reason: `account_update ${event} is about another app` };
      }
      return {
        ok: true,
        event: {
          kind: 'connection',
          ...base,
          event,
          state,
          ...optional('reason', why?.reason?.slice(0, 64)),
          ...optional('initiatedBy', why?.initiated_by?.slice(0, 32)),
        },
      };
    }
    case 'account_alerts': {
      const parsed = accountAlert.safeParse(value);
      if (!parsed.success) return { ok: false, reason: 'account_alerts without alert_info' };
      const { entity_type: entityType, entity_id: entityId, alert_info: alert } = parsed.data;
      return {
        ok: true,
        event: {
          kind: 'alert',
          ...base,
          alertType: alert.alert_type.slice(0, 128),
          ...optional('entityType', entityType?.slice(0, 64)),
          ...optional('entityId', entityId === undefined ? undefined : String(entityId)),
          ...optional('severity', alert.alert_severity?.slice(0, 32)),
          ...optional('status', alert.alert_status?.slice(0, 32)),
          ...optional('description', alert.alert_description?.slice(0, 2048)),
        },
      };
    }
    case 'phone_number_name_update': {
      const parsed = nameUpdate.safeParse(value);
      if (!parsed.success)
        return { ok: false, reason: 'phone_number_name_update without a decision' };
      const data = parsed.data;
      return {
        ok: true,
        event: {
          kind: 'display_name',
          ...base,
          number: e164Digits(data.display_phone_number).slice(0, 32),
          decision: data.decision.slice(0, 64),
          ...optional('requestedName', data.requested_verified_name?.slice(0, 512)),
          ...optional('rejectionReason', data.rejection_reason?.slice(0, 512)),
        },
      };
    }
    case 'phone_number_quality_update': {
      const parsed = qualityUpdate.safeParse(value);
      if (!parsed.success)
        return { ok: false, reason: 'phone_number_quality_update without an event' };
      const data = parsed.data;
      return {
        ok: true,
        event: {
          kind: 'quality',
          ...base,
          number: e164Digits(data.display_phone_number).slice(0, 32),
          event: data.event.slice(0, 64),
          ...optional('currentLimit', data.current_limit?.slice(0, 64)),
          ...optional('oldLimit', data.old_limit?.slice(0, 64)),
          ...optional(
            'maxDailyConversations',
            data.max_daily_conversations_per_business?.slice(0, 64)
          ),
        },
      };
    }
    default:
      return { ok: false, reason: `field ${field} is not one Tandem handles` };
  }
};

const parseJson = (rawBody: Buffer): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(rawBody.toString('utf8')) };
  } catch {
    return { ok: false };
  }
};

/**
 * Reads a verified delivery into the changes Tandem acts on and the ones it only acknowledges.
 * Never throws for the body's sake: a body that is not a WABA webhook comes back with the reason.
 *
 * @param receivedAt - stands in for an entry without `time` (Meta's samples sometimes omit it)
 * @param appId - Tandem's Meta app, to tell its own `PARTNER_APP_*` events from other apps'
 */
const readWabaDelivery = (rawBody: Buffer, receivedAt: Date, appId: string): WabaDelivery => {
  if (nestsDeeperThan(rawBody, MAX_WEBHOOK_DEPTH)) {
    return { ok: false, reason: `nested deeper than ${MAX_WEBHOOK_DEPTH} levels` };
  }
  const json = parseJson(rawBody);
  if (!json.ok) return { ok: false, reason: 'not valid JSON' };
  const parsed = envelope.safeParse(json.value);
  if (!parsed.success) {
    return {
      ok: false,
      reason:
        'not a WhatsApp Business Account webhook (object "whatsapp_business_account" with entries)',
    };
  }
  const changes: WabaChange[] = [];
  const skipped: SkippedChange[] = [];
  for (const entry of parsed.data.entry) {
    const when = new Date(entry.time === undefined ? receivedAt.getTime() : entry.time * 1000);
    for (const change of entry.changes) {
      const read = readChange(entry.id, when.toISOString(), change.field, change.value, appId);
      if (!read.ok) {
        skipped.push({ wabaId: entry.id, field: change.field, reason: read.reason });
        continue;
      }
      const digest = createHash('sha256').update(JSON.stringify(change)).digest('hex').slice(0, 32);
      changes.push({
        event: read.event,
        // A retried delivery carries the same entry time and change; the receipt time does not.
        dedupeKey: `waba#${entry.id}#${entry.time ?? 'untimed'}#${digest}`,
      });
    }
  }
  return { ok: true, changes, skipped };
};

export type { SkippedChange, WabaChange, WabaDelivery, WhatsAppEvent };
export { readWabaDelivery, WABA_WEBHOOK_FIELDS };
