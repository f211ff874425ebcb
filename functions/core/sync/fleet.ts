import { DRIFT_CLASSES } from '../linking/drift-class.js';
import type { Link, PauseReason } from '../linking/model.js';
import type { PageOf } from '../linking/ports.js';
import type { SyncOutcome } from './state.js';

/**
 * Fleet views: a tenant's links filtered by state, the counts behind them, and the filter bulk
 * actions walk. Pure: the repository reads the tenant's partition a page at a time and asks
 * `matchesFilter` which links belong (functions/adapters/dynamodb/links.ts says why a per-tenant
 * query with the filter applied while reading, not an index per state).
 */

/** `status` filter values: either status, or a paused link's reason. */
const LINK_STATES = [
  'active',
  'paused',
  'local_override',
  'token_invalid',
  'whatsapp_disconnected',
] as const;
type LinkState = (typeof LINK_STATES)[number];

/** `drift` filter values: a class of the latest run that checked the link, or never checked. */
const DRIFT_FILTERS = [...DRIFT_CLASSES, 'unchecked'] as const;
type DriftFilter = (typeof DRIFT_FILTERS)[number];

interface LinkFilter {
  status?: LinkState;
  syncEnabled?: boolean;
  drift?: DriftFilter;
  pageId?: string;
}

const PAUSE_REASONS: readonly PauseReason[] = [
  'local_override',
  'token_invalid',
  'whatsapp_disconnected',
];

const stateMatches = (link: Link, state: LinkState): boolean =>
  state === 'active' || state === 'paused'
    ? link.status === state
    : link.status === 'paused' && link.pause?.reason === state;

/** Whether a link passes every condition the filter sets (an empty filter passes all). */
const matchesFilter = (link: Link, filter: LinkFilter): boolean =>
  (filter.status === undefined || stateMatches(link, filter.status)) &&
  (filter.syncEnabled === undefined || link.sync.enabled === filter.syncEnabled) &&
  (filter.drift === undefined || (link.drift?.class ?? 'unchecked') === filter.drift) &&
  (filter.pageId === undefined || link.pageId === filter.pageId);

/** How a link's last sync run ended, as fleet items carry it. */
interface LastSync {
  outcome: SyncOutcome;
  at: string;
  reason?: string;
}

/** A link as the fleet list shows it: the link, why it is paused, and how its last sync went. */
type FleetLink = Link & { lastSync: LastSync | null };

interface FleetReader {
  /**
   * The tenant's links that pass `filter`, in link-id order, up to `limit`, from after `cursor`.
   * The cursor names the last link returned, so a page never repeats or skips a link that exists
   * throughout, whatever is written meanwhile.
   */
  listWhere(
    tenantId: string,
    filter: LinkFilter,
    page: { limit: number; cursor?: string | undefined }
  ): Promise<PageOf<Link>>;
  /** Every link of the tenant (for counting), read a page at a time. */
  forEachLink(tenantId: string, visit: (links: readonly Link[]) => void): Promise<void>;
}

interface LastSyncReader {
  /** The last sync result of each of these links of the tenant that has one. */
  lastResults(tenantId: string, linkIds: readonly string[]): Promise<Map<string, LastSync>>;
}

/** A page of the fleet, each link with its last sync outcome. */
const listFleet = async (
  deps: { fleet: FleetReader; lastSync: LastSyncReader },
  tenantId: string,
  filter: LinkFilter,
  page: { limit: number; cursor?: string | undefined }
): Promise<PageOf<FleetLink>> => {
  const links = await deps.fleet.listWhere(tenantId, filter, page);
  const results = await deps.lastSync.lastResults(
    tenantId,
    links.items.map((link) => link.linkId)
  );
  return {
    items: links.items.map((link) => ({ ...link, lastSync: results.get(link.linkId) ?? null })),
    ...(links.nextCursor ? { nextCursor: links.nextCursor } : {}),
  };
};

/** A tenant's links counted by status, pause reason, sync setting and latest drift class. */
interface FleetSummary {
  total: number;
  status: Record<'active' | 'paused', number>;
  pauseReasons: Record<PauseReason, number>;
  sync: Record<'enabled' | 'disabled', number>;
  drift: Record<DriftFilter, number>;
}

const emptySummary = (): FleetSummary => ({
  total: 0,
  status: { active: 0, paused: 0 },
  pauseReasons: Object.fromEntries(PAUSE_REASONS.map((reason) => [reason, 0])) as Record<
    PauseReason,
    number
  >,
  sync: { enabled: 0, disabled: 0 },
  drift: Object.fromEntries(DRIFT_FILTERS.map((name) => [name, 0])) as Record<DriftFilter, number>,
});

/** Adds links to a summary (mutating it: a walk of thousands of links adds page by page). */
const countInto = (summary: FleetSummary, links: readonly Link[]): FleetSummary => {
  for (const link of links) {
    summary.total += 1;
    summary.status[link.status] += 1;
    if (link.status === 'paused' && link.pause) summary.pauseReasons[link.pause.reason] += 1;
    summary.sync[link.sync.enabled ? 'enabled' : 'disabled'] += 1;
    summary.drift[link.drift?.class ?? 'unchecked'] += 1;
  }
  return summary;
};

/** GET /summary: every link of the tenant counted once. */
const summarizeFleet = async (
  deps: { fleet: Pick<FleetReader, 'forEachLink'> },
  tenantId: string
): Promise<FleetSummary> => {
  const summary = emptySummary();
  await deps.fleet.forEachLink(tenantId, (links) => countInto(summary, links));
  return summary;
};

export type {
  DriftFilter,
  FleetLink,
  FleetReader,
  FleetSummary,
  LastSync,
  LastSyncReader,
  LinkFilter,
  LinkState,
};
export {
  countInto,
  DRIFT_FILTERS,
  emptySummary,
  LINK_STATES,
  listFleet,
  matchesFilter,
  summarizeFleet,
};
