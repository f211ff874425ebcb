/**
 * The WhatsApp side of a link, as Tandem knows it: Meta's own Page <-> number link (the WhatsApp
 * button on the Page, which Click-to-WhatsApp ads require), the number's messaging health, its
 * connection to the Cloud API (coexistence with the WhatsApp Business app), and what the WhatsApp
 * Business Account's webhooks said about its name, quality and alerts. Pure types and rules.
 */

/** How the Page stands with the link's number on Meta's side. */
const META_LINK_STATES = ['linked', 'missing', 'other_number', 'unknown'] as const;
type MetaLinkState = (typeof META_LINK_STATES)[number];

/** A link being created from Tandem: Meta sent a code to the number, awaiting confirmation. */
interface MetaLinkVerification {
  /** The number the code went to: the link's own, as E.164 digits. */
  number: string;
  startedAt: string;
  /** Tandem refuses the code after this; Meta's own expiry is not documented. */
  expiresAt: string;
  /** Codes Meta refused so far. */
  failedAttempts: number;
}

interface MetaLink {
  state: MetaLinkState;
  /** The E.164 digits of the number Meta says the Page is linked to, when it says one. */
  pageNumber?: string;
  /** Meta's `has_whatsapp_business_number`: the Page's number is a WhatsApp Business number. */
  businessNumber?: boolean;
  /** When the link was first seen in this state (Tandem writes only changes). */
  since: string;
  /** Why Tandem cannot tell (`unknown`). */
  reason?: string;
  verification?: MetaLinkVerification;
}

/** Meta's `can_send_message` values (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status). */
const HEALTH_STATUSES = ['AVAILABLE', 'LIMITED', 'BLOCKED'] as const;
type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** One node of the messaging chain (number, WABA, business, app) that is not AVAILABLE. */
interface HealthProblem {
  entityType: string;
  entityId: string;
  canSendMessage: HealthStatus;
  /** BLOCKED: Meta's error code, what is wrong and its possible solution, in Meta's words. */
  errors: { code?: string; description?: string; solution?: string }[];
  /** LIMITED: Meta's additional information. */
  additionalInfo: string[];
}

interface NumberHealth {
  canSendMessage: HealthStatus;
  /** Only the nodes that are not AVAILABLE. */
  problems: HealthProblem[];
  /** When the number was first seen with this health. */
  since: string;
}

/**
 * The number's Cloud API connection. `offboarded`: a coexistence number whose WhatsApp Business
 * app moved device or was registered again; Meta reconnects it by itself (`ACCOUNT_RECONNECTED`).
 * `partner_removed`: the business (or Meta) took the WABA away from the app; it must share it again.
 */
type ConnectionState = 'connected' | 'offboarded' | 'partner_removed';

interface Connection {
  state: ConnectionState;
  /** The account_update event that moved it here. */
  event?: string;
  /** Meta's `disconnection_info.reason` (PRIMARY_INACTIVITY, USER_RE_REGISTERED, ...). */
  reason?: string;
  /** Meta's `disconnection_info.initiated_by`: USER or SYSTEM. */
  initiatedBy?: string;
  /** Meta's event time: an older event never overwrites a newer one. */
  since: string;
  /** What the business can do about it. */
  fix?: string;
}

/** `phone_number_name_update`: the outcome of a display name review. */
interface DisplayNameRecord {
  decision: string;
  requestedName?: string;
  rejectionReason?: string;
  at: string;
}

/** `phone_number_quality_update`: a messaging limit or throughput change. */
interface QualityRecord {
  event: string;
  currentLimit?: string;
  oldLimit?: string;
  maxDailyConversations?: string;
  at: string;
}

/** `account_alerts`, and what Tandem did about it. */
interface AlertRecord {
  type: string;
  severity?: string;
  status?: string;
  description?: string;
  at: string;
  /** `resynced`: sync owns what the alert is about and puts it back; `reported`: only shown. */
  handling: 'resynced' | 'reported';
  note: string;
}

interface WhatsAppSide {
  metaLink?: MetaLink;
  health?: NumberHealth;
  connection?: Connection;
  displayName?: DisplayNameRecord;
  quality?: QualityRecord;
  /** The newest alerts, newest first. */
  alerts?: AlertRecord[];
}

/** How many alerts a link keeps. */
const MAX_ALERTS = 10;

/**
 * What lives only in the WhatsApp Business app: no Cloud API path reads or writes it (none in
 * Meta's WhatsApp OpenAPI spec), so an edit there cannot be seen, is not drift, and never pauses sync.
 */
const APP_ONLY_FEATURES = [
  {
    feature: 'hours',
    reason:
      'Business hours set in the WhatsApp Business app: no API reads them, so an hours edit in the app cannot be detected (and the Page hours cannot be written).',
  },
  {
    feature: 'greeting_message',
    reason:
      'The greeting message lives only in the WhatsApp Business app; no API reads it, so its edits cannot be detected.',
  },
  {
    feature: 'away_message',
    reason:
      'The away message lives only in the WhatsApp Business app; no API reads it, so its edits cannot be detected.',
  },
  {
    feature: 'quick_replies',
    reason:
      'Quick replies live only in the WhatsApp Business app; no API reads them, so their edits cannot be detected.',
  },
  {
    feature: 'labels',
    reason:
      'Chat labels live only in the WhatsApp Business app; no API reads them, so their edits cannot be detected.',
  },
] as const;

type AppOnlyFeature = (typeof APP_ONLY_FEATURES)[number]['feature'];

export type {
  AlertRecord,
  AppOnlyFeature,
  Connection,
  ConnectionState,
  DisplayNameRecord,
  HealthProblem,
  HealthStatus,
  MetaLink,
  MetaLinkState,
  MetaLinkVerification,
  NumberHealth,
  QualityRecord,
  WhatsAppSide,
};
export { APP_ONLY_FEATURES, HEALTH_STATUSES, MAX_ALERTS, META_LINK_STATES };
