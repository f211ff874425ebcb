import type { SyncField } from '../linking/model.js';
import {
  type MappingNote,
  mapPageToProfile,
  type PageSnapshot,
  type ProfileFields,
} from './mapping.js';
import { diffProfiles, type FieldDiff, type ProfileField } from './profile.js';
import { type UnconfirmedWrite, withOwnWrites } from './unconfirmed.js';

/** What Tandem last wrote to a link's WhatsApp profile: the baseline for spotting direct edits. */
interface WrittenProfile {
  fields: ProfileFields;
  pictureSha256?: string;
  /** When the Page snapshot that produced this write was observed. */
  pageObservedAt: string;
  writtenAt: string;
}

interface SyncState {
  enabled: boolean;
  /** Fields the link syncs; opted-out fields are absent. */
  fields: readonly SyncField[];
  paused: boolean;
  lastWritten: WrittenProfile | undefined;
  /** Writes Tandem sent without seeing the outcome: their values on WhatsApp are Tandem's own. */
  unconfirmed?: readonly UnconfirmedWrite[];
}

type SyncPlan =
  | { kind: 'disabled' }
  | { kind: 'paused' }
  /** The snapshot is older than the one already written: applying it would go back in time. */
  | { kind: 'stale'; lastObservedAt: string }
  | { kind: 'pause'; reason: 'local_override'; diffs: FieldDiff[] }
  | { kind: 'noop'; notes: MappingNote[] }
  | {
      kind: 'update';
      /** Only the fields that differ from the current profile (the profile POST is a partial update). */
      changes: ProfileFields;
      /** Everything this sync manages, to store as the new baseline once written. */
      baseline: ProfileFields;
      picture: { url: string; sha256: string } | undefined;
      notes: MappingNote[];
    };

const profileFieldsOf = (fields: readonly SyncField[]): ProfileField[] =>
  fields.filter((field): field is ProfileField => field !== 'profilePicture');

/**
 * Decides what one sync does, from the link's state, a Page snapshot (and when it was observed) and
 * the WhatsApp profile as it is now. Pure: the worker performs the plan.
 *
 * Primary course: 1. skip when sync is off or paused; 2. refuse a snapshot older than the last one
 * written; 3. pause with `local_override` when WhatsApp no longer holds what Tandem wrote, unless
 * what it holds is a value Tandem sent and never saw confirmed (its own write, landed late); 4. map
 * the Page and write only what differs (and the picture only when its bytes changed).
 */
const planSync = (
  state: SyncState,
  page: PageSnapshot,
  observedAt: string,
  current: ProfileFields
): SyncPlan => {
  if (!state.enabled) return { kind: 'disabled' };
  if (state.paused) return { kind: 'paused' };
  const last = state.lastWritten;
  if (last && Date.parse(observedAt) < Date.parse(last.pageObservedAt)) {
    return { kind: 'stale', lastObservedAt: last.pageObservedAt };
  }
  const managed = profileFieldsOf(state.fields);
  if (last) {
    const baselineFields = managed.filter((field) => field in last.fields);
    const own = withOwnWrites(last.fields, current, state.unconfirmed ?? []);
    const diffs = diffProfiles(own, current, baselineFields).map((diff) => ({
      ...diff,
      expected: last.fields[diff.field],
    }));
    if (diffs.length > 0) return { kind: 'pause', reason: 'local_override', diffs };
  }
  const mapped = mapPageToProfile(page, state.fields);
  const notes: MappingNote[] = [
    ...mapped.notes,
    ...mapped.unclearable
      .filter((field) => current[field])
      .map(
        (field): MappingNote => ({
          field,
          kind: 'kept',
          message: `The Page has no usable ${field}; WhatsApp keeps ${current[field]}, because the Cloud API cannot clear it (Meta's spec takes only a valid address). Change it in WhatsApp Manager if it is wrong.`,
        })
      ),
  ];
  const differing = diffProfiles(
    mapped.fields,
    current,
    Object.keys(mapped.fields) as ProfileField[]
  );
  const changes: ProfileFields = Object.fromEntries(
    differing.map(({ field }) => [field, mapped.fields[field]])
  );
  const picture =
    mapped.picture && mapped.picture.sha256 !== last?.pictureSha256 ? mapped.picture : undefined;
  if (differing.length === 0 && picture === undefined) return { kind: 'noop', notes };
  return { kind: 'update', changes, baseline: mapped.fields, picture, notes };
};

export type { SyncPlan, SyncState, WrittenProfile };
export { planSync, profileFieldsOf };
