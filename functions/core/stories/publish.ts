import { canonicalJson } from '../ads/operation.js';
import {
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  retryAfterOf,
  TandemError,
  UpstreamError,
  ValidationError,
} from '../errors.js';
import type { Link } from '../linking/model.js';
import { openLink, openToken } from '../linking/open.js';
import * as z from '../zod.js';
import { missingFor } from './consent.js';
import {
  type FetchableMedia,
  isFinal,
  LEASE_SECONDS,
  photoProblem,
  retentionFor,
  STORY_OPERATION_ID,
  STORY_TARGETS,
  type StoryMedia,
  type StoryOperation,
  type StoryOperationView,
  type StoryTarget,
  sha256,
  statusOf,
  storyOperationIdFor,
  type TargetProgress,
  toStoryView,
  videoProblem,
  WHATSAPP_STATUS_NOT_OFFERED,
} from './model.js';
import type { MediaStore, PhotoInspector, StoriesDeps, VideoInspector } from './ports.js';
import { fetchableMedia, openUpload, uploadIdSchema } from './uploads.js';

/**
 * Publishing one story to a link's Facebook Page and Instagram account: the request (checked, stored
 * under its Idempotency-Key, queued) and the job that publishes each target, resumably.
 */

/**
 * An absolute URL. Only https is fetched (the guarded fetch refuses the rest with a clear 400); the
 * embedded default's own sandbox, on http loopback, is the one trusted exception.
 */
const mediaUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(2048));

/**
 * The request body: the media by URL or by an upload (POST .../stories/uploads), exactly one.
 * `whatsapp_status` is accepted only to be refused with the reason.
 */
const storyInput = z.object({
  media: z
    .object({
      type: z.enum(['photo', 'video']),
      url: z.optional(mediaUrl),
      uploadId: z.optional(uploadIdSchema),
    })
    .check(
      z.refine((media) => (media.url === undefined) !== (media.uploadId === undefined), {
        message: 'must name exactly one of url and uploadId',
      })
    ),
  targets: z.array(z.enum([...STORY_TARGETS, 'whatsapp_status'])).check(
    z.minLength(1),
    z.maxLength(3),
    z.refine((targets) => new Set(targets).size === targets.length, {
      message: 'must not name a target twice',
    })
  ),
});
type StoryInput = z.infer<typeof storyInput>;

const consentOffError = (linkId: string, targets: StoryTarget[]): PermissionError =>
  new PermissionError(
    `Story cross-posting is off for ${targets.join(' and ')} on this link. Turn it on with PUT /links/${linkId}/stories/consent first.`,
    { linkId, targets },
    'story_consent_off'
  );

/** Refusals that need no Meta call: WhatsApp Status, consent, permissions, the Instagram account. */
const precheck = (link: Link, scopes: readonly string[], input: StoryInput): StoryTarget[] => {
  if (input.targets.includes('whatsapp_status')) {
    throw new ValidationError(
      WHATSAPP_STATUS_NOT_OFFERED,
      { target: 'whatsapp_status' },
      'whatsapp_status_not_offered'
    );
  }
  const targets = input.targets as StoryTarget[];
  const consent = link.stories?.targets;
  const off = targets.filter((target) => !consent?.[target]);
  if (off.length > 0) throw consentOffError(link.linkId, off);
  const wanted = {
    facebook: targets.includes('facebook'),
    instagram: targets.includes('instagram'),
  };
  const missing = missingFor(wanted, scopes);
  if (missing.length > 0) {
    throw new PermissionError(
      `The Facebook sign-in behind this link has not granted ${missing.join(', ')}. Turn the consent on again (PUT /links/${link.linkId}/stories/consent) and complete the sign-in it answers.`,
      { linkId: link.linkId, missing },
      'story_permissions_missing'
    );
  }
  if (wanted.instagram && !link.instagramAccountId) {
    throw new ConflictError(
      'The Page has no Instagram professional account on record. Turn Instagram consent on again to read it.',
      { linkId: link.linkId },
      'instagram_account_missing'
    );
  }
  return targets;
};

/** The inspectors of a photo and of a video, each through a guarded fetch. */
interface Inspectors {
  inspectPhoto: PhotoInspector;
  inspectVideo: VideoInspector;
}

