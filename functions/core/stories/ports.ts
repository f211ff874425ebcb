import type { EventPublisher } from '../linking/events.js';
import type { Clock, GrantRepository, LinkRepository, TokenVault } from '../linking/ports.js';
import type {
  FetchableMedia,
  InspectedPhoto,
  InspectedVideo,
  StoryOperation,
  UploadType,
} from './model.js';

/**
 * Downloads a story photo through the guarded fetch (bounded) and says what it is.
 * @throws ValidationError `media_unusable` for a URL that cannot be fetched or is no JPEG/PNG.
 */
type PhotoInspector = (url: string) => Promise<InspectedPhoto>;

/**
 * Reads the head of a story video through the guarded fetch and says what it is.
 * @throws ValidationError `media_unusable` for a URL that cannot be fetched or is no readable MP4/MOV.
 */
type VideoInspector = (url: string) => Promise<InspectedVideo>;

/**
 * The ports the stories use cases need. Gateway methods throw Tandem's typed errors (`retryable`
 * says whether a later job may succeed).
 */

/** An Instagram media container's state (`status_code` on the container node). */
type ContainerStatus = 'EXPIRED' | 'ERROR' | 'FINISHED' | 'IN_PROGRESS' | 'PUBLISHED';

interface PublishingLimit {
  /** Posts counted in the current window. */
  usage: number;
  /** What the window allows, as Meta reports it (never a number of Tandem's). */
  total: number;
  /** The window's length in seconds. */
  windowSeconds: number;
}

interface StoriesGateway {
  /** The Page token the Page's story edges take, fetched with the user's. */
  pageToken(userToken: string, pageId: string): Promise<string>;
  /** `POST /{page-id}/photos` unpublished; answers the photo id. */
  uploadUnpublishedPhoto(pageToken: string, pageId: string, url: string): Promise<string>;
  /** `POST /{page-id}/photo_stories`; answers the story's post id. */
  publishPhotoStory(pageToken: string, pageId: string, photoId: string): Promise<string>;
  /** `POST /{page-id}/video_stories` upload_phase=START: the video id and where to upload it. */
  startVideoStory(
    pageToken: string,
    pageId: string
  ): Promise<{ videoId: string; uploadUrl: string }>;
  /** Hands Meta's upload host the video's URL (`file_url`), which Meta downloads itself. */
  uploadHostedVideo(pageToken: string, uploadUrl: string, fileUrl: string): Promise<void>;
  /** `POST /{page-id}/video_stories` upload_phase=FINISH; answers the story's post id. */
  finishVideoStory(pageToken: string, pageId: string, videoId: string): Promise<string>;
  /** The post id of a story of the Page made from `mediaId`, among its recent stories, if any. */
  findPageStory(pageToken: string, pageId: string, mediaId: string): Promise<string | undefined>;
  /** `POST /{ig-user-id}/media` with media_type=STORIES (image_url or video_url); the container id. */
  createStoryContainer(userToken: string, igUserId: string, media: FetchableMedia): Promise<string>;
  containerStatus(userToken: string, containerId: string): Promise<ContainerStatus>;
  publishingLimit(userToken: string, igUserId: string): Promise<PublishingLimit>;
  /** `POST /{ig-user-id}/media_publish`; answers the story's media id. */
  publishContainer(userToken: string, igUserId: string, containerId: string): Promise<string>;
}

interface StoryOperationStore {
  create(
    operation: StoryOperation
  ): Promise<{ created: true } | { created: false; existing: StoryOperation }>;
  get(operationId: string): Promise<StoryOperation | undefined>;
  /** Replaces the record if its stored version is `expectedVersion`; false when it is not. */
  update(operation: StoryOperation, expectedVersion: number): Promise<boolean>;
  /** The link's operations, newest first, one page. */
  listForLink(
    tenantId: string,
    linkId: string,
    page: { limit: number; cursor?: string }
  ): Promise<{ items: StoryOperation[]; nextCursor?: string }>;
  /** Deletes every operation of the tenant's link (it was unlinked); answers how many. */
  removeForLink(tenantId: string, linkId: string): Promise<number>;
}

/** Enqueues the job that publishes an operation, after `delaySeconds` when given. */
interface StoryQueue {
  enqueue(
    job: { tenantId: string; linkId: string; operationId: string },
    delaySeconds?: number
  ): Promise<void>;
}

/** What the store holds under a key: from the object itself, not from what the caller declared. */
interface StoredObject {
  bytes: number;
  contentType?: string;
  uploadedAt: Date;
}

/**
 * Where uploaded story media lives: Tandem's S3 bucket in AWS, the local gateway's store in the
 * embedded default. URLs are signed, short-lived and name one object; nothing here is public.
 */
interface MediaStore {
  /** A URL the caller PUTs the object to, bound to its content type and exact size. */
  presignPut(
    key: string,
    object: { contentType: UploadType; bytes: number; expiresInSeconds: number }
  ): Promise<{ url: string; headers: Record<string, string> }>;
  /** A URL that reads the object (Meta's fetch, Tandem's own check). */
  presignGet(key: string, expiresInSeconds: number): Promise<string>;
  /** The stored object's size, type and time; undefined when nothing was uploaded. */
  head(key: string): Promise<StoredObject | undefined>;
  /** Deletes every object under `prefix` (a link's uploads, when it is unlinked); answers how many. */
  removeUnder(prefix: string): Promise<number>;
}

interface StoriesDeps {
  links: Pick<LinkRepository, 'get' | 'update'>;
  grants: Pick<GrantRepository, 'get'>;
  vault: Pick<TokenVault, 'open'>;
  stories: StoriesGateway;
  operations: StoryOperationStore;
  queue: StoryQueue;
  /** Where `story.published` and `story.failed` go, one per target outcome. */
  events: EventPublisher;
  clock: Clock;
  newLeaseOwner: () => string;
  sleep: (ms: number) => Promise<void>;
  /** Signs the URL Meta fetches an uploaded story's media from. */
  media: Pick<MediaStore, 'presignGet'>;
}

export type {
  ContainerStatus,
  MediaStore,
  PhotoInspector,
  PublishingLimit,
  StoredObject,
  StoriesDeps,
  StoriesGateway,
  StoryOperationStore,
  StoryQueue,
  VideoInspector,
};
