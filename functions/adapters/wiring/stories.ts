import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MediaStore, StoryQueue } from '../../core/stories/ports.js';
import { linkUploadRemoval } from '../../core/stories/uploads.js';
import * as z from '../../core/zod.js';
import { s3 } from '../aws/clients.js';
import { graphConfig, loadConfig, mediaStoreConfig } from '../config.js';
import { USER_AGENT } from '../graph/index.js';
import { createLocalMediaStore } from '../media/local-store.js';
import { createS3MediaStore } from '../media/s3-store.js';
import { createMetaGateway } from '../meta/meta-gateway.js';
import { createStoriesGateway } from '../meta/stories-gateway.js';
import { createGuardedFetch } from '../net/guarded-fetch.js';
import { createPhotoInspector } from '../net/photo-inspector.js';
import { createVideoInspector } from '../net/video-inspector.js';
import { eventPublisher } from './events.js';
import {
  clock,
  grantRepository,
  graphClient,
  ids,
  linkRepository,
  oauthSettings,
  publicBaseUrl,
  sessionRepository,
  storyOperationStore,
  syncJobQueue,
  tenantSettingsRepository,
  tokenVault,
} from './shared.js';

/**
 * Builders for the stories handlers' and job's dependencies, on the shared link, grant, vault and
 * Graph client, so stories open tokens and call Meta the way linking, sync and ads do.
 */

/** Story jobs go on the sync queue, as every job does. */
const storyQueue = (): StoryQueue => {
  const publisher = syncJobQueue();
  return {
    enqueue: (job, delaySeconds) =>
      publisher.publish([{ v: 1, kind: 'story', ...job }], delaySeconds),
  };
};

const storiesGateway = () => createStoriesGateway(graphClient());

/** Linking's gateway: consent reads the Page's Instagram account through it, as linking does. */
const metaGateway = () => createMetaGateway(graphClient());

/**
 * Story media is read through the guarded fetch, with the same trusted origins as the Graph client
 * (the sandbox, in the embedded default only), plus, for an upload's own URL only, the local media
 * store's origin: a caller's URL never gets that exception.
 */
const storyFetch = (extraOrigins: string[] = []) =>
  createGuardedFetch({
    trustedOrigins: [
      ...(loadConfig(z.pick(graphConfig, { TRUSTED_FETCH_ORIGINS: true })).TRUSTED_FETCH_ORIGINS ??
        []),
      ...extraOrigins,
    ],
    userAgent: USER_AGENT,
  });
const photoInspector = () => createPhotoInspector(storyFetch());
const videoInspector = () => createVideoInspector(storyFetch());

/** Where uploads are kept, by configuration: the S3 bucket, or the embedded default's store. */
const mediaStoreOf = (config: z.infer<typeof mediaStoreConfig>): MediaStore =>
  'MEDIA_BUCKET' in config
    ? createS3MediaStore(config.MEDIA_BUCKET, s3())
    : createLocalMediaStore(config.MEDIA_LOCAL_URL, Buffer.from(config.MEDIA_LOCAL_KEY, 'base64'));
const mediaStore = () => mediaStoreOf(loadConfig(mediaStoreConfig));

/** What a story request needs to read an upload: the store, and inspectors that may reach it. */
const storyUploads = () => {
  const config = loadConfig(mediaStoreConfig);
  const fetch = storyFetch(
    'MEDIA_LOCAL_URL' in config ? [new URL(config.MEDIA_LOCAL_URL).origin] : []
  );
  return {
    media: mediaStoreOf(config),
    inspectPhoto: createPhotoInspector(fetch),
    inspectVideo: createVideoInspector(fetch),
  };
};

/** The link's uploads, removed with it (unlink, Meta's deauthorize and data deletion). */
const storyUploadRemoval = () => linkUploadRemoval(mediaStore());

/** An upload's random part: 128 bits, hex. */
const newUploadHex = (): string => randomBytes(16).toString('hex');

/** Reading a link's story consent (GET /links/{linkId}/stories/consent): nothing at Meta. */
const consentReadDeps = () => ({ links: linkRepository(), grants: grantRepository() });

/**
 * Turning story consent on or off (PUT /links/{linkId}/stories/consent): the grant's permissions at
 * Meta, and a sign-in for the story permissions (`signIn`) when the grant lacks them.
 */
const consentDeps = () => ({
  consent: {
    links: linkRepository(),
    grants: grantRepository(),
    vault: tokenVault(),
    meta: metaGateway(),
    clock,
  },
  signIn: {
    sessions: sessionRepository(),
    settings: tenantSettingsRepository(),
    clock,
    ids,
    oauth: oauthSettings(),
    publicBaseUrl: publicBaseUrl(),
  },
});

/** Reading a link's stories (GET /links/{linkId}/stories and /stories/{operationId}). */
const storyReadDeps = () => ({ links: linkRepository(), operations: storyOperationStore() });

/** Requesting a story (POST /links/{linkId}/stories): checks its media, then queues the job. */
const storyRequestDeps = () => ({
  links: linkRepository(),
  grants: grantRepository(),
  operations: storyOperationStore(),
  queue: storyQueue(),
  inspectPhoto: photoInspector(),
  inspectVideo: videoInspector(),
  uploads: storyUploads(),
  clock,
});

/** Opening an upload (POST /links/{linkId}/stories/uploads): a signed PUT URL to the media store. */
const storyUploadDeps = () => ({
  links: linkRepository(),
  media: mediaStore(),
  clock,
  newUploadHex,
});

/** What the story job needs. */
const storyJobDeps = () => ({
  links: linkRepository(),
  grants: grantRepository(),
  vault: tokenVault(),
  stories: storiesGateway(),
  operations: storyOperationStore(),
  queue: storyQueue(),
  events: eventPublisher(),
  clock,
  newLeaseOwner: randomUUID,
  sleep: (ms: number) => sleep(ms),
  media: mediaStore(),
});

export {
  consentDeps,
  consentReadDeps,
  mediaStore,
  storyJobDeps,
  storyReadDeps,
  storyRequestDeps,
  storyUploadDeps,
  storyUploadRemoval,
};
