import { getLink } from '../linking/links.js';
import { type Link, SYNC_FIELDS } from '../linking/model.js';
import type { Clock, LinkRepository } from '../linking/ports.js';
import { type MappingNote, mapPageToProfile } from '../sync/mapping.js';
import type { LinkObserver, SyncStateRepository } from '../sync/ports.js';
import { PROFILE_FIELDS, type ProfileField, sameValue } from '../sync/profile.js';
import { classifyDrift, type DriftClass, type FieldDrift } from './drift.js';

/**
 * A link's two sides as they stand now, field by field: what the Page would give WhatsApp (after the
 * mapping's limits), what WhatsApp holds, and what Tandem last wrote. Read on demand (the console's
 * side-by-side view); classified with the reconciler's own rules, so both tell the same story.
 */

type ProfileValue = string | string[];

interface FieldComparison {
  field: ProfileField;
  /** Whether the link syncs this field. */
  synced: boolean;
  /** The Page's value as sync would write it; null when the Page gives WhatsApp nothing for it. */
  page: ProfileValue | null;
  whatsapp: ProfileValue | null;
  /** What Tandem last wrote; null before the first sync or for a field it never wrote. */
  lastWritten: ProfileValue | null;
  /** The two sides differ, compared as sync compares them (trimmed, websites normalised). */
  differs: boolean;
  /** For a synced field that drifted since the last write: on which side. */
  drift: FieldDrift['side'] | null;
}

interface ProfileComparison {
  linkId: string;
  observedAt: string;
  /** `token_invalid`: Meta refused the link's token; `asset_gone`: the Page or number is gone. */
  observation: 'observed' | 'token_invalid' | 'asset_gone';
  /** Which asset is gone, with `asset_gone`. */
  assetGone: 'page' | 'phone_number' | null;
  /** The reconciler's class for this link, were it checked now. */
  driftClass: DriftClass;
  /** Every writable profile field (none unless observed). */
  fields: FieldComparison[];
  /** The Page picture's URL (pictures are compared by their bytes when sync runs, not here). */
  pagePictureUrl: string | null;
  /** What the mapping had to change or could not carry (truncations, hours). */
  notes: MappingNote[];
}

interface CompareDeps {
  links: Pick<LinkRepository, 'get'>;
  state: Pick<SyncStateRepository, 'get'>;
  observer: Pick<LinkObserver, 'observe'>;
  clock: Clock;
}

const orNull = (value: ProfileValue | undefined): ProfileValue | null => value ?? null;

const syncedFieldsOf = (link: Link) => SYNC_FIELDS.filter((field) => link.sync.fields[field]);

/**
 * Reads the link's Page and WhatsApp profile now and compares them.
 *
 * @throws NotFoundError for a link that is not the tenant's; RateLimitError / UpstreamError when
 * Meta throttles or fails (a refused token or a missing asset is an answer, not an error).
 */
const compareProfiles = async (
  deps: CompareDeps,
  tenantId: string,
  linkId: string
): Promise<ProfileComparison> => {
  const link = await getLink(deps, tenantId, linkId);
  const [observation, record] = await Promise.all([
    deps.observer.observe(link),
    deps.state.get(tenantId, linkId),
  ]);
  const observedAt = deps.clock.now().toISOString();
  const drift = classifyDrift(
    observation,
    syncedFieldsOf(link),
    record?.lastWritten,
    record?.unconfirmed
  );
  if (observation.kind !== 'observed') {
    return {
      linkId,
      observedAt,
      observation: observation.kind,
      assetGone: observation.kind === 'asset_gone' ? observation.which : null,
      driftClass: drift.class,
      fields: [],
      pagePictureUrl: null,
      notes: [],
    };
  }
  // Every field, synced or not, so the user sees what turning one on would write.
  const mapped = mapPageToProfile(observation.page, SYNC_FIELDS);
  const drifted = new Map(drift.fields.map((field) => [field.field, field.side]));
  return {
    linkId,
    observedAt,
    observation: 'observed',
    assetGone: null,
    driftClass: drift.class,
    fields: PROFILE_FIELDS.map((field) => ({
      field,
      synced: link.sync.fields[field],
      page: orNull(mapped.fields[field]),
      whatsapp: orNull(observation.whatsapp[field]),
      lastWritten: orNull(record?.lastWritten?.fields[field]),
      differs: !sameValue(field, mapped.fields[field], observation.whatsapp[field]),
      drift: drifted.get(field) ?? null,
    })),
    pagePictureUrl: observation.page.picture?.url ?? null,
    notes: mapped.notes,
  };
};

export type { CompareDeps, FieldComparison, ProfileComparison };
export { compareProfiles };
