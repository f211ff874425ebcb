import { hasPermission } from '../auth.js';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { GraphError, invalidParameter, missingPermission, unsupportedGet } from '../graph-error.js';
import { type VideoFacts, videoFacts } from '../mp4.js';
import type { IgContainer, IgUser, Page } from '../store.js';
import { stringParam } from './common.js';

/**
 * Facebook Page stories and Instagram story publishing, as Meta's codegen specs declare the edges
 * (Page.json photos / photo_stories / stories; IGUser.json media / media_publish /
 * content_publishing_limit; ShadowIGMediaBuilder.json status_code) and Meta's docs describe the
 * rules and refusals, each cited where it is enforced.
 */

const PAGE_STORIES = 'https://developers.facebook.com/docs/page-stories-api';
const IG_ERRORS =
  'https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/error-codes';
/** Containers not published within 24 hours expire (Meta's content publishing guide). */
const CONTAINER_LIFETIME_MS = 86_400_000;

/**
 * The Page's own token, of a user who granted pages_manage_posts: the Page stories API's
 * requirements (PAGE_STORIES: "Page access token", CREATE_CONTENT task, pages_manage_posts).
 */
const storyPage = (ctx: GraphCtx): Page => {
  const id = ctx.params.id ?? '';
  const page = ctx.store.pages.get(id);
  const caller = ctx.caller;
  if (!page) throw unsupportedGet(id, ctx.req.method.toLowerCase());
  if (caller?.kind !== 'PAGE' || caller.pageId !== id) {
    throw new GraphError({
      message: '(#210) This call requires a Page access token.',
      type: 'OAuthException',
      code: 210,
    });
  }
  if (!hasPermission(ctx, 'pages_manage_posts')) throw missingPermission('pages_manage_posts');
  ctx.charge('pages', page.id);
  return page;
};

/** POST /{page-id}/photos: an unpublished photo (published=false) is what a story is made from. */
const uploadPhoto = (ctx: GraphCtx): GraphResult => {
  const page = storyPage(ctx);
  const url = stringParam(ctx, 'url');
  if (!url) throw invalidParameter('(#324) Requires upload file');
  const published = String(ctx.req.params.published ?? 'true') !== 'false';
  const id = ctx.store.newId('7');
  ctx.store.pagePhotos.set(id, {
    id,
    pageId: page.id,
    url,
    published,
    createdAt: Date.now(),
  });
  return { json: { id } };
};

/**
 * POST /{page-id}/photo_stories: media used in an earlier post (a published photo, or one already
 * made into a story) is refused (PAGE_STORIES, Limitations).
 */
const photoStory = (ctx: GraphCtx): GraphResult => {
  const page = storyPage(ctx);
  const photoId = stringParam(ctx, 'photo_id') ?? '';
  const photo = ctx.store.pagePhotos.get(photoId);
  if (!photo || photo.pageId !== page.id) {
    throw invalidParameter(`(#100) Invalid photo_id ${photoId}`);
  }
  if (photo.published || photo.storyPostId) {
    throw invalidParameter(
      '(#100) This photo was already used in a post. Upload the media again, unpublished, to make a story.',
      { error_user_title: 'Media already used', error_user_msg: `See ${PAGE_STORIES}` }
    );
  }
  photo.storyPostId = `${page.id}_${ctx.store.newId('7')}`;
  return { json: { success: true, post_id: photo.storyPostId } };
};

/** Downloads a video as Meta's servers would (they fetch the URL themselves) and reads its head. */
const loadVideo = async (url: string): Promise<VideoFacts | undefined> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'manual' });
    if (response.status !== 200) return undefined;
    return videoFacts(Buffer.from(await response.arrayBuffer()));
  } catch {
    return undefined;
  }
};

/**
 * Why Facebook refuses a story video, from PAGE_STORIES' video specifications and limitations:
 * .mp4, 9:16, at least 540 x 960, 3 to 60 seconds ("Video stories can not exceed 60 seconds").
 */
