import { NotFoundError, TandemError, ValidationError } from '../errors.js';
import type { LinksBulkJob } from '../jobs.js';
import type { EventPublisher } from '../linking/events.js';
import type { Link } from '../linking/model.js';
import type { FleetReader, LinkFilter } from './fleet.js';
import { resumeSync, type SyncRequestDeps, updateSyncSettings } from './requests.js';

/**
 * Bulk actions on a filter of a tenant's links (resume, sync on, sync off), run as a job: the API
 * records the operation and answers 202; queue jobs walk the filter a page at a time, each page
 * committed with its counts before the next is published, so progress is visible and a redelivered
 * page is never counted twice.
 */

const BULK_ACTIONS = ['resume', 'enable_sync', 'disable_sync'] as const;
type BulkAction = (typeof BULK_ACTIONS)[number];

/** Links one job handles: a page of this size takes seconds, well inside the worker's timeout. */
const BULK_PAGE_SIZE = 100;
/** Per-link failures kept on the operation; the counts go on past it. */
const MAX_FAILURES_KEPT = 50;
/** How long an operation's record is kept after it was started. */
const BULK_RETENTION_DAYS = 7;

interface BulkInput {
  action: BulkAction;
  filter: LinkFilter;
  /** `resume` only: as POST /links/{linkId}/resume's `overwrite`. */
  overwrite?: boolean;
}

interface BulkProgress {
  /** Pages of the filter walked so far. */
  pages: number;
  /** Links that passed the filter when their page was read. */
  matched: number;
  changed: number;
  /** Already as asked (sync already on, not paused): nothing to do. */
  skipped: number;
  failed: number;
}

interface BulkFailure {
  linkId: string;
  code: string;
  message: string;
}

interface BulkOperation extends BulkInput {
  operationId: string;
  tenantId: string;
  status: 'running' | 'completed';
  progress: BulkProgress;
  /** The first MAX_FAILURES_KEPT links that could not be changed, with why. */
  failures: BulkFailure[];
  /** The page the next job does, and where it starts. */
  nextSeq: number;
  cursor?: string;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
  /** Epoch seconds (the store's TTL). */
  expiresAt: number;
}

type BulkOperationView = Omit<BulkOperation, 'tenantId' | 'nextSeq' | 'cursor' | 'expiresAt'>;

interface PageCommit {
  seq: number;
  progress: BulkProgress;
  failures: BulkFailure[];
  cursor: string | undefined;
  at: string;
}

interface BulkOperationStore {
  create(operation: BulkOperation): Promise<void>;
  get(tenantId: string, operationId: string): Promise<BulkOperation | undefined>;
  /**
   * Adds a page's counts and moves the operation to the next page (completes it when `cursor` is
   * undefined), only while its next page is `seq`: answers false for a page already committed.
   */
  commitPage(tenantId: string, operationId: string, commit: PageCommit): Promise<boolean>;
}

interface BulkJobQueue {
  publish(jobs: readonly LinksBulkJob[]): Promise<void>;
}

interface BulkDeps extends SyncRequestDeps {
  /** Where a resumed link's `link.resumed` goes. */
  events: EventPublisher;
  fleet: Pick<FleetReader, 'listWhere'>;
  operations: BulkOperationStore;
  bulkQueue: BulkJobQueue;
  newOperationId(): string;
}

const toBulkView = ({
  tenantId: _t,
  nextSeq: _n,
  cursor: _c,
  expiresAt: _e,
  ...view
}: BulkOperation): BulkOperationView => view;

const jobFor = (operation: BulkOperation, seq: number, cursor?: string): LinksBulkJob => ({
  v: 1,
  kind: 'links-bulk',
  tenantId: operation.tenantId,
  operationId: operation.operationId,
  seq,
  ...(cursor ? { cursor } : {}),
});

/**
 * POST /links/bulk: records the operation and publishes its first page.
 *
 * @throws ValidationError `overwrite_required` when a resume does not say how to resume.
 */
const startBulkAction = async (
  deps: Pick<BulkDeps, 'operations' | 'bulkQueue' | 'clock' | 'newOperationId'>,
  tenantId: string,
  input: BulkInput
): Promise<BulkOperationView> => {
  if (input.action === 'resume' && input.overwrite === undefined) {
    throw new ValidationError(
      'A bulk resume must say how to resume: set "overwrite" to true (the Page’s values replace the direct WhatsApp edits) or false (the edited fields are opted out of sync).',
      undefined,
      'overwrite_required'
    );
  }
  if (input.action !== 'resume' && input.overwrite !== undefined) {
    throw new ValidationError(
      '"overwrite" applies to the resume action only.',
      undefined,
      'invalid_request'
    );
  }
  const now = deps.clock.now();
  const operation: BulkOperation = {
    ...input,
    operationId: deps.newOperationId(),
    tenantId,
    status: 'running',
    progress: { pages: 0, matched: 0, changed: 0, skipped: 0, failed: 0 },
    failures: [],
    nextSeq: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + BULK_RETENTION_DAYS * 86_400,
  };
  await deps.operations.create(operation);
  await deps.bulkQueue.publish([jobFor(operation, 0)]);
  return toBulkView(operation);
};

/**
 * GET /links/bulk/{operationId}.
 *
 * @throws NotFoundError `bulk_operation_not_found` (also for another tenant's operation).
 */
