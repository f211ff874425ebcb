import { ConflictError, TandemError, UpstreamError } from '../errors.js';
import { e164Digits } from '../linking/numbers.js';
import { openLink, openToken } from '../linking/open.js';
import { checkAdAccount, checkPageLinked, requireAdCreation, resolveDsa } from './checks.js';
import type { CreateAdInput } from './input.js';
import {
  type AdOperation,
  type AdOperationView,
  type CleanedUp,
  LEASE_SECONDS,
  type LeftBehind,
  nameTag,
  operationIdFor,
  requestHashOf,
  retentionFor,
  reviveError,
  storeError,
  tagged,
  toOperationView,
} from './operation.js';
import {
  type AdProgress,
  type AdStep,
  type AdTarget,
  accountPath,
  adParams,
  adSetParams,
  campaignParams,
  cleanupOrder,
  creativeParams,
  nextStep,
  PROGRESS_KEY,
} from './plan.js';
import type { AdObjectKind, AdsDeps } from './ports.js';
import { checkRegions } from './regions.js';

const sameNotes = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  (a ?? []).join('\n') === b.join('\n');

/** How a create call ended; retryable stops are thrown (RateLimitError, retryable UpstreamError). */
type CreateAdOutcome =
  | { kind: 'completed'; replayed: boolean; operation: AdOperationView }
  | { kind: 'failed'; replayed: boolean; operation: AdOperationView; error: TandemError };

interface CreateAdOptions {
  /**
   * Milliseconds this call may still run (the Lambda's remaining time). A step is only started with
   * enough left for one Graph call, so the call answers "retry" instead of being cut off mid-step.
   */
  remainingMs?: () => number;
}

/** One Graph call (10 s timeout) plus the progress write, with a margin. */
const STEP_BUDGET_MS = 12_000;
/** How soon a client should come back after a transient stop. */
const RESUME_AFTER_SECONDS = 2;

const STEP_KIND: Record<Exclude<AdStep, 'image'>, AdObjectKind> = {
  campaign: 'campaign',
  adSet: 'adSet',
  creative: 'creative',
  ad: 'ad',
};

/** Another call holds the operation: answer 409 with when to come back. */
const inProgress = (operation: AdOperation, now: Date): ConflictError => {
  const expiresAt = operation.lease ? Date.parse(operation.lease.expiresAt) : now.getTime();
  return conflictInProgress(
    operation.operationId,
    Math.max(1, Math.ceil((expiresAt - now.getTime()) / 1000))
  );
};

const conflictInProgress = (operationId: string, retryAfterSeconds: number): ConflictError =>
  new ConflictError(
    'Another request with this Idempotency-Key is creating this ad right now. Retry after the Retry-After delay to get its result.',
    { operationId, retryAfterSeconds },
    'operation_in_progress'
  );

const withoutLease = ({ lease: _lease, ...operation }: AdOperation): AdOperation => operation;

const required = (progress: AdProgress, key: keyof AdProgress): string => {
  const value = progress[key];
  // nextStep only reaches a step once the ones before it are recorded; this guards the invariant.
  if (value === undefined) throw new Error(`ad plan invariant broken: ${key} missing`);
  return value;
};

const outcomeOf = (operation: AdOperation, replayed: boolean): CreateAdOutcome => {
  const view = toOperationView(operation);
  if (operation.status === 'failed' && operation.lastError) {
    return { kind: 'failed', replayed, operation: view, error: reviveError(operation.lastError) };
  }
  return { kind: 'completed', replayed, operation: view };
};

/**
 * Claims the operation for this call: a new record, or a takeover of an unfinished one whose lease
 * is free. A finished one is answered for replay.
 */
const acquire = async (
  deps: AdsDeps,
  fresh: AdOperation,
  now: Date
): Promise<{ kind: 'held' | 'replay'; operation: AdOperation }> => {
  const created = await deps.operations.create(fresh);
  if (created.created) return { kind: 'held', operation: fresh };
  const existing = created.existing;
  if (existing.requestHash !== fresh.requestHash) {
    throw new ConflictError(
      'This Idempotency-Key was already used for a different request (another body or link). Use a new key for a new ad; reuse a key only to retry the exact same request.',
      { operationId: existing.operationId },
      'idempotency_key_reused'
    );
  }
  if (existing.status === 'completed' || existing.status === 'failed') {
    return { kind: 'replay', operation: existing };
  }
  const leaseLive =
    existing.status === 'in_progress' &&
    existing.lease !== undefined &&
    Date.parse(existing.lease.expiresAt) > now.getTime();
  if (leaseLive) throw inProgress(existing, now);
  const takeover: AdOperation = {
    ...existing,
    status: 'in_progress',
    ...(fresh.lease ? { lease: fresh.lease } : {}),
    attempts: existing.attempts + 1,
    updatedAt: now.toISOString(),
    expiresAt: retentionFor('in_progress', now),
    version: existing.version + 1,
  };
  if (await deps.operations.update(takeover, existing.version)) {
    return { kind: 'held', operation: takeover };
  }
  // Another retry took it over between our read and our write.
  throw conflictInProgress(existing.operationId, LEASE_SECONDS);
};