const facebookVideoProblem = (video: VideoFacts | undefined): string | undefined => {
  if (!video || video.brand === 'qt  ') return 'The video file is not an MP4 file.';
  if (video.durationSeconds < 3 || video.durationSeconds > 60) {
    return 'Video stories must be 3 to 60 seconds long.';
  }
  if (Math.abs(video.width / video.height - 9 / 16) > 0.01) {
    return 'Video stories must have a 9:16 aspect ratio.';
  }
  if (video.width < 540 || video.height < 960) {
    return 'Video stories must be at least 540 x 960 pixels.';
  }
  return undefined;
};

/**
 * Why Instagram's processing fails a story video (its container turns ERROR), from the ig-user/media
 * reference's story video specifications: MOV or MP4, 3 to 60 seconds, at most 100 MB, at most 1920
 * pixels wide, aspect ratio between 0.1:1 and 10:1.
 */
const instagramVideoProblem = (video: VideoFacts | undefined): boolean =>
  !video ||
  video.durationSeconds < 3 ||
  video.durationSeconds > 60 ||
  video.bytes > 100 * 1024 * 1024 ||
  video.width > 1920 ||
  video.width / video.height < 0.1 ||
  video.width / video.height > 10;

/**
 * POST /{page-id}/video_stories (Page.json: upload_phase START | FINISH, video_id): START answers a
 * video id and the upload host's URL for it; FINISH makes the uploaded video a story, refusing one
 * not uploaded yet and one already used.
 */
const videoStory = (ctx: GraphCtx): GraphResult => {
  const page = storyPage(ctx);
  const phase = stringParam(ctx, 'upload_phase');
  if (phase === 'START') {
    const id = ctx.store.newId('6');
    ctx.store.pageVideos.set(id, { id, pageId: page.id, createdAt: Date.now() });
    return {
      json: { video_id: id, upload_url: `${ctx.baseUrl()}/video-upload/${ctx.req.version}/${id}` },
    };
  }
  const videoId = stringParam(ctx, 'video_id') ?? '';
  const video = ctx.store.pageVideos.get(videoId);
  if (!video || video.pageId !== page.id) {
    throw invalidParameter(`(#100) Invalid video_id ${videoId}`);
  }
  if (!video.fileUrl) {
    throw invalidParameter('(#100) The video has not been uploaded yet; upload it before FINISH.');
  }
  if (video.storyPostId) {
    throw invalidParameter(
      '(#100) This video was already used in a post. Start a new upload to make a story.',
      { error_user_title: 'Media already used', error_user_msg: `See ${PAGE_STORIES}` }
    );
  }
  video.storyPostId = `${page.id}_${ctx.store.newId('7')}`;
  return { json: { success: true, post_id: video.storyPostId } };
};

/**
 * Meta's upload host for a started video: `Authorization: OAuth <Page token>` and, for a hosted
 * file, a `file_url` header (PAGE_STORIES, "Upload a hosted file"). The sandbox fetches the file
 * and refuses what Facebook refuses for a story video. Error code and wording: UNVERIFIED (Meta
 * documents none for this host); the body has Graph's error shape.
 */
const ruploadVideo = async (
  store: GraphCtx['store'],
  headers: { authorization?: string; fileUrl?: string },
  videoId: string
): Promise<{ status: number; json: unknown }> => {
  const refuse = (status: number, message: string, code = 6000) => ({
    status,
    json: { error: { message, type: 'OAuthException', code, is_transient: false } },
  });
  const video = store.pageVideos.get(videoId);
  const token = /^OAuth (.+)$/.exec(headers.authorization ?? '')?.[1];
  const caller = token ? store.tokens.get(token) : undefined;
  if (caller?.kind !== 'PAGE') {
    return refuse(
      401,
      'Invalid OAuth access token: the upload host takes the Page token as "Authorization: OAuth".',
      190
    );
  }
  if (!video || video.pageId !== caller.pageId)
    return refuse(400, `No video ${videoId} to upload into.`, 100);
  if (!headers.fileUrl)
    return refuse(400, 'Send the file bytes, or a file_url header for a hosted file.', 100);
  const problem = facebookVideoProblem(await loadVideo(headers.fileUrl));
  if (problem) return refuse(400, problem);
  video.fileUrl = headers.fileUrl;
  return { status: 200, json: { success: true } };
};

