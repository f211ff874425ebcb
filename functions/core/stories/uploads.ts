import {
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors.js';
import type { Clock, LinkRepository } from '../linking/ports.js';
import * as z from '../zod.js';
import {
  type FetchableMedia,
  type StoryMedia,
  sha256,
  UPLOAD_TYPES,
  type UploadType,
} from './model.js';
import type { MediaStore } from './ports.js';

/**
 * Story media uploaded to Tandem's own store instead of fetched from the caller's URL: the caller
 * asks for a signed PUT URL (bound to one type and one exact size within Meta's limits), uploads,
 * then names the upload in the story. The object's key is made here from the tenant, the link and
 * a random id, never by the caller, so an upload id of another tenant or link names nothing. What
 * the story checks is the object as stored (its size, its type, its bytes), not the declaration.
 */

const UPLOAD_ID = /^upl_[0-9a-f]{32}\.(jpg|png|mp4|mov)$/;
/** How long the PUT URL works: enough for a 100 MB video on a slow line, no more. */
const PUT_URL_SECONDS = 15 * 60;
/** How long after the upload a story may name it (the store forgets it after two days). */
const UPLOAD_LIFETIME_SECONDS = 60 * 60;
/**
 * How long a URL handed to Meta (or to Tandem's own check) works: one job's fetches. Each job signs
 * a fresh one, so a retry never hands Meta a URL about to expire.
 */
const GET_URL_SECONDS = 60 * 60;

const uploadTypes = Object.keys(UPLOAD_TYPES) as [UploadType, ...UploadType[]];

const uploadInput = z.object({
  contentType: z.enum(uploadTypes),
  bytes: z.number().check(z.int(), z.minimum(1)),
});
type UploadInput = z.infer<typeof uploadInput>;

const uploadIdSchema = z
  .string()
  .check(z.regex(UPLOAD_ID, 'must be an upload id (upl_<32 hex>.<jpg|png|mp4|mov>)'));

interface UploadView {
  uploadId: string;
  uploadUrl: string;
  method: 'PUT';
  /** Send these headers with the PUT, unchanged: the URL's signature covers them. */
  headers: Record<string, string>;
  /** When the PUT URL stops working. */
  expiresAt: string;
  /** How long after the upload a story may name it. */
  usableForSeconds: number;
}

/**
 * Every upload of a link lives under this prefix; the tenant appears as a hash, so keys carry no
 * tenant id and no character a key cannot hold.
 */
const linkUploadPrefix = (tenantId: string, linkId: string): string =>
  `stories/${sha256(tenantId).slice(0, 32)}/${linkId}/`;

const uploadKey = (tenantId: string, linkId: string, uploadId: string): string =>
  `${linkUploadPrefix(tenantId, linkId)}${uploadId}`;

/**
 * POST /links/{id}/stories/uploads: a PUT URL bound to the declared type and size, under a key of
 * this tenant's link. A size over every target's limit is refused here, before anything is signed.
 */
const requestUpload = async (
  deps: {
    links: Pick<LinkRepository, 'get'>;
    media: Pick<MediaStore, 'presignPut'>;
    clock: Clock;
    /** A random id, hex only (32 characters). */
    newUploadHex: () => string;
  },
  tenantId: string,
  linkId: string,
  input: UploadInput
): Promise<UploadView> => {
  const { maxBytes, extension } = UPLOAD_TYPES[input.contentType];
  if (input.bytes > maxBytes) {
    throw new PayloadTooLargeError(
      `A story's ${input.contentType} may have at most ${maxBytes} bytes (Meta's limit); this one declares ${input.bytes}.`,
      { maxBytes, bytes: input.bytes }
    );
  }
  if (!(await deps.links.get(tenantId, linkId))) {
    throw new NotFoundError(`No link ${linkId} in this tenant.`, { linkId }, 'link_not_found');
  }
  const uploadId = `upl_${deps.newUploadHex()}.${extension}`;
  const signed = await deps.media.presignPut(uploadKey(tenantId, linkId, uploadId), {
    contentType: input.contentType,
    bytes: input.bytes,
    expiresInSeconds: PUT_URL_SECONDS,
  });
  return {
    uploadId,
    uploadUrl: signed.url,
    method: 'PUT',
    headers: signed.headers,
    expiresAt: new Date(deps.clock.now().getTime() + PUT_URL_SECONDS * 1000).toISOString(),
    usableForSeconds: UPLOAD_LIFETIME_SECONDS,
  };
};

/** The URL Meta fetches a story's media from: the caller's, or a freshly signed one of the upload. */
const fetchableMedia = async (
  media: Pick<MediaStore, 'presignGet'>,
  tenantId: string,
  linkId: string,
  story: StoryMedia
): Promise<FetchableMedia> =>
  'url' in story
    ? story
    : {
        type: story.type,
        url: await media.presignGet(uploadKey(tenantId, linkId, story.uploadId), GET_URL_SECONDS),
      };

/**
 * The upload a story names, checked from the stored object: it exists under this tenant's link
 * (anything else is the same 404 as an unknown id, so another tenant's upload never shows it
 * exists), it is recent enough, its type is the story's kind and its size within Meta's limit.
 * Answers a URL that reads it, for the media check that reads its bytes.
 */
const openUpload = async (
  deps: { media: Pick<MediaStore, 'head' | 'presignGet'>; clock: Clock },
  tenantId: string,
  linkId: string,
  media: { type: StoryMedia['type']; uploadId: string }
): Promise<FetchableMedia> => {
  const stored = await deps.media.head(uploadKey(tenantId, linkId, media.uploadId));
  if (!stored) {
    throw new NotFoundError(
      `No upload ${media.uploadId} on link ${linkId}: ask for one with POST /links/${linkId}/stories/uploads and PUT the media to its uploadUrl first.`,
      { linkId, uploadId: media.uploadId },
      'upload_not_found'
    );
  }
  const usableUntil = stored.uploadedAt.getTime() + UPLOAD_LIFETIME_SECONDS * 1000;
  if (usableUntil <= deps.clock.now().getTime()) {
    throw new ConflictError(
      `Upload ${media.uploadId} was made more than ${UPLOAD_LIFETIME_SECONDS / 60} minutes ago; upload the media again.`,
      { uploadId: media.uploadId, uploadedAt: stored.uploadedAt.toISOString() },
      'upload_expired'
    );
  }
  const declared = UPLOAD_TYPES[stored.contentType as UploadType];
  if (!declared || declared.kind !== media.type) {
    throw new UnsupportedMediaTypeError(
      `Upload ${media.uploadId} holds ${stored.contentType ?? 'an unknown type'}, which is not a story ${media.type}.`,
      { uploadId: media.uploadId, contentType: stored.contentType }
    );
  }
  if (stored.bytes > declared.maxBytes) {
    throw new PayloadTooLargeError(
      `Upload ${media.uploadId} holds ${stored.bytes} bytes; a story's ${stored.contentType} may have at most ${declared.maxBytes}.`,
      { uploadId: media.uploadId, bytes: stored.bytes, maxBytes: declared.maxBytes }
    );
  }
  return fetchableMedia(deps.media, tenantId, linkId, media);
};

/** What unlinking and Meta's data deletion remove: every upload of the link. */
const linkUploadRemoval = (media: Pick<MediaStore, 'removeUnder'>) => ({
  removeForLink: (tenantId: string, linkId: string): Promise<number> =>
    media.removeUnder(linkUploadPrefix(tenantId, linkId)),
});

export type { UploadInput, UploadView };
export {
  fetchableMedia,
  GET_URL_SECONDS,
  linkUploadPrefix,
  linkUploadRemoval,
  openUpload,
  PUT_URL_SECONDS,
  requestUpload,
  UPLOAD_ID,
  UPLOAD_LIFETIME_SECONDS,
  uploadIdSchema,
  uploadInput,
  uploadKey,
};