/** Each target's documented formats and limits, before anything is stored or sent to Meta. */
const checkMedia = async (
  inspect: Inspectors,
  media: FetchableMedia,
  targets: StoryTarget[]
): Promise<void> => {
  const problemFor =
    media.type === 'photo'
      ? await inspect
          .inspectPhoto(media.url)
          .then((photo) => (target: StoryTarget) => photoProblem(target, photo))
      : await inspect
          .inspectVideo(media.url)
          .then((video) => (target: StoryTarget) => videoProblem(target, video));
  for (const target of targets) {
    const problem = problemFor(target);
    if (problem) {
      throw new ValidationError(
        `The story ${media.type} cannot be used: ${problem}.`,
        { target },
        'media_unusable'
      );
    }
  }
};

/**
 * POST /links/{id}/stories: checks the request, stores the operation under its key and queues the
 * job. The same key and body answers the stored operation (and queues it again if it is unfinished,
 * in case the first enqueue was lost); another body with the key is a 409.
 */
const requestStory = async (
  deps: Pick<StoriesDeps, 'links' | 'grants' | 'operations' | 'queue' | 'clock'> &
    Inspectors & {
      /**
       * Uploads are read from Tandem's own store, through inspectors that may reach it (in the
       * embedded default a loopback origin no caller's URL may name).
       */
      uploads: Inspectors & { media: Pick<MediaStore, 'head' | 'presignGet'> };
    },
  tenantId: string,
  linkId: string,
  key: string,
  input: StoryInput
): Promise<{ replayed: boolean; operation: StoryOperationView }> => {
  const { link, grant } = await openLink(deps, tenantId, linkId);
  const targets = precheck(link, grant.scopes, input);
  const operationId = storyOperationIdFor(tenantId, key);
  const { type, url, uploadId } = input.media;
  const media: StoryMedia = uploadId ? { type, uploadId } : { type, url: url as string };
  // A replay is answered from the record, without reading the media again.
  if (!(await deps.operations.get(operationId))) {
    if ('url' in media) await checkMedia(deps, media, targets);
    else {
      const { uploads } = deps;
      const stored = await openUpload(
        { media: uploads.media, clock: deps.clock },
        tenantId,
        linkId,
        media
      );
      await checkMedia(uploads, stored, targets);
    }
  }
  const now = deps.clock.now();
  const operation: StoryOperation = {
    operationId,
    tenantId,
    linkId,
    idempotencyKey: key,
    requestHash: sha256(canonicalJson({ linkId, input })),
    media,
    targets: Object.fromEntries(targets.map((target) => [target, { status: 'pending' }])),
    status: 'queued',
    attempts: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: retentionFor('queued', now),
    version: 1,
  };
  const created = await deps.operations.create(operation);
  const stored = created.created ? operation : created.existing;
  if (!created.created && stored.requestHash !== operation.requestHash) {
    throw new ConflictError(
      'This Idempotency-Key was already used for a different story. Use a new key for a new story; reuse a key only to retry the same request.',
      { operationId: stored.operationId },
      'idempotency_key_reused'
    );
  }
  if (stored.status === 'queued' || stored.status === 'in_progress') {
    await deps.queue.enqueue({ tenantId, linkId, operationId: stored.operationId });
  }
  return { replayed: !created.created, operation: toStoryView(stored) };
};

/** A reference is an operation id or the Idempotency-Key that made it. */
const operationRef = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be an operation id (stop_...) or an Idempotency-Key')
  );

const getStory = async (
  deps: Pick<StoriesDeps, 'links' | 'operations'>,
  tenantId: string,
  linkId: string,
  ref: string
): Promise<StoryOperationView> => {
  const link = await deps.links.get(tenantId, linkId);
  const id = STORY_OPERATION_ID.test(ref) ? ref : storyOperationIdFor(tenantId, ref);
  const operation = link ? await deps.operations.get(id) : undefined;
  if (!operation || operation.tenantId !== tenantId || operation.linkId !== linkId) {
    throw new NotFoundError(
      `No story ${ref} on link ${linkId}.`,
      { linkId, operationId: ref },
      'story_not_found'
    );
  }
  return toStoryView(operation);
};

