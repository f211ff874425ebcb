import type { ProfileFields } from './mapping.js';
import { PROFILE_FIELDS, sameValue } from './profile.js';

/**
 * Profile writes Tandem sent without seeing their outcome. When Meta does not answer a write (the
 * client's timeout, a lost connection, a run that died mid-call), Meta may still apply it, seconds
 * later and after a newer write: WhatsApp then holds Tandem's own older value. Such a value is
 * Tandem's, never a direct edit, and the newest Page value must still win.
 *
 * A run records its write here before sending it; the write leaves the list when Meta answers it
 * (applied or refused), when a read shows the profile holding it (it landed, and cannot land again),
 * or after the retention period.
 */

interface UnconfirmedWrite {
  /** The fields as sent (a partial update). */
  fields: ProfileFields;
  sentAt: string;
}

/**
 * Far longer than Meta could hold a request, and long enough for several scheduled reconcile runs to
 * see a late write land: after that a value equal to an old payload is taken for what it looks like.
 */
const UNCONFIRMED_RETENTION_MS = 24 * 3600 * 1000;
/** A run adds at most one; a link whose writes time out again and again keeps only the newest. */
const MAX_UNCONFIRMED = 10;

/** Whether `current` holds every field of `write`: the write has landed. */
const hasLanded = (write: UnconfirmedWrite, current: ProfileFields): boolean =>
  PROFILE_FIELDS.every(
    (field) => !(field in write.fields) || sameValue(field, write.fields[field], current[field])
  );

/** The writes that may still land: within the retention period and not seen in `current`. */
const stillUnconfirmed = (
  writes: readonly UnconfirmedWrite[],
  current: ProfileFields,
  now: Date
): UnconfirmedWrite[] =>
  writes
    .filter((write) => now.getTime() - Date.parse(write.sentAt) < UNCONFIRMED_RETENTION_MS)
    .filter((write) => !hasLanded(write, current))
    .slice(-MAX_UNCONFIRMED);

/**
 * What Tandem last wrote, with its unconfirmed writes taken in: where WhatsApp differs from the
 * baseline but holds a value one of those writes sent, that value is Tandem's own (a late write
 * landing), so it counts as the baseline there instead of as a direct edit.
 *
 * @example
 * withOwnWrites({ about: 'New' }, { about: 'Old' }, [{ fields: { about: 'Old' }, sentAt }])
 * // { about: 'Old' }: WhatsApp holds what Tandem once sent, not an edit of its own
 */
const withOwnWrites = (
  baseline: ProfileFields,
  current: ProfileFields,
  writes: readonly UnconfirmedWrite[]
): ProfileFields => {
  const own: ProfileFields = { ...baseline };
  for (const field of PROFILE_FIELDS) {
    if (sameValue(field, baseline[field], current[field])) continue;
    const sentByTandem = writes.some(
      (write) => field in write.fields && sameValue(field, write.fields[field], current[field])
    );
    if (sentByTandem) Object.assign(own, { [field]: current[field] });
  }
  return own;
};

export type { UnconfirmedWrite };
export { hasLanded, MAX_UNCONFIRMED, stillUnconfirmed, UNCONFIRMED_RETENTION_MS, withOwnWrites };