/**
 * Creates a Click-to-WhatsApp ad for a link, as one idempotent, resumable operation keyed by
 * (tenant, Idempotency-Key).
 *
 * Primary course:
 * 1. Claim the operation (or replay its stored outcome, or refuse a reused key / a concurrent call).
 * 2. Pre-checks: the link is the tenant's, the countries pass the regional rules and the policy, the
 *    grant has ads_management and pages_manage_ads, the Page is linked to the number on Meta's side,
 *    the ad account is ACTIVE, and an ad reaching the EU has its DSA beneficiary and payor. A failure
 *    here with nothing created releases the key and answers the 4xx.
 * 3. Steps image -> campaign -> ad set -> creative -> ad, with the progress saved after each. A resumed
 *    call first looks for an object tagged with this operation for the step it resumes at (the one
 *    an earlier call may have left created but unrecorded) and adopts it.
 * 4. A retryable error keeps the progress and is rethrown (a retry resumes); any other error deletes
 *    what was created, newest first, and records exactly what was cleaned up and what was left.
 *
 * @throws NotFoundError, PermissionError, ConflictError, ValidationError from the pre-checks;
 *   ConflictError `idempotency_key_reused` / `operation_in_progress`; RateLimitError or a retryable
 *   UpstreamError when Meta asks to come back later (progress kept).
 */