const listStories = async (
  deps: Pick<StoriesDeps, 'links' | 'operations'>,
  tenantId: string,
  linkId: string,
  page: { limit: number; cursor?: string }
): Promise<{ items: StoryOperationView[]; nextCursor?: string }> => {
  const link = await deps.links.get(tenantId, linkId);
  if (!link) {
    throw new NotFoundError(`No link ${linkId} in this tenant.`, { linkId }, 'link_not_found');
  }
  const found = await deps.operations.listForLink(tenantId, linkId, page);
  return {
    items: found.items.map(toStoryView),
    ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
  };
};

/** How often, and how long between, a job reads a container that Meta is still processing. */
const CONTAINER_POLLS = 4;
const CONTAINER_POLL_MS = 1_500;
/** When a container is still processing after the polls, the next job comes back this much later. */
const CONTAINER_RETRY_SECONDS = 10;
/** How soon a job comes back after a transient failure. */
const RESUME_AFTER_SECONDS = 2;
/** The longest one job waits before looking at the quota again (SQS's longest delay). */
const QUOTA_RECHECK_SECONDS = 900;
/** A story still over quota after a day gives up: a story is a 24-hour thing. */
const QUOTA_GIVE_UP_MS = 86_400_000;

interface StoryJobInput {
  tenantId: string;
  linkId: string;
  operationId: string;
}

type JobOutcome =
  | { kind: 'gone' | 'final' }
  | { kind: 'ran'; status: StoryOperation['status']; waitingSeconds?: number };

const failedWith = (error: TandemError): TargetProgress['error'] => ({
  code: error.code,
  message: error.message,
});

/**
 * The story job: publishes each pending target, saving progress after every Meta write so a crash
 * or a retry resumes where it stopped and never posts twice.
 *
 * - Facebook: upload the photo unpublished -> `photo_stories`. A resumed job that has the photo but
 *   not the story first looks for a story of the Page made from that photo (the write may have
 *   happened before the crash) and adopts it.
 * - Instagram: create the STORIES container -> read its status_code until FINISHED (bounded; later
 *   jobs continue) -> read the publishing quota -> `media_publish`. A container already PUBLISHED
 *   was published by an earlier attempt: recorded as published, never published again.
 * - Over Instagram's quota the target waits: a delayed job comes back, up to a day.
 * - A target whose consent was turned off is cancelled, not posted. One target failing never stops
 *   the other; a retryable failure is thrown after both ran, for the queue to retry.
 */