/** GET /{page-id}/stories: the Page's stories, newest first (Stories.json fields). */
const pageStories = (ctx: GraphCtx): GraphResult => {
  const page = storyPage(ctx);
  const media = [
    ...[...ctx.store.pagePhotos.values()].map((photo) => ({ ...photo, type: 'photo' })),
    ...[...ctx.store.pageVideos.values()].map((video) => ({ ...video, type: 'video' })),
  ];
  const data = media
    .filter((photo) => photo.pageId === page.id && photo.storyPostId)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((photo) => ({
      post_id: photo.storyPostId,
      media_id: photo.id,
      media_type: photo.type,
      status: 'PUBLISHED',
      creation_time: new Date(photo.createdAt).toISOString(),
      url: `https://www.facebook.com/stories/${page.id}`,
    }));
  return { json: { data } };
};

/**
 * The Instagram account, for a user with a role on its Page and the permissions given: Facebook
 * Login's instagram_basic, plus instagram_content_publish to publish
 * (https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
 */
const igUserFor = (ctx: GraphCtx, publishing: boolean): IgUser => {
  const id = ctx.params.id ?? '';
  const ig = ctx.store.igUsers.get(id);
  const caller = ctx.caller;
  const page = ig ? ctx.store.pages.get(ig.pageId) : undefined;
  if (!ig || !page || caller?.kind !== 'USER' || !page.roles.has(caller.userId)) {
    throw unsupportedGet(id, ctx.req.method.toLowerCase());
  }
  if (!hasPermission(ctx, 'instagram_basic')) throw missingPermission('instagram_basic', 10);
  if (publishing && !hasPermission(ctx, 'instagram_content_publish')) {
    throw missingPermission('instagram_content_publish', 10);
  }
  return ig;
};

const publishedInWindow = (ctx: GraphCtx, ig: IgUser): number => {
  const since = Date.now() - ctx.store.settings.igQuotaDurationSeconds * 1000;
  return ig.published.filter((entry) => entry.at > since).length;
};

/**
 * POST /{ig-user-id}/media: a STORIES container from a public JPEG or video URL (Meta cURLs it). A
 * video Instagram cannot take is found while processing: its container reports ERROR.
 */
const createContainer = async (ctx: GraphCtx): Promise<GraphResult> => {
  const ig = igUserFor(ctx, true);
  const imageUrl = stringParam(ctx, 'image_url');
  const videoUrl = stringParam(ctx, 'video_url');
  const mediaType = stringParam(ctx, 'media_type');
  if (mediaType !== 'STORIES') {
    throw invalidParameter(
      '(#100) The sandbox models story containers only: set media_type=STORIES'
    );
  }
  if (videoUrl && !imageUrl) {
    const failed = instagramVideoProblem(await loadVideo(videoUrl));
    const id = ctx.store.newId('9');
    ctx.store.igContainers.set(id, {
      id,
      igUserId: ig.id,
      imageUrl: videoUrl,
      createdAt: Date.now(),
      readsUntilFinished: ctx.store.settings.igContainerReadsUntilFinished,
      status: failed ? 'ERROR' : 'IN_PROGRESS',
    });
    return { json: { id } };
  }
  if (!imageUrl) throw invalidParameter('(#100) Param image_url or video_url is required');
  // "JPEG is the only image format supported" (ig-user/media); error 2207005 in IG_ERRORS.
  if (!/\.jpe?g($|\?)/i.test(new URL(imageUrl, 'https://x.invalid').pathname)) {
    throw new GraphError({
      message: 'The image format is not supported.',
      type: 'OAuthException',
      code: 36000,
      error_subcode: 2207005,
      error_user_title: 'Unsupported format',
      error_user_msg: `Only JPEG images can be published. See ${IG_ERRORS}`,
      is_transient: false,
    });
  }
  const id = ctx.store.newId('9');
  ctx.store.igContainers.set(id, {
    id,
    igUserId: ig.id,
    imageUrl,
    createdAt: Date.now(),
    readsUntilFinished: ctx.store.settings.igContainerReadsUntilFinished,
    status: 'IN_PROGRESS',
  });
  return { json: { id } };
};

