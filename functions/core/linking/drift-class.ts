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
] as const;

type DriftClass = (typeof DRIFT_CLASSES)[number];

export type { DriftClass };
export { DRIFT_CLASSES };