const runStoryJob = async (deps: StoriesDeps, job: StoryJobInput): Promise<JobOutcome> => {
  const first = await deps.operations.get(job.operationId);
  if (!first || first.tenantId !== job.tenantId) return { kind: 'gone' };
  if (!(first.status === 'queued' || first.status === 'in_progress')) return { kind: 'final' };
  const now = deps.clock.now();
  if (first.lease && Date.parse(first.lease.expiresAt) > now.getTime()) {
    // Another delivery of the job is running it: come back when its lease ends.
    throw new RateLimitError(
      'Another job is publishing this story.',
      Math.ceil((Date.parse(first.lease.expiresAt) - now.getTime()) / 1000)
    );
  }
  let held: StoryOperation = {
    ...first,
    status: 'in_progress',
    lease: {
      owner: deps.newLeaseOwner(),
      expiresAt: new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString(),
    },
    attempts: first.attempts + 1,
    version: first.version + 1,
  };
  if (!(await deps.operations.update(held, first.version))) {
    throw new RateLimitError('Another job took this story over.', LEASE_SECONDS);
  }

  const save = async (target: StoryTarget, progress: TargetProgress): Promise<void> => {
    const at = deps.clock.now();
    const targets = { ...held.targets, [target]: progress };
    const next: StoryOperation = {
      ...held,
      targets,
      updatedAt: at.toISOString(),
      version: held.version + 1,
    };
    if (!(await deps.operations.update(next, held.version))) {
      throw new RateLimitError('Another job took this story over.', LEASE_SECONDS);
    }
    held = next;
  };

  const link = await deps.links.get(job.tenantId, job.linkId);
  if (!link) {
    for (const target of STORY_TARGETS) {
      const progress = held.targets[target];
      if (progress && !isFinal(progress.status)) {
        await save(target, {
          ...progress,
          status: 'cancelled',
          error: {
            code: 'link_not_found',
            message: 'The link was removed before the story was posted.',
          },
        });
      }
    }
    return finish(
      deps,
      () => held,
      (next) => (held = next)
    );
  }

  // An upload's URL is signed afresh by every job, so Meta never gets one that is about to expire.
  const media = await fetchableMedia(deps.media, held.tenantId, held.linkId, held.media);
  let userToken: string | undefined;
  const token = async (): Promise<string> => {
    if (userToken) return userToken;
    const { grant } = await openLink(deps, job.tenantId, job.linkId);
    userToken = await openToken(deps, grant);
    return userToken;
  };
  const resumed = held.attempts > 1;

  /**
   * A Facebook video story: start (the video id and its upload URL, saved) -> Meta's upload host
   * fetches the file from its URL (saved as done) -> finish. A resumed job that uploaded first
   * looks for a story of the Page made from that video, as the photo path does.
   */
  const facebookVideo = async (pageToken: string, progress: TargetProgress): Promise<void> => {
    let current = progress;
    if (!current.videoId || !current.uploadUrl) {
      const started = await deps.stories.startVideoStory(pageToken, link.pageId);
      current = { ...current, videoId: started.videoId, uploadUrl: started.uploadUrl };
      await save('facebook', current);
    }
    const videoId = current.videoId as string;
    if (!current.videoUploaded) {
      await deps.stories.uploadHostedVideo(pageToken, current.uploadUrl as string, media.url);
      current = { ...current, videoUploaded: true };
      await save('facebook', current);
    } else if (resumed) {
      const existing = await deps.stories.findPageStory(pageToken, link.pageId, videoId);
      if (existing) {
        await save('facebook', published(current, existing));
        return;
      }
    }
    const postId = await deps.stories.finishVideoStory(pageToken, link.pageId, videoId);
    await save('facebook', published(current, postId));
  };

  const facebook = async (progress: TargetProgress): Promise<void> => {
    const pageToken = await deps.stories.pageToken(await token(), link.pageId);
    if (held.media.type === 'video') {
      await facebookVideo(pageToken, progress);
      return;
    }
    let { photoId } = progress;
    if (!photoId) {
      photoId = await deps.stories.uploadUnpublishedPhoto(pageToken, link.pageId, media.url);
      await save('facebook', { ...progress, photoId });
    } else if (resumed) {
      const existing = await deps.stories.findPageStory(pageToken, link.pageId, photoId);
      if (existing) {
        await save('facebook', published({ ...progress, photoId }, existing));
        return;
      }
    }
    const postId = await deps.stories.publishPhotoStory(pageToken, link.pageId, photoId);
    await save('facebook', published({ ...progress, photoId }, postId));
  };

  const published = (progress: TargetProgress, id: string | undefined): TargetProgress => {
    const { error: _e, resumeAt: _r, ...rest } = progress;
    return {
      ...rest,
      status: 'published',
      ...(id ? { publishedId: id } : {}),
      publishedAt: deps.clock.now().toISOString(),
    };
  };

  let waitingSeconds: number | undefined;
  const instagram = async (progress: TargetProgress): Promise<void> => {
    const igUserId = link.instagramAccountId;
    if (!igUserId) {
      throw new ValidationError(
        'The Page no longer has an Instagram professional account on record.',
        undefined,
        'instagram_account_missing'
      );
    }
    const userTokenValue = await token();
    let current = progress;
    if (!current.containerId) {
      const containerId = await deps.stories.createStoryContainer(userTokenValue, igUserId, media);
      current = { ...current, containerId };
      await save('instagram', current);
    }
    const containerId = current.containerId as string;
    let status = await deps.stories.containerStatus(userTokenValue, containerId);
    for (let poll = 1; status === 'IN_PROGRESS' && poll < CONTAINER_POLLS; poll += 1) {
      await deps.sleep(CONTAINER_POLL_MS);
      status = await deps.stories.containerStatus(userTokenValue, containerId);
    }
    if (status === 'PUBLISHED') {
      // An earlier attempt published it and stopped before recording the id.
      await save('instagram', published(current, undefined));
      return;
    }
    if (status === 'EXPIRED') {
      // Containers live 24 hours; an unpublished one expired, so a new one is made next time.
      const { containerId: _gone, ...rest } = current;
      await save('instagram', rest);
      throw new RateLimitError(
        'The Instagram container expired before it was published; a new one will be made.',
        1
      );
    }
    if (status === 'ERROR') {
      throw new ValidationError(
        `Instagram could not process the story ${held.media.type} (its container reports ERROR).`,
        { containerId },
        'media_unusable'
      );
    }
    if (status === 'IN_PROGRESS') {
      throw new RateLimitError(
        `Instagram is still processing the story ${held.media.type}.`,
        CONTAINER_RETRY_SECONDS
      );
    }
    const limit = await deps.stories.publishingLimit(userTokenValue, igUserId);
    if (limit.usage >= limit.total) {
      const since = Date.parse(held.createdAt);
      if (deps.clock.now().getTime() - since > QUOTA_GIVE_UP_MS) {
        throw new ValidationError(
          `The Instagram account stayed at its publishing limit (${limit.total} per ${limit.windowSeconds} seconds) for a day; the story was not posted.`,
          { usage: limit.usage, total: limit.total },
          'instagram_quota_exhausted'
        );
      }
      waitingSeconds = Math.min(QUOTA_RECHECK_SECONDS, limit.windowSeconds);
      await save('instagram', {
        ...current,
        status: 'waiting_quota',
        resumeAt: new Date(deps.clock.now().getTime() + waitingSeconds * 1000).toISOString(),
      });
      return;
    }
    const mediaId = await deps.stories.publishContainer(userTokenValue, igUserId, containerId);
    await save('instagram', published(current, mediaId));
  };

  let retry: TandemError | undefined;
  for (const target of STORY_TARGETS) {
    const progress = held.targets[target];
    if (!progress || isFinal(progress.status)) continue;
    if (!link.stories?.targets[target]) {
      await save(target, {
        ...progress,
        status: 'cancelled',
        error: {
          code: 'consent_withdrawn',
          message: `Story consent for ${target} was turned off before the story was posted.`,
        },
      });
      continue;
    }
    try {
      await (target === 'facebook' ? facebook : instagram)(progress);
      const after = held.targets[target];
      if (after?.status === 'published') {
        await deps.events.publish(held.tenantId, 'story.published', {
          linkId: held.linkId,
          operationId: held.operationId,
          target,
          ...(after.publishedId ? { publishedId: after.publishedId } : {}),
          publishedAt: after.publishedAt ?? deps.clock.now().toISOString(),
        });
      }
    } catch (error) {
      if (!(error instanceof TandemError)) throw error;
      const latest = held.targets[target] ?? progress;
      if (error.retryable) {
        retry ??= error;
        continue;
      }
      const failure = failedWith(error);
      await save(target, { ...latest, status: 'failed', error: failure });
      await deps.events.publish(held.tenantId, 'story.failed', {
        linkId: held.linkId,
        operationId: held.operationId,
        target,
        code: error.code,
        message: error.message,
      });
    }
  }
  if (waitingSeconds !== undefined) {
    await deps.queue.enqueue(job, waitingSeconds);
  }
  const outcome = await finish(
    deps,
    () => held,
    (next) => (held = next)
  );
  if (retry) {
    // Come back soon: what is done is saved, and the next job resumes at the step that stopped.
    if (retryAfterOf(retry) !== undefined) throw retry;
    throw new UpstreamError(
      retry.message,
      true,
      { ...retry.details, retryAfterSeconds: RESUME_AFTER_SECONDS },
      { cause: retry }
    );
  }
  return waitingSeconds !== undefined && outcome.kind === 'ran'
    ? { ...outcome, waitingSeconds }
    : outcome;
};

/** Writes the operation's status from its targets' and lets the next job in. */
const finish = async (
  deps: Pick<StoriesDeps, 'operations' | 'clock'>,
  current: () => StoryOperation,
  replace: (next: StoryOperation) => void
): Promise<JobOutcome> => {
  const held = current();
  const at = deps.clock.now();
  const { lease: _lease, ...rest } = held;
  const status = statusOf(held.targets, true);
  const next: StoryOperation = {
    ...rest,
    status,
    updatedAt: at.toISOString(),
    expiresAt: retentionFor(status, at),
    version: held.version + 1,
  };
  if (!(await deps.operations.update(next, held.version))) {
    throw new RateLimitError('Another job took this story over.', LEASE_SECONDS);
  }
  replace(next);
  return { kind: 'ran', status };
};

export type { JobOutcome, StoryInput, StoryJobInput };
export { getStory, listStories, operationRef, requestStory, runStoryJob, storyInput };
