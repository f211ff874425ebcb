import {
  HEALTH_STATUSES,
  type HealthStatus,
  META_LINK_STATES,
  type MetaLinkState,
} from '../linking/whatsapp-side.js';
import { epochSeconds } from '../time.js';
import type { DriftClass, FieldDrift, HealAction } from './drift.js';
import { DRIFT_CLASSES } from './drift.js';

/**
 * The reconcile run's domain: what a run covers, what it counts, where a shard stands, and what is
 * stored per link. Pure types and arithmetic, no I/O.
 */

/** A scheduled run covers every active link; an on-demand run covers one tenant (or one link). */
type RunScope = { kind: 'all' } | { kind: 'tenant'; tenantId: string; linkId?: string };

type RunTrigger = 'schedule' | 'on_demand';
type RunStatus = 'running' | 'completed' | 'failed';

interface RunCounts {
  linksChecked: number;
  /** How many links fell in each drift class; only classes seen are present. */
  drift: Partial<Record<DriftClass, number>>;
  /** Links that could not be checked (not observed, malformed item); they carry no drift class. */
  errors: number;
  /** Sync jobs the run enqueued (Page changed, sync on, not paused). */
  syncsEnqueued: number;
  /** Checked links by Meta's Page <-> number link, as this run read it; only states seen. */
  metaLink: Partial<Record<MetaLinkState, number>>;
  /** Checked links by their number's health (this run's daily check, else the last); only seen. */
  health: Partial<Record<HealthStatus, number>>;
  /** Links whose daily checks (health) this run made: what they cost in Graph calls. */
  dailyChecks: number;
}

interface RunSummary extends RunCounts {
  runId: string;
  scope: RunScope;
  trigger: RunTrigger;
  status: RunStatus;
  startedAt: string;
  shardCount: number;
  shardsDone: number;
  /** Pages committed so far over all shards: the run's progress. */
  pagesDone: number;
  finishedAt?: string;
  durationMs?: number;
  failureReason?: string;
  /** When a later invocation took the run over after its lease ran out (a crashed run). */
  resumedAt?: string;
  /** Epoch seconds: the store deletes the run after the retention period. */
  expiresAt: number;
}

/**
 * Where a shard stands: the next page to reconcile and the index cursor that starts it. Written in
 * the same transaction as the page's counts, so a page is counted exactly once.
 */
interface ShardCheckpoint {
  shard: number;
  nextSeq: number;
  cursor?: string;
  done: boolean;
}

/** One link's drift in one run: the link history entry, with field-level before and after. */
interface LinkDriftRecord {
  runId: string;
  tenantId: string;
  linkId: string;
  observedAt: string;
  class: DriftClass;
  fields: FieldDrift[];
  unsupported: string[];
  action: HealAction;
  syncEnabled: boolean;
  paused: boolean;
  /** The link's WhatsApp side in this run, with Meta's reasons and the fixes (absent on older records). */
  whatsapp?: {
    metaLink: MetaLinkState | null;
    health: HealthStatus | null;
    notes: string[];
  };
  expiresAt: number;
}

/**
 * One tenant's share of one page of one shard: its counts and which of its links drifted. Written with
 * a key fixed by (run, tenant, shard, page), so a retried page overwrites instead of adding.
 */
interface TenantPageRecord {
  runId: string;
  tenantId: string;
  shard: number;
  seq: number;
  counts: RunCounts;
  /** Links of this tenant on this page that were not in sync (in-sync links are only counted). */
  drifted: { linkId: string; class: DriftClass }[];
  expiresAt: number;
}

const emptyCounts = (): RunCounts => ({
  linksChecked: 0,
  drift: {},
  errors: 0,
  syncsEnqueued: 0,
  metaLink: {},
  health: {},
  dailyChecks: 0,
});

const addTo = <K extends string>(
  into: Partial<Record<K, number>>,
  more: Partial<Record<K, number>> | undefined,
  names: readonly K[]
): void => {
  for (const name of names) {
    const count = more?.[name];
    if (count) into[name] = (into[name] ?? 0) + count;
  }
};

/** Adds `more` to `into`; counts stored before the WhatsApp side was counted add as zero. */
const addCounts = (into: RunCounts, more: Partial<RunCounts>): RunCounts => {
  into.linksChecked += more.linksChecked ?? 0;
  into.errors += more.errors ?? 0;
  into.syncsEnqueued += more.syncsEnqueued ?? 0;
  into.dailyChecks += more.dailyChecks ?? 0;
  addTo(into.drift, more.drift, DRIFT_CLASSES);
  addTo(into.metaLink, more.metaLink, META_LINK_STATES);
  addTo(into.health, more.health, HEALTH_STATUSES);
  return into;
};

/** Every name with its count (zero when unseen), for responses that should not make clients guess. */
const full = <K extends string>(
  counts: Partial<Record<K, number>> | undefined,
  names: readonly K[]
): Record<K, number> =>
  Object.fromEntries(names.map((name) => [name, counts?.[name] ?? 0])) as Record<K, number>;

const fullDrift = (drift: Partial<Record<DriftClass, number>>): Record<DriftClass, number> =>
  full(drift, DRIFT_CLASSES);

/** Run ids sort by start time (compact ISO-8601 first), so "latest" is the greatest id. */
const RUN_ID = /^rcn_\d{8}T\d{9}Z_[0-9a-f]{8}$/;

/** When a run started, from its id (`rcn_20261201T120000000Z_...`); undefined for another id. */
const runStartOf = (runId: string): Date | undefined => {
  const match = /^rcn_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z_/.exec(runId);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, ms] = match.map(Number) as number[];
  return new Date(
    Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0, ms ?? 0)
  );
};

const DAY_SECONDS = 86_400;

const expiryFor = (at: Date, retentionDays: number): number =>
  epochSeconds(at) + retentionDays * DAY_SECONDS;

export type {
  LinkDriftRecord,
  RunCounts,
  RunScope,
  RunStatus,
  RunSummary,
  RunTrigger,
  ShardCheckpoint,
  TenantPageRecord,
};
export { addCounts, emptyCounts, expiryFor, full, fullDrift, RUN_ID, runStartOf };