const createClickToWhatsAppAd = async (
  deps: AdsDeps,
  tenantId: string,
  linkId: string,
  key: string,
  input: CreateAdInput,
  options: CreateAdOptions = {}
): Promise<CreateAdOutcome> => {
  const now = deps.clock.now();
  const operationId = operationIdFor(tenantId, key);
  const account = accountPath(input.adAccountId);
  const fresh: AdOperation = {
    operationId,
    tenantId,
    linkId,
    idempotencyKey: key,
    requestHash: requestHashOf(linkId, input),
    status: 'in_progress',
    lease: {
      owner: deps.newLeaseOwner(),
      expiresAt: new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString(),
    },
    adAccountId: account,
    imageSource: 'hash' in input.creative.image ? 'given' : 'uploaded',
    adStatus: input.status,
    progress: {},
    attempts: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: retentionFor('in_progress', now),
    version: 1,
  };
  const acquired = await acquire(deps, fresh, now);
  if (acquired.kind === 'replay') return outcomeOf(acquired.operation, true);
  let held = acquired.operation;

  /** Writes the next version; losing the version means another call took the operation over. */
  const write = async (next: AdOperation): Promise<void> => {
    const at = deps.clock.now();
    const versioned: AdOperation = {
      ...next,
      updatedAt: at.toISOString(),
      expiresAt: retentionFor(next.status, at),
      version: held.version + 1,
    };
    if (!(await deps.operations.update(versioned, held.version))) throw inProgress(held, at);
    held = versioned;
  };

  /** Keeps the progress for a retry and lets the next call in at once. */
  const pause = async (error: TandemError | undefined): Promise<void> => {
    const { lastError: _last, ...rest } = withoutLease(held);
    await write({
      ...rest,
      status: 'incomplete',
      ...(error ? { lastError: storeError(error) } : {}),
    });
  };

  /** Deletes what this operation created, newest first, and records the exact outcome. */
  const fail = async (error: TandemError, token: string | undefined): Promise<CreateAdOutcome> => {
    const cleanedUp: CleanedUp[] = [];
    const leftBehind: LeftBehind[] = [];
    for (const { step, id } of cleanupOrder(held.progress)) {
      if (token === undefined) {
        leftBehind.push({ step, id, reason: 'Not deleted: the Facebook sign-in is unavailable.' });
        continue;
      }
      try {
        await deps.ads.delete(token, id);
        cleanedUp.push({ step, id });
      } catch (deleteError) {
        const why = deleteError instanceof Error ? deleteError.message : String(deleteError);
        leftBehind.push({ step, id, reason: `Delete failed: ${why}` });
      }
    }
    if (held.imageSource === 'uploaded' && held.progress.imageHash) {
      leftBehind.push({
        step: 'image',
        id: held.progress.imageHash,
        reason:
          'Kept on purpose: ad images are free, identified by their content and reused by later ads.',
      });
    }
    await write({
      ...withoutLease(held),
      status: 'failed',
      lastError: storeError(error),
      cleanedUp,
      leftBehind,
    });
    await deps.events.publish(tenantId, 'ad.failed', {
      linkId,
      operationId,
      code: error.code,
      message: error.message,
      cleanedUp: cleanedUp.length,
      leftBehind: leftBehind.length,
    });
    return outcomeOf(held, false);
  };

  /** Decides what an error means for the operation; returns an outcome or rethrows. */
  const settle = async (
    error: unknown,
    token: string | undefined,
    phase: 'checks' | 'steps'
  ): Promise<CreateAdOutcome> => {
    const nothingYet = Object.keys(held.progress).length === 0;
    if (phase === 'checks' && nothingYet) {
      // Refused before anything existed: forget the key, so the same request can be sent again once
      // the cause is fixed (re-linking, linking the Page on Meta's side...).
      await deps.operations.remove(operationId, held.version);
      throw error;
    }
    if (!(error instanceof TandemError)) {
      // Unknown (a store or code failure): keep everything for a retry, best effort.
      await pause(undefined).catch(() => undefined);
      throw error;
    }
    if (error instanceof ConflictError && error.code === 'operation_in_progress') throw error;
    if (error.retryable) {
      await pause(error);
      // Tell the caller what exists and when to retry with the same key to resume.
      if (error instanceof UpstreamError) {
        throw new UpstreamError(
          error.message,
          true,
          {
            ...error.details,
            operationId,
            created: held.progress,
            retryAfterSeconds: error.details?.retryAfterSeconds ?? RESUME_AFTER_SECONDS,
          },
          { cause: error }
        );
      }
      throw error;
    }
    return fail(error, token);
  };

  let token: string | undefined;
  let target: AdTarget;
  try {
    const { link, grant } = await openLink(deps, tenantId, linkId);
    const regions = checkRegions(input.targeting.countries, deps.countryPolicy);
    requireAdCreation(grant);
    token = await openToken(deps, grant);
    await checkPageLinked(deps, token, link);
    const info = await checkAdAccount(deps, token, account);
    const dsa = await resolveDsa(deps, token, account, input.dsa, info, regions.dsaCountries);
    if (held.currency !== info.currency || !sameNotes(held.notes, regions.notes)) {
      await write({
        ...held,
        currency: info.currency,
        ...(regions.notes.length > 0 ? { notes: regions.notes } : {}),
      });
    }
    target = {
      pageId: link.pageId,
      whatsappNumber: e164Digits(link.displayPhoneNumber),
      ...(dsa ? { dsa } : {}),
    };
  } catch (error) {
    return settle(error, token, 'checks');
  }

  const tag = nameTag(operationId);
  // Only the first step a resumed call runs can have an unknown outcome (an earlier call stopped
  // while Meta was creating it); every later step's outcome is known, so only that one looks first.
  let mayExist = held.attempts > 1;
  const adoptOrCreate = async (
    kind: AdObjectKind,
    params: { name: string } & Record<string, unknown>,
    parentId?: string
  ): Promise<string> => {
    const opened = token as string;
    const looked = mayExist;
    mayExist = false;
    const existing = looked
      ? await deps.ads.findByNameTag(opened, account, kind, tag, parentId)
      : undefined;
    if (existing) return existing;
    const { id } = await deps.ads.create(opened, account, kind, {
      ...params,
      name: tagged(params.name, tag),
    });
    return id;
  };

  const runStep = async (step: AdStep, progress: AdProgress): Promise<string> => {
    if (step === 'image') {
      // Content-addressed: uploading the same bytes again answers the same hash.
      mayExist = false;
      const image = input.creative.image;
      if ('hash' in image) return image.hash;
      return (await deps.ads.uploadImageFromUrl(token as string, account, image.url)).hash;
    }
    const kind = STEP_KIND[step];
    switch (step) {
      case 'campaign':
        return adoptOrCreate(kind, campaignParams(input));
      case 'adSet': {
        const campaignId = required(progress, 'campaignId');
        return adoptOrCreate(kind, adSetParams(input, target, campaignId), campaignId);
      }
      case 'creative':
        return adoptOrCreate(kind, creativeParams(input, target, required(progress, 'imageHash')));
      default: {
        const adSetId = required(progress, 'adSetId');
        return adoptOrCreate(
          kind,
          adParams(input, adSetId, required(progress, 'creativeId')),
          adSetId
        );
      }
    }
  };

  try {
    for (let step = nextStep(held.progress); step; step = nextStep(held.progress)) {
      if (options.remainingMs && options.remainingMs() < STEP_BUDGET_MS) {
        throw new UpstreamError(
          'Creating the ad is taking longer than one request may run; what exists so far is saved. Retry with the same Idempotency-Key to continue.',
          true,
          { operationId, created: held.progress, retryAfterSeconds: RESUME_AFTER_SECONDS }
        );
      }
      const id = await runStep(step, held.progress);
      await write({ ...held, progress: { ...held.progress, [PROGRESS_KEY[step]]: id } });
    }
    const { lastError: _last, ...done } = withoutLease(held);
    await write({ ...done, status: 'completed' });
  } catch (error) {
    return settle(error, token, 'steps');
  }
  const { campaignId, adSetId, creativeId, adId } = held.progress;
  await deps.events.publish(tenantId, 'ad.completed', {
    linkId,
    operationId,
    ...(campaignId ? { campaignId } : {}),
    ...(adSetId ? { adSetId } : {}),
    ...(creativeId ? { creativeId } : {}),
    ...(adId ? { adId } : {}),
    adStatus: held.adStatus,
  });
  return outcomeOf(held, false);
};

export type { CreateAdOptions, CreateAdOutcome };
export { createClickToWhatsAppAd, RESUME_AFTER_SECONDS, STEP_BUDGET_MS };
