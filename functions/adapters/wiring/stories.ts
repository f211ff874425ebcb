import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StoryQueue } from '../../core/stories/ports.js';
import * as z from '../../core/zod.js';
import { graphConfig, loadConfig } from '../config.js';
import { USER_AGENT } from '../graph/index.js';
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
  linkRepository,
  storyOperationStore,
  syncJobQueue,
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

/** Story media is read through the guarded fetch, with the same trusted origins as the Graph client. */
const storyFetch = () =>
  createGuardedFetch({
    trustedOrigins:
      loadConfig(z.pick(graphConfig, { TRUSTED_FETCH_ORIGINS: true })).TRUSTED_FETCH_ORIGINS ?? [],
    userAgent: USER_AGENT,
  });
const photoInspector = () => createPhotoInspector(storyFetch());
const videoInspector = () => createVideoInspector(storyFetch());

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
});

export {
  clock,
  grantRepository,
  linkRepository,
  metaGateway,
  photoInspector,
  storiesGateway,
  storyJobDeps,
  storyOperationStore,
  storyQueue,
  tokenVault,
  videoInspector,
};
