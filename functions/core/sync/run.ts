import { NotFoundError, TandemError } from '../errors.js';
import type { SyncJob } from '../jobs.js';
import type { EventPublisher } from '../linking/events.js';
import { updateLinkWith } from '../linking/links.js';
import type { Link, Pause, SyncField } from '../linking/model.js';
import type { Clock, LinkRepository } from '../linking/ports.js';
import { mapPageToProfile, type ProfileFields } from './mapping.js';
import { planSync, type SyncPlan } from './plan.js';
import type {
  LinkObserver,
  ProfileWrite,
  ProfileWriter,
  SyncLease,
  SyncStateRepository,
  UsageMeter,
} from './ports.js';
import type { SyncRecord, SyncResult } from './state.js';
import { hasLanded, stillUnconfirmed, type UnconfirmedWrite } from './unconfirmed.js';

/**
 * The sync use case: one job, one link, Page -> WhatsApp. Idempotent (running a job twice writes
 * nothing the second time), serialised per link by a lease, and never lets an older Page snapshot
 * replace a newer one.
 */

interface SyncDeps {
  links: Pick<LinkRepository, 'get' | 'update'>;
  state: SyncStateRepository;
  observer: LinkObserver;
  writer: ProfileWriter;
  usage: UsageMeter;
  clock: Clock;
  /** Where link.paused, sync.applied and sync.failed go. */
  events: EventPublisher;
  /** A fresh lease owner id per run. */
  newLeaseOwner(): string;
  sleep(ms: number): Promise<void>;
  /** Longer than a worker invocation, so a lease outlives the run holding it. Default 60. */
  leaseSeconds?: number;
}

type SyncRun =
  | { outcome: 'applied'; changedFields: SyncField[] }
  | { outcome: 'noop' }
  | { outcome: 'paused'; reason: Pause['reason'] }
  /** Nothing to do: the link is gone, sync is off, or the link is paused. */
  | { outcome: 'skipped'; why: 'link_gone' | 'disabled' | 'paused' }
  /** A run that read the Page after this change already happened (or is happening). */
  | { outcome: 'stale' | 'coalesced' };

/**
 * Meta's webhook `time` is whole seconds, and clocks differ a little: a run counts as having seen a
 * change only if it read the Page at least this long after the change's time.
 */
const OBSERVATION_SKEW_MS = 2_000;
const DEFAULT_LEASE_SECONDS = 60;
/** From this share of a Meta quota on, runs slow down before Meta starts refusing calls. */
const SLOW_DOWN_PERCENT = 90;
const MAX_PACE_MS = 5_000;
/** How often, and how long apart, a run waits for another run of the same link to finish. */
const BUSY_WAIT_ATTEMPTS = 20;
const BUSY_WAIT_MS = 250;
/**
 * After a write Meta did not answer and a read that does not show it yet, the job comes back this
 * much later: long enough for a write Meta is still processing to land, so the retry sees it and
 * writes the newest Page values over it.
 */
const UNCONFIRMED_RECHECK_SECONDS = 30;

/** Another run still holds the link's lease after a wait, and started before this change. */
class SyncBusyError extends TandemError {
  readonly code = 'sync_in_progress';
  override readonly retryable = true;
  constructor(linkId: string, retryAfterSeconds: number) {
    super(`Another sync of link ${linkId} is running; this one will run after it.`, {
      linkId,
      retryAfterSeconds,
    });
  }
}

/**
 * Meta did not answer a profile write, and the profile read after it does not hold it yet: it may
 * still land. Retried later, when a late landing will be visible.
 */
class ProfileWriteUnconfirmedError extends TandemError {
  readonly code = 'profile_write_unconfirmed';
  override readonly retryable = true;
  constructor(linkId: string) {
    super(
      `Meta did not answer the WhatsApp profile write for link ${linkId}; the profile will be read again shortly and the newest Page values written.`,
      { linkId, retryAfterSeconds: UNCONFIRMED_RECHECK_SECONDS }
    );
  }
}

const covers = (readAt: string, observedAt: string): boolean =>
  Date.parse(observedAt) + OBSERVATION_SKEW_MS <= Date.parse(readAt);

/**
 * A link with writes Meta never answered is never skipped as covered by an earlier run: one of those
 * writes may have landed after that run, over newer values, and only a run that reads now sees it.
 */
const awaitsCheck = (record: SyncRecord | undefined): boolean =>
  (record?.unconfirmed?.length ?? 0) > 0;

/** 90% -> 0.5 s, 99% and above -> 5 s between runs, while Meta's usage stays high. */
const paceMs = (percent: number): number =>
  percent < SLOW_DOWN_PERCENT
    ? 0
    : Math.min(MAX_PACE_MS, (Math.floor(percent) - SLOW_DOWN_PERCENT + 1) * 500);

