/**
 * The drift classes a reconcile run assigns. A link carries its latest class (fleet views filter on
 * it), so the list lives with linking; core/reconcile/drift.ts decides which applies.
 */
const DRIFT_CLASSES = [
  'in_sync',
  'page_changed',
  'whatsapp_edited',
  'both_changed',
  'token_invalid',
  'asset_gone',
  'unsupported_field',
  'webhook_subscription_lost',
  /** The number's health is BLOCKED: it cannot send messages (Meta's reason on the record). */
  'number_blocked',
  /** The Page has no WhatsApp number on Meta's side: no WhatsApp button, no Click-to-WhatsApp ad. */
  'meta_link_missing',
  /** The Page is linked on Meta's side to another number than the link's. */
  'meta_link_other_number',
] as const;

type DriftClass = (typeof DRIFT_CLASSES)[number];

export type { DriftClass };
export { DRIFT_CLASSES };
