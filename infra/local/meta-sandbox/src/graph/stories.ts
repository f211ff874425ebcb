import { hasPermission } from '../auth.js';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { GraphError, invalidParameter, missingPermission, unsupportedGet } from '../graph-error.js';
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

/** GET /{page-id}/stories: the Page's stories, newest first (Stories.json fields). */
const pageStories = (ctx: GraphCtx): GraphResult => {
  const page = storyPage(ctx);
  const data = [...ctx.store.pagePhotos.values()]
    .filter((photo) => photo.pageId === page.id && photo.storyPostId)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((photo) => ({
      post_id: photo.storyPostId,
      media_id: photo.id,
      media_type: 'photo',
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

/** POST /{ig-user-id}/media: a STORIES container from a public JPEG URL (Meta cURLs it). */
const createContainer = (ctx: GraphCtx): GraphResult => {
  const ig = igUserFor(ctx, true);
  const imageUrl = stringParam(ctx, 'image_url');
  const mediaType = stringParam(ctx, 'media_type');
  if (mediaType !== 'STORIES') {
    throw invalidParameter(
      '(#100) The sandbox models story containers only: set media_type=STORIES'
    );
  }
  if (!imageUrl) throw invalidParameter('(#100) Param image_url is required');
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

export { readContainer, storyRoutes };
