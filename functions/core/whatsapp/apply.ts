import type { SyncJob } from '../jobs.js';
import type { EventPublisher } from '../linking/events.js';
import { updateLinkWith } from '../linking/links.js';
import type { Link } from '../linking/model.js';
import { e164Digits } from '../linking/numbers.js';
import type { Clock, LinkRepository } from '../linking/ports.js';
import { type AlertRecord, MAX_ALERTS } from '../linking/whatsapp-side.js';
import type { SyncJobQueue, SyncStateRepository } from '../sync/ports.js';
import { applyConnectionEvent } from './connection.js';
import type { WhatsAppEvent } from './events.js';

/**
 * The worker's side of the WABA webhooks: one event, applied to the links of the WABA it names (in
 * any tenant), each under optimistic concurrency and idempotently (a redelivered job changes
 * nothing twice, and an event older than what a link holds never overwrites it).
 */

interface ApplyDeps {
  links: Pick<LinkRepository, 'listByWaba' | 'get' | 'update'>;
  state: Pick<SyncStateRepository, 'forgetPicture'>;
  queue: SyncJobQueue;
  clock: Clock;
  /** Where link.meta_changed, link.paused and link.resumed go. */
  events: EventPublisher;
}

interface ApplyResult {
  /** Links of the WABA the event is about. */
  links: number;
  /** Links it changed. */
  changed: number;
  /** Syncs enqueued (a reconnected number, a lost picture that sync owns). */
  syncs: number;
}

/** Meta's alert for a deleted business profile photo (WA changelog, Jul 7, 2025). */
const PROFILE_PICTURE_LOST = 'PROFILE_PICTURE_LOST';

/** The links an event is about: those of its number when it names one, else all of the WABA's. */
const targetsOf = (event: WhatsAppEvent, links: readonly Link[]): Link[] => {
  switch (event.kind) {
    case 'display_name':
    case 'quality':
      return links.filter((link) => e164Digits(link.displayPhoneNumber) === event.number);
    case 'alert':
      return event.entityType === 'PHONE_NUMBER' && event.entityId
        ? links.filter((link) => link.phoneNumberId === event.entityId)
        : [...links];
    case 'connection':
      return [...links];
  }
};

/** Whether sync writes the link's profile picture: on, picture not opted out. */
const syncOwnsPicture = (link: Link): boolean =>
  link.sync.enabled && link.sync.fields.profilePicture;

const alertRecordOf = (
  link: Link,
  event: Extract<WhatsAppEvent, { kind: 'alert' }>
): AlertRecord => {
  const base = {
    type: event.alertType,
    ...(event.severity ? { severity: event.severity } : {}),
    ...(event.status ? { status: event.status } : {}),
    ...(event.description ? { description: event.description } : {}),
    at: event.at,
  };
  if (event.alertType !== PROFILE_PICTURE_LOST) {
    return { ...base, handling: 'reported', note: 'Reported by Meta; Tandem takes no action.' };
  }
  if (!syncOwnsPicture(link)) {
    return {
      ...base,
      handling: 'reported',
      note: `WhatsApp deleted the business profile photo. Sync does not manage the picture on this link: set a photo in the WhatsApp Business app or WhatsApp Manager, or turn picture sync on (PATCH /links/${link.linkId} with { "sync": { "enabled": true, "fields": { "profilePicture": true } } }).`,
    };
  }
  return {
    ...base,
    handling: 'resynced',
    note:
      link.status === 'active'
        ? 'WhatsApp deleted the business profile photo; sync owns it and uploads the Page picture again.'
        : 'WhatsApp deleted the business profile photo; sync owns it and uploads the Page picture again when the link resumes.',
  };
};

/** The link after the event, or undefined when the event changes nothing on it. */
const changedBy = (
  link: Link,
  event: WhatsAppEvent,
  now: Date
): { link: Link; resumed: boolean; alert?: AlertRecord } | undefined => {
  const next = (side: Partial<NonNullable<Link['whatsapp']>>): Link => ({
    ...link,
    whatsapp: { ...link.whatsapp, ...side },
    updatedAt: now.toISOString(),
    version: link.version + 1,
  });
  switch (event.kind) {
    case 'connection':
      return applyConnectionEvent(link, event, now);
    case 'alert': {
      const alerts = link.whatsapp?.alerts ?? [];
      if (alerts.some((alert) => alert.type === event.alertType && alert.at === event.at)) {
        return undefined;
      }
      const alert = alertRecordOf(link, event);
      return {
        link: next({ alerts: [alert, ...alerts].slice(0, MAX_ALERTS) }),
        resumed: false,
        alert,
      };
    }
    case 'display_name': {
      const current = link.whatsapp?.displayName;
      if (current && Date.parse(event.at) <= Date.parse(current.at)) return undefined;
      return {
        link: next({
          displayName: {
            decision: event.decision,
            ...(event.requestedName ? { requestedName: event.requestedName } : {}),
            ...(event.rejectionReason ? { rejectionReason: event.rejectionReason } : {}),
            at: event.at,
          },
        }),
        resumed: false,
      };
    }
    case 'quality': {
      const current = link.whatsapp?.quality;
      if (current && Date.parse(event.at) <= Date.parse(current.at)) return undefined;
      return {
        link: next({
          quality: {
            event: event.event,
            ...(event.currentLimit ? { currentLimit: event.currentLimit } : {}),
            ...(event.oldLimit ? { oldLimit: event.oldLimit } : {}),
            ...(event.maxDailyConversations
              ? { maxDailyConversations: event.maxDailyConversations }
              : {}),
            at: event.at,
          },
        }),
        resumed: false,
      };
    }
  }
};

