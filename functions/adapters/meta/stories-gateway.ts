import type { ContainerStatus, StoriesGateway } from '../../core/stories/ports.js';
import * as z from '../../core/zod.js';
import type { GraphClient } from '../graph/index.js';
import { graphId, listOf } from '../graph/schemas.js';
import { graphCalls } from './graph-calls.js';

/**
 * The stories use cases' gateway over the generic Graph client. Every call and parameter is one
 * Meta's codegen specs declare (Page.json, IGUser.json, ShadowIGMediaBuilder.json,
 * ContentPublishingLimitResponse.json, Stories.json) and docs/meta.md lists.
 */

/** How many of the Page's newest stories a resumed job reads to find one it may have made. */
const STORY_LOOKUP_LIMIT = 25;

const created = z.looseObject({ id: graphId });
const photoStory = z.looseObject({ post_id: graphId });
const videoStart = z.looseObject({ video_id: graphId, upload_url: z.url() });
const pageStories = listOf(
  z.looseObject({ media_id: z.optional(graphId), post_id: z.optional(graphId) })
);
const container = z.looseObject({
  status_code: z.enum(['EXPIRED', 'ERROR', 'FINISHED', 'IN_PROGRESS', 'PUBLISHED']),
});
const publishingLimit = listOf(
  z.looseObject({
    quota_usage: z.coerce.number(),
    config: z.looseObject({ quota_total: z.coerce.number(), quota_duration: z.coerce.number() }),
  })
);

/**
 * Creates the gateway.
 *
 * @example
 * const stories = createStoriesGateway(graphClient());
 */
const createStoriesGateway = (graph: () => Promise<GraphClient>): StoriesGateway => {
  const call = graphCalls(graph);
  const page = (id: string): string => encodeURIComponent(id);
  return {
    pageToken: (userToken, pageId) => call((client) => client.pageToken(userToken, pageId)),

    uploadUnpublishedPhoto: (pageToken, pageId, url) =>
      call(async (client) => {
        // An unpublished photo is not a post: uploading it again after a lost answer is harmless.
        const { data } = await client.post(
          pageToken,
          `${page(pageId)}/photos`,
          { url, published: false },
          created,
          { idempotent: true }
        );
        return data.id;
      }),

    publishPhotoStory: (pageToken, pageId, photoId) =>
      call(async (client) => {
        // Not retried by the client: a lost answer may mean the story is up (the job looks first).
        const { data } = await client.post(
          pageToken,
          `${page(pageId)}/photo_stories`,
          { photo_id: photoId },
          photoStory
        );
        return data.post_id;
      }),

    startVideoStory: (pageToken, pageId) =>
      call(async (client) => {
        // A started video is not a post: a lost answer leaves an unused draft, harmless to repeat.
        // upload_phase takes the values Page.json's enum declares (START, FINISH).
        const { data } = await client.post(
          pageToken,
          `${page(pageId)}/video_stories`,
          { upload_phase: 'START' },
          videoStart,
          { idempotent: true }
        );
        return { videoId: data.video_id, uploadUrl: data.upload_url };
      }),

    uploadHostedVideo: (pageToken, uploadUrl, fileUrl) =>
      call(async (client) => {
        const { data } = await client.uploadHostedVideo(pageToken, uploadUrl, fileUrl);
        if (!data) throw new Error('Meta’s upload host did not confirm the video upload');
      }),

    finishVideoStory: (pageToken, pageId, videoId) =>
      call(async (client) => {
        // Not retried by the client: a lost answer may mean the story is up (the job looks first).
        const { data } = await client.post(
          pageToken,
          `${page(pageId)}/video_stories`,
          { upload_phase: 'FINISH', video_id: videoId },
          photoStory
        );
        return data.post_id;
      }),

    findPageStory: (pageToken, pageId, mediaId) =>
      call(async (client) => {
        const { data } = await client.get(
          pageToken,
          `${page(pageId)}/stories`,
          { fields: 'media_id,post_id', limit: STORY_LOOKUP_LIMIT },
          pageStories
        );
        return data.data.find((story) => story.media_id === mediaId)?.post_id;
      }),

    createStoryContainer: (userToken, igUserId, media) =>
      call(async (client) => {
        // A container is not a post; a duplicate left by a lost answer expires unpublished in 24 h.
        const { data } = await client.post(
          userToken,
          `${page(igUserId)}/media`,
          {
            ...(media.type === 'video' ? { video_url: media.url } : { image_url: media.url }),
            media_type: 'STORIES',
          },
          created,
          { idempotent: true }
        );
        return data.id;
      }),

    containerStatus: (userToken, containerId) =>
      call(async (client) => {
        const { data } = await client.get(
          userToken,
          page(containerId),
          { fields: 'status_code' },
          container
        );
        return data.status_code satisfies ContainerStatus;
      }),

    publishingLimit: (userToken, igUserId) =>
      call(async (client) => {
        const { data } = await client.get(
          userToken,
          `${page(igUserId)}/content_publishing_limit`,
          { fields: 'quota_usage,config' },
          publishingLimit
        );
        const row = data.data[0];
        if (!row) throw new Error('content_publishing_limit answered no row');
        return {
          usage: row.quota_usage,
          total: row.config.quota_total,
          windowSeconds: row.config.quota_duration,
        };
      }),

    publishContainer: (userToken, igUserId, containerId) =>
      call(async (client) => {
        const { data } = await client.post(
          userToken,
          `${page(igUserId)}/media_publish`,
          { creation_id: containerId },
          created
        );
        return data.id;
      }),
  };
};

export { createStoriesGateway };
