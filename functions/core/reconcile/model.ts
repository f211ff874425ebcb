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
});

const addCounts = (into: RunCounts, more: RunCounts): RunCounts => {
  into.linksChecked += more.linksChecked;
  into.errors += more.errors;
  into.syncsEnqueued += more.syncsEnqueued;
  for (const name of DRIFT_CLASSES) {
    const count = more.drift[name];
    if (count) into.drift[name] = (into.drift[name] ?? 0) + count;
  }
  return into;
};

/** Every class with its count (zero when unseen), for responses that should not make clients guess. */
const fullDrift = (drift: Partial<Record<DriftClass, number>>): Record<DriftClass, number> =>
  Object.fromEntries(DRIFT_CLASSES.map((name) => [name, drift[name] ?? 0])) as Record<
    DriftClass,
    number
  >;

/** Run ids sort by start time (compact ISO-8601 first), so "latest" is the greatest id. */
const RUN_ID = /^rcn_\d{8}T\d{9}Z_[0-9a-f]{8}$/;

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
export { addCounts, emptyCounts, expiryFor, fullDrift, RUN_ID };