const isTokenError = (error: unknown): boolean =>
  error instanceof TandemError && error.code === 'meta_token_invalid';

const TOKEN_PAUSE_MESSAGE =
  'Meta no longer accepts the access Tandem was given (expired, revoked, or the password changed). Sign in again and re-link to resume sync.';

/**
 * Pauses the link with `pause`, unless it is paused already (the first reason stands), and publishes
 * `link.paused` when this call paused it. A concurrent update of the link (a PATCH in between) is
 * read again and retried under the shared retry policy: a pause must not be lost.
 */
const pauseLink = async (
  deps: Pick<SyncDeps, 'links' | 'clock' | 'sleep' | 'events'>,
  tenantId: string,
  linkId: string,
  pause: Pause,
  message: string
): Promise<void> => {
  const paused = await updateLinkWith(deps, tenantId, linkId, (link) =>
    link.status === 'paused'
      ? undefined
      : {
          ...link,
          status: 'paused',
          pause,
          updatedAt: deps.clock.now().toISOString(),
          version: link.version + 1,
        }
  );
  if (!paused) return;
  const fields = pause.details?.fields;
  await deps.events.publish(tenantId, 'link.paused', {
    linkId,
    reason: pause.reason,
    since: pause.since,
    fields: Array.isArray(fields) ? (fields as { field: string }[]) : [],
    message,
  });
};

const syncedFields = (link: Link): SyncField[] =>
  (Object.entries(link.sync.fields) as [SyncField, boolean][])
    .filter(([, on]) => on)
    .map(([field]) => field);

/**
 * Runs one sync job.
 *
 * Primary course:
 * 1. Skip when the link is gone, sync is off or the link is paused.
 * 2. Skip a job whose change an earlier run already read (`stale`), or that the run holding the
 *    link's lease will read (`coalesced`); if that run started before the change, retry shortly.
 * 3. Read both sides (slowing down first when Meta's usage is high); a rejected token pauses the
 *    link with `token_invalid`, a missing Page or number fails the job for good.
 * 4. Plan: a direct WhatsApp edit pauses the link with `local_override` and the differing fields
 *    (a value Tandem sent and never saw answered is its own, not an edit); otherwise write only
 *    what differs (and the picture only when its bytes changed), recording the write as unconfirmed
 *    before sending it. When Meta does not answer, read the profile again: if the write shows, it
 *    landed; if not, retry the job later (`profile_write_unconfirmed`), keeping the record, so a late
 *    landing is seen and overwritten with the newest Page values. The picture is a second write,
 *    after the text: its failure, or no answer to it, leaves the text written and the old picture
 *    as the baseline, and is reported on the link (`lastResult.picture`).
 * 5. Store the new baseline and observation time, conditioned on nothing newer having been stored,
 *    with the writes still unconfirmed.
 *
 * @throws RateLimitError / SyncBusyError / ProfileWriteUnconfirmedError / retryable UpstreamError:
 * retry later (the error says when);
 * NotFoundError / ValidationError / non-retryable UpstreamError: the job cannot succeed.
 */