const currentStatus = (container: IgContainer): IgContainer['status'] => {
  if (container.status === 'PUBLISHED' || container.status === 'ERROR') return container.status;
  if (Date.now() - container.createdAt > CONTAINER_LIFETIME_MS) return 'EXPIRED';
  return container.readsUntilFinished > 0 ? 'IN_PROGRESS' : 'FINISHED';
};

/** GET /{container-id}: its status_code; each read brings a processing container closer to done. */
const readContainer = (ctx: GraphCtx, container: IgContainer): GraphResult => {
  const ig = ctx.store.igUsers.get(container.igUserId);
  const caller = ctx.caller;
  const page = ig ? ctx.store.pages.get(ig.pageId) : undefined;
  if (!page || caller?.kind !== 'USER' || !page.roles.has(caller.userId)) {
    throw unsupportedGet(container.id);
  }
  const status = currentStatus(container);
  if (status === 'IN_PROGRESS') container.readsUntilFinished -= 1;
  return { json: { id: container.id, status_code: status, status } };
};

/**
 * POST /{ig-user-id}/media_publish: refuses a container still processing (9007 / 2207027), one
 * already published, and a publish over the account's quota (9 / 2207042), as IG_ERRORS lists.
 */
const publishContainer = (ctx: GraphCtx): GraphResult => {
  const ig = igUserFor(ctx, true);
  const creationId = stringParam(ctx, 'creation_id') ?? '';
  const container = ctx.store.igContainers.get(creationId);
  if (!container || container.igUserId !== ig.id) {
    throw new GraphError({
      message: 'Media builder not found',
      type: 'OAuthException',
      code: 24,
      error_subcode: 2207008,
    });
  }
  const status = currentStatus(container);
  if (status === 'PUBLISHED') {
    // UNVERIFIED wording: Meta documents no code for publishing one container twice.
    throw invalidParameter('(#100) This media container was already published.');
  }
  if (status !== 'FINISHED') {
    throw new GraphError({
      message: 'Media ID is not available',
      type: 'OAuthException',
      code: 9007,
      error_subcode: 2207027,
      error_user_title: 'Media not ready',
      error_user_msg: 'The media is not ready for publishing, please wait for a moment',
      is_transient: false,
    });
  }
  if (publishedInWindow(ctx, ig) >= ctx.store.settings.igQuotaTotal) {
    throw new GraphError({
      message: 'Application request limit reached',
      type: 'OAuthException',
      code: 9,
      error_subcode: 2207042,
      error_user_title: 'Publishing limit reached',
      error_user_msg: 'You reached the maximum number of posts allowed for this account today.',
      is_transient: false,
    });
  }
  const mediaId = ctx.store.newId('8');
  container.status = 'PUBLISHED';
  ig.published.push({ mediaId, containerId: container.id, at: Date.now() });
  return { json: { id: mediaId } };
};

/** GET /{ig-user-id}/content_publishing_limit: usage in the rolling window and its config. */
const publishingLimit = (ctx: GraphCtx): GraphResult => {
  const ig = igUserFor(ctx, false);
  const { igQuotaTotal, igQuotaDurationSeconds } = ctx.store.settings;
  return {
    json: {
      data: [
        {
          quota_usage: publishedInWindow(ctx, ig),
          config: { quota_total: igQuotaTotal, quota_duration: igQuotaDurationSeconds },
        },
      ],
    },
  };
};

const storyRoutes: GraphRoute[] = [
  { method: 'POST', pattern: '/:id/photos', auth: 'token', handle: uploadPhoto },
  { method: 'POST', pattern: '/:id/photo_stories', auth: 'token', handle: photoStory },
  { method: 'POST', pattern: '/:id/video_stories', auth: 'token', handle: videoStory },
  { method: 'GET', pattern: '/:id/stories', auth: 'token', handle: pageStories },
  { method: 'POST', pattern: '/:id/media', auth: 'token', handle: createContainer },
  { method: 'POST', pattern: '/:id/media_publish', auth: 'token', handle: publishContainer },
  {
    method: 'GET',
    pattern: '/:id/content_publishing_limit',
    auth: 'token',
    handle: publishingLimit,
  },
];

export { readContainer, ruploadVideo, storyRoutes };