/** What changed on Meta's side, as link.meta_changed names it. */
const metaChangeOf = (
  before: Link,
  after: Link,
  event: WhatsAppEvent
): { state: string; previous?: string; details: Record<string, unknown> } => {
  switch (event.kind) {
    case 'connection': {
      const previous = before.whatsapp?.connection?.event;
      return {
        state: `connection_${after.whatsapp?.connection?.event ?? event.event}`.toLowerCase(),
        ...(previous ? { previous: `connection_${previous}`.toLowerCase() } : {}),
        details: { ...after.whatsapp?.connection },
      };
    }
    case 'alert':
      return { state: `alert_${event.alertType}`.toLowerCase(), details: { ...event } };
    case 'display_name':
      return { state: `display_name_${event.decision}`.toLowerCase(), details: { ...event } };
    case 'quality':
      return { state: `quality_${event.event}`.toLowerCase(), details: { ...event } };
  }
};

/** The client events of one link's change: what Meta said, and a pause or resume it caused. */
const announce = async (
  deps: Pick<ApplyDeps, 'events'>,
  before: Link,
  after: Link,
  event: WhatsAppEvent
): Promise<void> => {
  await deps.events.publish(after.tenantId, 'link.meta_changed', {
    linkId: after.linkId,
    ...metaChangeOf(before, after, event),
  });
  if (before.status !== 'paused' && after.status === 'paused' && after.pause) {
    await deps.events.publish(after.tenantId, 'link.paused', {
      linkId: after.linkId,
      reason: after.pause.reason,
      since: after.pause.since,
      fields: [],
      message:
        typeof after.pause.details?.message === 'string'
          ? after.pause.details.message
          : 'Sync is paused.',
    });
  }
  if (before.status === 'paused' && after.status === 'active') {
    await deps.events.publish(after.tenantId, 'link.resumed', {
      linkId: after.linkId,
      overwrite: false,
      optedOutFields: [],
    });
  }
};

const syncJobFor = (link: Link, event: WhatsAppEvent, correlationId?: string): SyncJob => ({
  v: 1,
  kind: 'sync',
  tenantId: link.tenantId,
  linkId: link.linkId,
  trigger: 'whatsapp_event',
  observedAt: event.at,
  ...(correlationId ? { correlationId } : {}),
});

/**
 * Applies one WABA event.
 *
 * 1. Find the WABA's links (any tenant), narrowed to the event's number when it names one.
 * 2. Change each link under optimistic concurrency (see `changedBy`): a connection event moves the
 *    number's connection and pauses or resumes sync; an alert is recorded with what Tandem did;
 *    name and quality changes are recorded.
 * 3. Then the effects: a resumed link whose sync is on gets a sync; a lost profile photo that sync
 *    owns has its picture forgotten (so the next sync uploads it again) and, on an active link, a
 *    sync now.
 */
const applyWhatsAppEvent = async (
  deps: ApplyDeps,
  event: WhatsAppEvent,
  correlationId?: string
): Promise<ApplyResult> => {
  const links = targetsOf(event, await deps.links.listByWaba(event.wabaId));
  const now = deps.clock.now();
  const syncs: SyncJob[] = [];
  let changed = 0;
  for (const link of links) {
    let effect: ReturnType<typeof changedBy>;
    let seen: Link | undefined;
    const written = await updateLinkWith(deps, link.tenantId, link.linkId, (current) => {
      seen = current;
      effect = changedBy(current, event, now);
      return effect?.link;
    });
    if (written && seen) {
      changed += 1;
      await announce(deps, seen, written, event);
    }
    const after = written ?? seen;
    if (!after) continue;
    if (effect?.resumed && after.sync.enabled) syncs.push(syncJobFor(after, event, correlationId));
    // A repeat of an alert already recorded does its effects again (they are idempotent), so a job
    // that stopped between recording and enqueueing still resyncs the picture on its retry.
    const alert =
      effect?.alert ??
      (event.kind === 'alert'
        ? after.whatsapp?.alerts?.find(
            (item) => item.type === event.alertType && item.at === event.at
          )
        : undefined);
    if (alert?.handling === 'resynced') {
      await deps.state.forgetPicture(after.tenantId, after.linkId);
      if (after.status === 'active') syncs.push(syncJobFor(after, event, correlationId));
    }
  }
  if (syncs.length > 0) await deps.queue.publish(syncs);
  return { links: links.length, changed, syncs: syncs.length };
};

export type { ApplyDeps, ApplyResult };
export { applyWhatsAppEvent };
