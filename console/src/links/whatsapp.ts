import type { operations } from '../api/schema.js';

type LinkWhatsApp = operations['linkWhatsApp']['responses'][200]['content']['application/json'];

/** What a link carries of its WhatsApp side: the Page's button on Meta, the number's health. */
type WhatsAppSide = Pick<LinkWhatsApp, 'metaLink' | 'health' | 'connection'>;
type MetaLinkState = NonNullable<WhatsAppSide['metaLink']>['state'];
type CanSend = NonNullable<WhatsAppSide['health']>['canSendMessage'];

/** The Page's WhatsApp link on Meta's side, in words, with its badge. */
const META_LINK_LABELS: Record<MetaLinkState | 'unchecked', { label: string; badge: string }> = {
  linked: { label: 'Linked on Meta', badge: 'active' },
  missing: { label: 'Missing on Meta', badge: 'failed' },
  other_number: { label: 'Another number on Meta', badge: 'paused' },
  unknown: { label: 'Not known', badge: 'incomplete' },
  unchecked: { label: 'Not checked yet', badge: 'incomplete' },
};

/** The number's messaging health (Meta's `health_status.can_send_message`), in words. */
const HEALTH_LABELS: Record<CanSend | 'unchecked', { label: string; badge: string }> = {
  AVAILABLE: { label: 'Can send messages', badge: 'active' },
  LIMITED: { label: 'Limited', badge: 'paused' },
  BLOCKED: { label: 'Blocked', badge: 'failed' },
  unchecked: { label: 'Not checked yet', badge: 'incomplete' },
};

const metaLinkLabel = (side: WhatsAppSide | undefined) =>
  META_LINK_LABELS[side?.metaLink?.state ?? 'unchecked'];

const healthLabel = (side: WhatsAppSide | undefined) =>
  HEALTH_LABELS[side?.health?.canSendMessage ?? 'unchecked'];

/**
 * What the user should do, when the Meta side needs it: the API's own fix text for a missing
 * link or one to another number, and for a number no longer connected; nothing otherwise.
 */
const fixesOf = (side: WhatsAppSide | undefined): string[] => {
  const fixes: string[] = [];
  const state = side?.metaLink?.state;
  if ((state === 'missing' || state === 'other_number') && side?.metaLink?.fix) {
    fixes.push(side.metaLink.fix);
  }
  if (side?.connection && side.connection.state !== 'connected' && side.connection.fix) {
    fixes.push(side.connection.fix);
  }
  return fixes;
};

export { fixesOf, HEALTH_LABELS, healthLabel, META_LINK_LABELS, metaLinkLabel, type WhatsAppSide };
