import { DRIFT_CLASSES, type DriftClass } from '../linking/drift-class.js';
import type { SyncField } from '../linking/model.js';
import type { HealthStatus, MetaLinkState } from '../linking/whatsapp-side.js';
import { mapPageToProfile } from '../sync/mapping.js';
import type { WrittenProfile } from '../sync/plan.js';
import type { Observation } from '../sync/ports.js';
import { diffProfiles, type FieldDiff, type ProfileField } from '../sync/profile.js';
import { type UnconfirmedWrite, withOwnWrites } from '../sync/unconfirmed.js';

/**
 * Drift: how a link's Page, its WhatsApp profile and what Tandem last wrote relate. Pure, so the
 * reconciler, the API and the tests agree on every class.
 */

interface FieldDrift {
  field: ProfileField;
  /** Where the field drifted: on the Page since the last write, on WhatsApp, or both. */
  side: 'page' | 'whatsapp' | 'both';
  page: FieldDiff['expected'];
  whatsapp: FieldDiff['actual'];
  lastWritten: FieldDiff['expected'];
}

interface Drift {
  class: DriftClass;
  fields: FieldDrift[];
  /** Page fields WhatsApp cannot hold (hours): reported, never healed. */
  unsupported: string[];
  /**
   * The app is no longer subscribed to the Page's webhooks (someone removed it, or Meta dropped
   * it), so Page edits reach Tandem only through the reconciler. Restored whatever the class says.
   */
  webhooksLost: boolean;
}

/** What the link's WhatsApp side stands at after this run (the read, or what was stored). */
interface WhatsAppStanding {
  metaLink?: MetaLinkState;
  health?: HealthStatus;
}

/**
 * Classifies one link. Without a previous write there is no baseline, so any difference between the
 * Page and WhatsApp counts as a pending Page change (the first sync will take over). A WhatsApp value
 * equal to one Tandem sent without seeing the outcome (`unconfirmed`) is Tandem's own write landing
 * late: never a direct edit, and a Page change where the Page says otherwise, which heals.
 */

const classifyDrift = (
  observation: Observation,
  syncedFields: readonly SyncField[],
  lastWritten: WrittenProfile | undefined,
  unconfirmed: readonly UnconfirmedWrite[] = [],
  whatsapp: WhatsAppStanding = {}
): Drift => {
  if (observation.kind !== 'observed')
    return { class: observation.kind, fields: [], unsupported: [], webhooksLost: false };
  const mapped = mapPageToProfile(observation.page, syncedFields);
  const unsupported = mapped.notes
    .filter((note) => note.kind === 'unsupported')
    .map((note) => note.field);
  const managed = Object.keys(mapped.fields) as ProfileField[];
  // With no write yet, WhatsApp's values are the baseline, so every difference lands on the Page side.
  const baseline = lastWritten
    ? withOwnWrites(lastWritten.fields, observation.whatsapp, unconfirmed)
    : observation.whatsapp;
  const pageSide = new Set(
    diffProfiles(baseline, mapped.fields, managed).map((diff) => diff.field)
  );
  const whatsappSide = lastWritten
    ? new Set(diffProfiles(baseline, observation.whatsapp, managed).map((diff) => diff.field))
    : new Set<ProfileField>();
  const fields: FieldDrift[] = managed
    .filter((field) => pageSide.has(field) || whatsappSide.has(field))
    .map((field) => ({
      field,
      side:
        pageSide.has(field) && whatsappSide.has(field)
          ? 'both'
          : pageSide.has(field)
            ? 'page'
            : 'whatsapp',
      page: mapped.fields[field],
      whatsapp: observation.whatsapp[field],
      lastWritten: lastWritten?.fields[field],
    }));
  const page = fields.some((drift) => drift.side !== 'whatsapp');
  const edited = fields.some((drift) => drift.side !== 'page');
  const webhooksLost = observation.webhooksSubscribed === false;
  // Field drift names the class first (it decides whether a sync heals it); then what stops the
  // number working (blocked, no WhatsApp button on the Page), then a lost subscription, which is
  // restored in every case. Each of those still shows on the record whatever the class.
  const driftClass: DriftClass =
    page && edited
      ? 'both_changed'
      : edited
        ? 'whatsapp_edited'
        : page
          ? 'page_changed'
          : whatsapp.health === 'BLOCKED'
            ? 'number_blocked'
            : whatsapp.metaLink === 'missing'
              ? 'meta_link_missing'
              : whatsapp.metaLink === 'other_number'
                ? 'meta_link_other_number'
                : webhooksLost
                  ? 'webhook_subscription_lost'
                  : unsupported.length > 0
                    ? 'unsupported_field'
                    : 'in_sync';
  return { class: driftClass, fields, unsupported, webhooksLost };
};

type HealAction = 'enqueue_sync' | 'restore_subscription' | 'report_only';

/**
 * Policy: only a Page change on a link whose sync is on heals itself (a sync is enqueued). A direct
 * WhatsApp edit is the business's decision and is never overwritten without an explicit resume. A
 * lost webhook subscription is restored (on paused links too, so a resume finds webhooks working).
 */
const healPolicy = (drift: Drift, syncEnabled: boolean, paused: boolean): HealAction =>
  drift.class === 'page_changed' && syncEnabled && !paused
    ? 'enqueue_sync'
    : drift.webhooksLost
      ? 'restore_subscription'
      : 'report_only';

export type { Drift, DriftClass, FieldDrift, HealAction, WhatsAppStanding };
export { classifyDrift, DRIFT_CLASSES, healPolicy };