const getBulkAction = async (
  deps: Pick<BulkDeps, 'operations'>,
  tenantId: string,
  operationId: string
): Promise<BulkOperationView> => {
  const operation = await deps.operations.get(tenantId, operationId);
  if (!operation) {
    throw new NotFoundError(
      `No bulk operation ${operationId} in this tenant; operations are kept for ${BULK_RETENTION_DAYS} days.`,
      { operationId },
      'bulk_operation_not_found'
    );
  }
  return toBulkView(operation);
};

type LinkOutcome = { kind: 'changed' } | { kind: 'skipped' } | ({ kind: 'failed' } & BulkFailure);

/** Applies the action to one link; a refusal of that link is its outcome, not the page's failure. */
const applyTo = async (
  deps: BulkDeps,
  operation: BulkOperation,
  link: Link
): Promise<LinkOutcome> => {
  try {
    switch (operation.action) {
      case 'resume':
        if (link.status !== 'paused') return { kind: 'skipped' };
        // The page was read eventually consistent: the core reads the link again, strongly, and
        // writes under the version it read, so the check above is only a shortcut.
        await resumeSync(deps, link.tenantId, link.linkId, {
          overwrite: operation.overwrite ?? false,
        });
        return { kind: 'changed' };
      case 'enable_sync':
      case 'disable_sync': {
        const enabled = operation.action === 'enable_sync';
        if (link.sync.enabled === enabled) return { kind: 'skipped' };
        await updateSyncSettings(deps, link.tenantId, link.linkId, { sync: { enabled } });
        return { kind: 'changed' };
      }
    }
  } catch (error) {
    // Typed refusals (relink required, changed meanwhile, unlinked meanwhile) are this link's
    // outcome; anything else (the database, the queue) fails the page, which the queue retries.
    if (!(error instanceof TandemError) || error.retryable) throw error;
    // Resumed since the page was read (by the user, or by this page's earlier delivery).
    if (error.code === 'not_paused') return { kind: 'skipped' };
    return { kind: 'failed', linkId: link.linkId, code: error.code, message: error.message };
  }
};

type BulkPageResult =
  | { status: 'committed'; seq: number; done: boolean; progress: BulkProgress }
  | { status: 'already_done' | 'gone' | 'stale'; seq: number };

/** Links of one page changed at once: each is a read, a conditional write and maybe a send. */
const LINKS_IN_FLIGHT = 8;

/**
 * One page of a bulk operation.
 *
 * 1. Read the operation: a page already committed is not done again; a redelivery of the page just
 *    before the next re-publishes the continuation, in case it was lost.
 * 2. Read the next page of the filter from the operation's cursor and apply the action to each link.
 * 3. Commit the page's counts and cursor (conditioned on the page still being next), then publish
 *    the next page, or mark the operation completed after the last.
 */
const runBulkPage = async (
  deps: BulkDeps,
  job: LinksBulkJob,
  ctx: { receiveCount: number }
): Promise<BulkPageResult> => {
  const operation = await deps.operations.get(job.tenantId, job.operationId);
  if (!operation) return { status: 'gone', seq: job.seq };
  if (operation.status !== 'running') return { status: 'already_done', seq: job.seq };
  if (job.seq < operation.nextSeq) {
    if (job.seq === operation.nextSeq - 1 && ctx.receiveCount > 1) {
      await deps.bulkQueue.publish([jobFor(operation, operation.nextSeq, operation.cursor)]);
    }
    return { status: 'already_done', seq: job.seq };
  }
  if (job.seq > operation.nextSeq) return { status: 'stale', seq: job.seq };

  const page = await deps.fleet.listWhere(operation.tenantId, operation.filter, {
    limit: BULK_PAGE_SIZE,
    cursor: operation.cursor,
  });
  const outcomes: LinkOutcome[] = [];
  for (let start = 0; start < page.items.length; start += LINKS_IN_FLIGHT) {
    const batch = page.items.slice(start, start + LINKS_IN_FLIGHT);
    outcomes.push(...(await Promise.all(batch.map((link) => applyTo(deps, operation, link)))));
  }
  const failures = outcomes.filter(
    (outcome): outcome is { kind: 'failed' } & BulkFailure => outcome.kind === 'failed'
  );
  const progress: BulkProgress = {
    pages: 1,
    matched: outcomes.length,
    changed: outcomes.filter((outcome) => outcome.kind === 'changed').length,
    skipped: outcomes.filter((outcome) => outcome.kind === 'skipped').length,
    failed: failures.length,
  };
  const kept = failures
    .slice(0, Math.max(0, MAX_FAILURES_KEPT - operation.failures.length))
    .map(({ linkId, code, message }) => ({ linkId, code, message }));
  const committed = await deps.operations.commitPage(operation.tenantId, operation.operationId, {
    seq: job.seq,
    progress,
    failures: kept,
    cursor: page.nextCursor,
    at: deps.clock.now().toISOString(),
  });
  if (!committed) return { status: 'already_done', seq: job.seq };
  const done = page.nextCursor === undefined;
  if (!done) await deps.bulkQueue.publish([jobFor(operation, job.seq + 1, page.nextCursor)]);
  return { status: 'committed', seq: job.seq, done, progress };
};

export type {
  BulkAction,
  BulkDeps,
  BulkFailure,
  BulkInput,
  BulkJobQueue,
  BulkOperation,
  BulkOperationStore,
  BulkOperationView,
  BulkProgress,
  PageCommit as BulkPageCommit,
};
export {
  BULK_ACTIONS,
  BULK_PAGE_SIZE,
  getBulkAction,
  MAX_FAILURES_KEPT,
  runBulkPage,
  startBulkAction,
  toBulkView,
};
