/** What the API's values mean, in the words the console shows. */

const DRIFT_LABELS: Record<string, string> = {
  in_sync: 'In step',
  page_changed: 'Page changed',
  whatsapp_edited: 'Edited on WhatsApp',
  both_changed: 'Changed on both',
  token_invalid: 'Sign-in expired',
  asset_gone: 'Page or number gone',
  unsupported_field: 'Has fields WhatsApp cannot hold',
  webhook_subscription_lost: 'No longer hears Page edits',
  number_blocked: 'WhatsApp number blocked',
  meta_link_missing: 'No WhatsApp button on the Page',
  meta_link_other_number: 'Page linked to another number',
  unchecked: 'Not checked yet',
};

const PAUSE_LABELS: Record<string, string> = {
  local_override: 'Edited directly on WhatsApp',
  token_invalid: 'Facebook sign-in no longer accepted',
  whatsapp_disconnected: 'WhatsApp number disconnected from the Cloud API',
};

/** The `status` filter: either status, or a paused link's reason. */
const STATE_LABELS: Record<string, string> = {
  active: 'Active',
  paused: 'Paused, any reason',
  local_override: 'Paused: edited directly on WhatsApp',
  token_invalid: 'Paused: Facebook sign-in no longer accepted',
};

const FIELD_LABELS: Record<string, string> = {
  about: 'About',
  description: 'Description',
  address: 'Address',
  email: 'Email',
  websites: 'Websites',
  vertical: 'Category',
  profilePicture: 'Profile picture',
  hours: 'Opening hours',
};

const OUTCOME_LABELS: Record<string, string> = {
  applied: 'Copied to WhatsApp',
  noop: 'Already in step',
  paused: 'Paused',
  failed: 'Failed',
};

const TRIGGER_LABELS: Record<string, string> = {
  webhook: 'a Page edit',
  manual: 'Sync now',
  reconcile: 'a scheduled check',
};

const label = (labels: Record<string, string>, value: string | null | undefined): string =>
  value ? (labels[value] ?? value) : '';

/** A profile value for people: websites one per line, nothing as a dash. */
const shown = (value: string | string[] | null | undefined): string => {
  if (value === null || value === undefined || value === '') return '—';
  return Array.isArray(value) ? (value.length > 0 ? value.join('\n') : '—') : value;
};

const when = (iso: string | null | undefined): string =>
  iso
    ? new Date(iso).toLocaleString('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      })
    : '—';

export {
  DRIFT_LABELS,
  FIELD_LABELS,
  label,
  OUTCOME_LABELS,
  PAUSE_LABELS,
  STATE_LABELS,
  shown,
  TRIGGER_LABELS,
  when,
};
