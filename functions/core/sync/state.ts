import type { SyncJob } from '../jobs.js';
import type { Link, Pause, SyncField, UnsupportedField } from '../linking/model.js';
import type { MappingNote } from './mapping.js';
import type { WrittenProfile } from './plan.js';
import type { PictureOutcome } from './ports.js';
import type { UnconfirmedWrite } from './unconfirmed.js';

/**
 * What Tandem remembers about a link's sync, apart from the link itself: the baseline it last wrote
 * (to tell a direct WhatsApp edit from its own write), when the Page snapshot behind it was read (a
 * stale snapshot never wins), and how the last run went (what the link's sync status shows).
 */

type SyncOutcome = 'applied' | 'noop' | 'paused' | 'failed';

interface SyncResult {
  /** ISO-8601 time the run finished. */
  at: string;
  outcome: SyncOutcome;
  trigger: SyncJob['trigger'];
  /** The fields written to WhatsApp (`applied` only). */
  changedFields: SyncField[];
  /** What the mapping had to change or could not carry (truncations, fallbacks, hours). */
  notes: MappingNote[];
  /** Why the run paused or failed, for people. */
  reason?: string;
  /** The picture part of an `applied` run, when it had one (a failure leaves the text written). */
  picture?: PictureOutcome;
}

interface SyncRecord {
  tenantId: string;
  linkId: string;
  lastWritten?: WrittenProfile;
  /** When the Page was read for the last completed run (`applied` or `noop`). */
  lastObservedAt?: string;
  /** When a run last completed, i.e. WhatsApp was known to match the Page. */
  lastSyncAt?: string;
  lastResult?: SyncResult;
  /**
   * Writes sent without their outcome being seen (Meta did not answer): Meta may still apply them,
   * so their values on WhatsApp are Tandem's own, not direct edits.
   */
  unconfirmed?: UnconfirmedWrite[];
}

/** The sync status of a link, as GET /links/{linkId}/sync shows it. */
interface SyncStatusView {
  linkId: string;
  enabled: boolean;
  fields: Link['sync']['fields'];
  status: Link['status'];
  pause: Pause | null;
  lastSyncAt: string | null;
  lastObservedAt: string | null;
  lastResult: SyncResult | null;
  /** The last run's mapping notes, surfaced on their own so clients can show them by the fields. */
  notes: MappingNote[];
  /** Page fields WhatsApp cannot hold at all (hours). */
  unsupported: UnsupportedField[];
  /** Writes Meta did not answer, which it may still apply: the fields sent and when. */
  unconfirmedWrites: { fields: SyncField[]; sentAt: string }[];
}

const toSyncStatusView = (link: Link, record: SyncRecord | undefined): SyncStatusView => ({
  linkId: link.linkId,
  enabled: link.sync.enabled,
  fields: link.sync.fields,
  status: link.status,
  pause: link.pause ?? null,
  lastSyncAt: record?.lastSyncAt ?? null,
  lastObservedAt: record?.lastObservedAt ?? null,
  lastResult: record?.lastResult ?? null,
  notes: record?.lastResult?.notes ?? [],
  unsupported: link.unsupported,
  unconfirmedWrites: (record?.unconfirmed ?? []).map((write) => ({
    fields: Object.keys(write.fields) as SyncField[],
    sentAt: write.sentAt,
  })),
});

export type { SyncOutcome, SyncRecord, SyncResult, SyncStatusView };
export { toSyncStatusView };
