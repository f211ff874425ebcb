import { NotFoundError, RateLimitError } from '../errors.js';
import { getLink } from '../linking/links.js';
import type { LinkRepository } from '../linking/ports.js';
import {
  HEALTH_STATUSES,
  type HealthStatus,
  META_LINK_STATES,
  type MetaLinkState,
} from '../linking/whatsapp-side.js';
import type { DriftClass } from './drift.js';
import {
  addCounts,
  emptyCounts,
  full,
  fullDrift,
  type LinkDriftRecord,
  type RunCounts,
  type RunSummary,
} from './model.js';
import type { DriftReportReader, ReconcileRunStore } from './ports.js';
import { type StartRunDeps, startReconcileRun } from './run.js';

/**
 * What a tenant may see of reconcile runs: every run that covered its links (the scheduled runs and
 * its own on-demand runs), with ITS counts only; another tenant's on-demand run does not exist for it.
 */

interface ReportDeps {
  store: Pick<ReconcileRunStore, 'getRun'>;
  reports: DriftReportReader;
}

interface RunView {
  runId: string;
  scope: 'all' | 'tenant';
  /** Set when the run covered a single link. */
  linkId?: string;
  trigger: RunSummary['trigger'];
  status: RunSummary['status'];
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  resumedAt: string | null;
  progress: { shardCount: number; shardsDone: number; pagesDone: number };
  /** The caller's links only. */
  counts: {
    linksChecked: number;
    drift: Record<DriftClass, number>;
    errors: number;
    syncsEnqueued: number;
    /** Links by Meta's Page <-> number link. */
    metaLink: Record<MetaLinkState, number>;
    /** Links by their number's health (checked once a day; the last check counts in between). */
    health: Record<HealthStatus, number>;
    /** Links whose daily checks this run made. */
    dailyChecks: number;
  };
  /**
   * The caller's links that were not in sync in this run, at most DRIFTED_LIMIT of them (details per
   * link: GET /links/{linkId}/drift).
   */
  drifted: { linkId: string; class: DriftClass }[];
  driftedTruncated: boolean;
}

/** Keeps a run's response small for a tenant with many drifted links; the counts stay exact. */
const DRIFTED_LIMIT = 500;

const runNotFound = (runId: string) =>
  new NotFoundError(
    `No reconcile run ${runId} covered your links. Runs are kept for the retention period only.`,
    { runId },
    'run_not_found'
  );

const toView = (summary: RunSummary, counts: RunCounts, drifted: RunView['drifted']): RunView => ({
  runId: summary.runId,
  scope: summary.scope.kind,
  ...(summary.scope.kind === 'tenant' && summary.scope.linkId
    ? { linkId: summary.scope.linkId }
    : {}),
  trigger: summary.trigger,
  status: summary.status,
  startedAt: summary.startedAt,
  finishedAt: summary.finishedAt ?? null,
  durationMs: summary.durationMs ?? null,
  resumedAt: summary.resumedAt ?? null,
  progress: {
    shardCount: summary.shardCount,
    shardsDone: summary.shardsDone,
    pagesDone: summary.pagesDone,
  },
  counts: {
    linksChecked: counts.linksChecked,
    drift: fullDrift(counts.drift),
    errors: counts.errors,
    syncsEnqueued: counts.syncsEnqueued,
    metaLink: full(counts.metaLink, META_LINK_STATES),
    health: full(counts.health, HEALTH_STATUSES),
    dailyChecks: counts.dailyChecks,
  },
  drifted: drifted.slice(0, DRIFTED_LIMIT),
  driftedTruncated: drifted.length > DRIFTED_LIMIT,
});

/** The run as the tenant may see it; another tenant's on-demand run is reported as not found. */
const getRun = async (deps: ReportDeps, tenantId: string, runId: string): Promise<RunView> => {
  const summary = await deps.store.getRun(runId);
  if (!summary || (summary.scope.kind === 'tenant' && summary.scope.tenantId !== tenantId)) {
    throw runNotFound(runId);
  }
  // Per-tenant pages are written for on-demand runs too, so both scopes read the same way.
  const pages = await deps.reports.tenantPages(runId, tenantId);
  const counts = pages.reduce((sum, page) => addCounts(sum, page.counts), emptyCounts());
  const drifted = pages
    .sort((a, b) => a.shard - b.shard || a.seq - b.seq)
    .flatMap((page) => page.drifted);
  return toView(summary, counts, drifted);
};

/** The newest run that covered the tenant's links: a scheduled run or its own on-demand run. */
const getLatestRun = async (deps: ReportDeps, tenantId: string): Promise<RunView> => {
  const runIds = await deps.reports.latestRunIds(tenantId);
  const newest = runIds.sort().at(-1);
  if (!newest) {
    throw new NotFoundError(
      'No reconcile run has covered your links yet. Start one with POST /reconcile/runs.',
      undefined,
      'run_not_found'
    );
  }
  return getRun(deps, tenantId, newest);
};

interface HistoryDeps {
  links: Pick<LinkRepository, 'get'>;
  reports: DriftReportReader;
}

/** A link's drift history, newest first; a link that is not the tenant's does not exist. */
const getLinkDriftHistory = async (
  deps: HistoryDeps,
  tenantId: string,
  linkId: string,
  page: { limit: number; cursor?: string }
): Promise<{
  linkId: string;
  items: Omit<LinkDriftRecord, 'tenantId' | 'expiresAt'>[];
  nextCursor: string | null;
}> => {
  await getLink(deps, tenantId, linkId);
  const history = await deps.reports.linkHistory(tenantId, linkId, page);
  return {
    linkId,
    items: history.items.map(({ tenantId: _t, expiresAt: _e, ...record }) => record),
    nextCursor: history.nextCursor ?? null,
  };
};

interface RequestRunDeps extends StartRunDeps {
  links: HistoryDeps['links'];
}

type RequestRunResult = { runId: string; status: 'running'; joined: boolean };

/**
 * Starts an on-demand run over the tenant's links (or one of them). A run of the tenant already in
 * progress is joined (its id returned) rather than doubled; right after one finished, the caller is
 * told when to come back.
 */
const requestRun = async (
  deps: RequestRunDeps,
  tenantId: string,
  input: { linkId?: string },
  now: Date
): Promise<RequestRunResult> => {
  if (input.linkId) await getLink(deps, tenantId, input.linkId);
  const result = await startReconcileRun(
    deps,
    {
      scope: { kind: 'tenant', tenantId, ...(input.linkId ? { linkId: input.linkId } : {}) },
      trigger: 'on_demand',
    },
    now
  );
  switch (result.status) {
    case 'started':
    case 'resumed':
      return { runId: result.runId, status: 'running', joined: result.status === 'resumed' };
    case 'skipped':
      return { runId: result.heldBy, status: 'running', joined: true };
    case 'cooling_down':
      throw new RateLimitError(
        `Your last reconcile run (${result.lastRunId}) finished moments ago; on-demand runs of a tenant are kept apart by a cool-down (reconcile_cooldown). Start another in ${result.retryAfterSeconds} seconds, or read its results with GET /reconcile/runs/${result.lastRunId}.`,
        result.retryAfterSeconds,
        { limit: 'reconcile_cooldown' }
      );
  }
};

export type { HistoryDeps, ReportDeps, RequestRunDeps, RequestRunResult, RunView };
export { getLatestRun, getLinkDriftHistory, getRun, requestRun };
