import type { Link, Pause } from '../linking/model.js';
import type { Connection } from '../linking/whatsapp-side.js';
import type { WhatsAppEvent } from './events.js';

/**
 * The number's Cloud API connection as the WABA's account_update webhooks move it. A number that
 * uses the WhatsApp Business app and the Cloud API together ("coexistence") is offboarded when the
 * app moves to another device or is registered again, and Meta reconnects it by itself once the
 * business finishes registering with the pre-checked option to keep its connected products
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/reconnect-offboarded-coexistence-clients/);
 * PARTNER_REMOVED says the WABA is no longer shared with the app, with a reason for coexistence
 * numbers. While disconnected, sync for the link is paused; it resumes by itself on reconnection.
 *
 * Tandem never registers or deregisters a number: deregistering a coexistence number would cut it
 * off the WhatsApp Business app, and registration is the business's own step in the app.
 */

type ConnectionEvent = Extract<WhatsAppEvent, { kind: 'connection' }>;

/** What each of Meta's disconnection reasons means for the business, and what it can do. */
const REASON_FIXES: Record<string, string> = {
  PRIMARY_INACTIVITY:
    'The WhatsApp Business app on the primary phone was not used for about 14 days. Open the app on that phone, then connect the number to Tandem again (sign in with Facebook and share the WhatsApp Business account).',
  COMPANION_INACTIVITY:
    'The connection was not used for about 30 days. Open the WhatsApp Business app, then connect the number to Tandem again (sign in with Facebook and share the WhatsApp Business account).',
  BUSINESS_DOWNGRADE:
    'The number moved from the WhatsApp Business app to consumer WhatsApp. Move it back to the WhatsApp Business app, then connect it to Tandem again.',
  ACCOUNT_DISCONNECTED:
    'WhatsApp disconnected the account (an enforcement action, or the account was deleted). Check the WhatsApp Business app and WhatsApp Manager for Meta’s notice.',
  CHANGE_NUMBER:
    'The business changed its number in the WhatsApp Business app. Link the new number: unlink this link and link the Page to the new number.',
  USER_RE_REGISTERED:
    'The number was registered again (a new phone, or WhatsApp reinstalled). Finish registering in the WhatsApp Business app and keep the option to reconnect connected products ticked; otherwise connect the number to Tandem again.',
};

const OFFBOARDED_FIX =
  'The WhatsApp Business app moved to another device or was registered again, which disconnects the Cloud API. When the business finishes registering in the app with the pre-checked option to reconnect its connected products, Meta reconnects the number within minutes and sync resumes by itself; if that option was unticked, connect the number to Tandem again (sign in with Facebook and share the WhatsApp Business account).';

const REMOVED_FIX =
  'The WhatsApp Business account is no longer shared with Tandem (removed in Business Settings > Integrations, or by Meta). Share it again: sign in with Facebook (POST /links/oauth/start) and select the account; sync resumes when Meta says it is shared again.';

/** What the business can do about a disconnection, in its own words. */
const connectionFix = (event: ConnectionEvent): string | undefined => {
  if (event.state === 'connected') return undefined;
  const byReason = event.reason ? REASON_FIXES[event.reason] : undefined;
  if (byReason) return byReason;
  if (event.state === 'offboarded') return OFFBOARDED_FIX;
  return event.initiatedBy === 'USER'
    ? `The business removed Tandem’s access to its WhatsApp Business account. ${REMOVED_FIX}`
    : REMOVED_FIX;
};

/**
 * Which disconnection a reconnection ends: Meta's ACCOUNT_RECONNECTED ends an offboarding; the WABA
 * shared with the app again (PARTNER_ADDED, PARTNER_APP_INSTALLED) ends a removal.
 */
const ends = (event: ConnectionEvent, current: Connection | undefined): boolean => {
  if (current === undefined || current.state === 'connected') return false;
  return event.event === 'ACCOUNT_RECONNECTED'
    ? current.state === 'offboarded'
    : current.state === 'partner_removed';
};

const pauseFor = (connection: Connection, now: Date): Pause => ({
  reason: 'whatsapp_disconnected',
  since: now.toISOString(),
  details: {
    event: connection.event,
    ...(connection.reason ? { disconnectionReason: connection.reason } : {}),
    ...(connection.initiatedBy ? { initiatedBy: connection.initiatedBy } : {}),
    message:
      `The WhatsApp number is disconnected from the Cloud API (${connection.event}${connection.reason ? `, ${connection.reason}` : ''}); sync is paused and resumes by itself when it reconnects. ${connection.fix ?? ''}`.trim(),
    action: connection.state === 'offboarded' ? 'wait_for_reconnection' : 'share_again',
  },
});

/**
 * The link after a connection event, or undefined when it changes nothing: an event older than the
 * state the link holds (SQS does not keep order), a repeat, or a reconnection that ends no
 * disconnection. A disconnection pauses an active link with `whatsapp_disconnected`; a link paused
 * for another reason keeps that pause (the first reason stands). A reconnection lifts only the
 * pause a disconnection put there. `resumed` says whether sync may run again.
 */
const applyConnectionEvent = (
  link: Link,
  event: ConnectionEvent,
  now: Date
): { link: Link; resumed: boolean } | undefined => {
  const current = link.whatsapp?.connection;
  if (current && Date.parse(event.at) < Date.parse(current.since)) return undefined;
  if (current && current.state === event.state && current.event === event.event) return undefined;
  const changed = (connection: Connection, patch: Partial<Link>): Link => ({
    ...link,
    ...patch,
    whatsapp: { ...link.whatsapp, connection },
    updatedAt: now.toISOString(),
    version: link.version + 1,
  });
  if (event.state === 'connected') {
    if (!ends(event, current)) return undefined;
    const connection: Connection = { state: 'connected', event: event.event, since: event.at };
    if (link.pause?.reason !== 'whatsapp_disconnected') {
      return { link: changed(connection, {}), resumed: false };
    }
    const { pause: _pause, ...rest } = link;
    return {
      link: {
        ...rest,
        status: 'active',
        whatsapp: { ...link.whatsapp, connection },
        updatedAt: now.toISOString(),
        version: link.version + 1,
      },
      resumed: true,
    };
  }
  const fix = connectionFix(event);
  const connection: Connection = {
    state: event.state,
    event: event.event,
    ...(event.reason ? { reason: event.reason } : {}),
    ...(event.initiatedBy ? { initiatedBy: event.initiatedBy } : {}),
    since: event.at,
    ...(fix ? { fix } : {}),
  };
  const repause = link.status !== 'paused' || link.pause?.reason === 'whatsapp_disconnected';
  return {
    link: changed(
      connection,
      repause ? { status: 'paused', pause: pauseFor(connection, now) } : {}
    ),
    resumed: false,
  };
};

/** Whether the number is disconnected from the Cloud API (sync cannot run until it reconnects). */
const isDisconnected = (link: Pick<Link, 'whatsapp'>): boolean =>
  link.whatsapp?.connection !== undefined && link.whatsapp.connection.state !== 'connected';

export type { ConnectionEvent };
export { applyConnectionEvent, connectionFix, isDisconnected };