const runSync = async (deps: SyncDeps, job: SyncJob): Promise<SyncRun> => {
  const link = await deps.links.get(job.tenantId, job.linkId);
  if (!link) return { outcome: 'skipped', why: 'link_gone' };
  if (!link.sync.enabled) return { outcome: 'skipped', why: 'disabled' };
  if (link.status === 'paused') return { outcome: 'skipped', why: 'paused' };

  const before = await deps.state.get(job.tenantId, job.linkId);
  if (
    before?.lastObservedAt &&
    covers(before.lastObservedAt, job.observedAt) &&
    !awaitsCheck(before)
  ) {
    return { outcome: 'stale' };
  }

  const leaseFrom = (now: Date): SyncLease => ({
    owner,
    acquiredAt: now.toISOString(),
    until: new Date(
      now.getTime() + (deps.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000
    ).toISOString(),
  });
  const owner = deps.newLeaseOwner();
  let lease = leaseFrom(deps.clock.now());
  // Runs of one link are short; waiting a moment for the one in progress costs less than sending
  // the job round the queue again (which also spends one of its attempts).
  let known: SyncRecord | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const taken = await deps.state.acquire(job.tenantId, job.linkId, lease, lease.acquiredAt);
    if (taken.acquired) {
      // What the store held when the lease was taken: a run that finished meanwhile is in it.
      known = taken.record;
      break;
    }
    if (covers(taken.lease.acquiredAt, job.observedAt) && !awaitsCheck(before)) {
      return { outcome: 'coalesced' };
    }
    if (attempt >= BUSY_WAIT_ATTEMPTS) {
      const waitSeconds = Math.ceil(
        (Date.parse(taken.lease.until) - Date.parse(lease.acquiredAt)) / 1000
      );
      throw new SyncBusyError(link.linkId, Math.max(1, Math.min(waitSeconds, 30)));
    }
    await deps.sleep(BUSY_WAIT_MS);
    const latest = await deps.state.get(job.tenantId, job.linkId);
    if (
      latest?.lastObservedAt &&
      covers(latest.lastObservedAt, job.observedAt) &&
      !awaitsCheck(latest)
    ) {
      return { outcome: 'stale' };
    }
    lease = leaseFrom(deps.clock.now());
  }
  const result = (outcome: SyncResult['outcome'], extra: Partial<SyncResult> = {}): SyncResult => ({
    at: deps.clock.now().toISOString(),
    outcome,
    trigger: job.trigger,
    changedFields: [],
    notes: [],
    ...extra,
  });
  let settled = false;
  const finish = async (outcome: SyncResult): Promise<void> => {
    await deps.state.finish(job.tenantId, job.linkId, outcome, lease.owner);
    settled = true;
  };

  /** Stores the new baseline (the Page as read at `readAt`) and the run's result; ends the lease. */
  const complete = async (run: {
    readAt: string;
    fields: ProfileFields;
    pictureSha256: string | undefined;
    writtenAt: string;
    syncAt: string;
    outcome: SyncResult;
    unconfirmed: UnconfirmedWrite[];
  }): Promise<void> => {
    const record: SyncRecord = {
      tenantId: link.tenantId,
      linkId: link.linkId,
      lastWritten: {
        fields: run.fields,
        ...(run.pictureSha256 ? { pictureSha256: run.pictureSha256 } : {}),
        pageObservedAt: run.readAt,
        writtenAt: run.writtenAt,
      },
      lastObservedAt: run.readAt,
      lastSyncAt: run.syncAt,
      lastResult: run.outcome,
      ...(run.unconfirmed.length > 0 ? { unconfirmed: run.unconfirmed } : {}),
    };
    await deps.state.complete(record, lease.owner);
    settled = true;
  };

  /** Meta rejected the token: retrying cannot help, only a re-link can. */
  const pauseForToken = async (since: string): Promise<SyncRun> => {
    await pauseLink(
      deps,
      link.tenantId,
      link.linkId,
      {
        reason: 'token_invalid',
        since,
        details: { message: TOKEN_PAUSE_MESSAGE, action: 'relink' },
      },
      TOKEN_PAUSE_MESSAGE
    );
    await finish(result('paused', { reason: TOKEN_PAUSE_MESSAGE }));
    return { outcome: 'paused', reason: 'token_invalid' };
  };

  try {
    const pace = paceMs(deps.usage.maxPercent());
    if (pace > 0) await deps.sleep(pace);

    // Read after taking the lease: every change before this instant is in what the run writes.
    const readAt = deps.clock.now().toISOString();
    const observation = await deps.observer.observe(link);
    if (observation.kind === 'token_invalid') return await pauseForToken(readAt);
    if (observation.kind === 'asset_gone') {
      const what =
        observation.which === 'page'
          ? `Page ${link.pageId}`
          : `WhatsApp number ${link.displayPhoneNumber}`;
      const reason = `${what} no longer exists or this account can no longer reach it; unlink it or link another.`;
      await finish(result('failed', { reason }));
      throw new NotFoundError(
        reason,
        { linkId: link.linkId, which: observation.which },
        'asset_gone'
      );
    }

    const fields = syncedFields(link);
    const unconfirmed = known?.unconfirmed ?? [];
    const plan: SyncPlan = planSync(
      { enabled: true, fields, paused: false, lastWritten: known?.lastWritten, unconfirmed },
      observation.page,
      readAt,
      observation.whatsapp
    );
    // A write WhatsApp is seen holding has landed and cannot land again; old ones are let go.
    const outstanding = stillUnconfirmed(unconfirmed, observation.whatsapp, deps.clock.now());
    switch (plan.kind) {
      case 'disabled':
      case 'paused':
        // Both ruled out above; kept for the type's sake.
        return { outcome: 'skipped', why: plan.kind };
      case 'stale':
        return { outcome: 'stale' };
      case 'pause': {
        const reason = `The WhatsApp profile was edited directly (${plan.diffs.map((diff) => diff.field).join(', ')}); sync is paused so those edits are not overwritten. Resume with POST /links/${link.linkId}/resume.`;
        await pauseLink(
          deps,
          link.tenantId,
          link.linkId,
          { reason: 'local_override', since: readAt, details: { fields: plan.diffs } },
          reason
        );
        await finish(result('paused', { reason }));
        return { outcome: 'paused', reason: 'local_override' };
      }
      case 'noop': {
        // Nothing to write, but WhatsApp now holds the Page's values: that is the new baseline, so a
        // later direct edit is recognised even on a link whose first sync wrote nothing.
        await complete({
          readAt,
          fields: mapPageToProfile(observation.page, fields).fields,
          pictureSha256: known?.lastWritten?.pictureSha256,
          writtenAt: known?.lastWritten?.writtenAt ?? readAt,
          syncAt: deps.clock.now().toISOString(),
          outcome: result('noop', { notes: plan.notes }),
          unconfirmed: outstanding,
        });
        return { outcome: 'noop' };
      }
      case 'update': {
        // Recorded before it is sent: if Meta never answers, or this run dies mid-call, its values
        // on WhatsApp are still known to be Tandem's.
        const sent: UnconfirmedWrite = {
          fields: plan.changes,
          sentAt: deps.clock.now().toISOString(),
        };
        const tracked = Object.keys(plan.changes).length > 0;
        if (tracked) {
          await deps.state.recordUnconfirmed(
            link.tenantId,
            link.linkId,
            [...outstanding, sent],
            lease.owner
          );
        }
        let written: ProfileWrite;
        try {
          written = await deps.writer.write(link, plan.changes, plan.picture);
        } catch (error) {
          // Meta answered, refusing the write: it will never land.
          if (tracked) {
            await deps.state
              .recordUnconfirmed(link.tenantId, link.linkId, outstanding, lease.owner)
              .catch(() => undefined);
          }
          if (!isTokenError(error)) throw error;
          return await pauseForToken(deps.clock.now().toISOString());
        }
        if (written.fields === 'unanswered') {
          // What WhatsApp holds is unknown: read it before this run ends.
          const after = await deps.observer.observe(link);
          const landed = after.kind === 'observed' && hasLanded(sent, after.whatsapp);
          if (!landed) throw new ProfileWriteUnconfirmedError(link.linkId);
        }
        // The text fields are written whatever became of the picture. A picture that failed, or
        // whose write Meta did not answer (WhatsApp serves its own copy, so no read can show it
        // landed), keeps the old one as the baseline, so the next sync of the link sends it again.
        const pictureApplied = written.picture?.outcome === 'applied';
        const changedFields: SyncField[] = [
          ...(Object.keys(plan.changes) as SyncField[]),
          ...(pictureApplied ? (['profilePicture'] as const) : []),
        ];
        const writtenAt = deps.clock.now().toISOString();
        await complete({
          readAt,
          fields: plan.baseline,
          pictureSha256: pictureApplied ? plan.picture?.sha256 : known?.lastWritten?.pictureSha256,
          writtenAt,
          syncAt: writtenAt,
          outcome: result('applied', {
            changedFields,
            notes: plan.notes,
            ...(written.picture ? { picture: written.picture } : {}),
          }),
          unconfirmed: outstanding,
        });
        await deps.events.publish(link.tenantId, 'sync.applied', {
          linkId: link.linkId,
          trigger: job.trigger,
          changedFields,
          at: writtenAt,
        });
        return { outcome: 'applied', changedFields };
      }
    }
  } catch (error) {
    // A failure that will not pass shows on the link; a retryable one shows once it gives up (DLQ).
    if (error instanceof TandemError && !error.retryable) {
      if (!settled)
        await finish(result('failed', { reason: error.message })).catch(() => undefined);
      await deps.events.publish(link.tenantId, 'sync.failed', {
        linkId: link.linkId,
        trigger: job.trigger,
        code: error.code,
        reason: error.message,
        at: deps.clock.now().toISOString(),
      });
    }
    throw error;
  } finally {
    if (!settled) await deps.state.release(job.tenantId, job.linkId, lease.owner);
  }
};

/**
 * A sync job the worker gave up on: it failed every attempt and is now a dead letter. The link's
 * tenant hears it as `sync.failed`, with the dead letter's code and reason; a failure that could
 * never pass was published by the run itself, on its only attempt.
 */
const reportSyncGaveUp = (
  deps: Pick<SyncDeps, 'events' | 'clock'>,
  job: SyncJob,
  failure: { code: string; reason: string }
): Promise<void> =>
  deps.events.publish(job.tenantId, 'sync.failed', {
    linkId: job.linkId,
    trigger: job.trigger,
    code: failure.code,
    reason: failure.reason,
    at: deps.clock.now().toISOString(),
  });

export type { SyncDeps, SyncRun };
export {
  OBSERVATION_SKEW_MS,
  ProfileWriteUnconfirmedError,
  paceMs,
  reportSyncGaveUp,
  runSync,
  SyncBusyError,
  UNCONFIRMED_RECHECK_SECONDS,
};
