import { createHash } from 'node:crypto';
import {
  type ConsentChange,
  STORY_SCOPES,
  STORY_TARGETS,
  type StoriesConsent,
  type StoryTarget,
  TARGET_SCOPES,
  type TargetSwitches,
} from '../linking/stories-consent.js';
import * as z from '../zod.js';

/**
 * Stories: one photo published to the Page's Facebook story and its Instagram professional
 * account's story, per-link consent, off by default. Pure types and rules, no I/O.
 */

const HISTORY_LIMIT = 50;

const consentOff = (): StoriesConsent => ({
  targets: { facebook: false, instagram: false },
  history: [],
});

/**
 * Why Tandem offers no WhatsApp Status target: there is no API for it, and automating WhatsApp Web
 * breaks WhatsApp's terms (https://www.whatsapp.com/legal/terms-of-service), which would put the
 * business's own number at risk.
 */
const WHATSAPP_STATUS_NOT_OFFERED =
  'WhatsApp Status is not offered: WhatsApp has no API that posts a Status for a business, and tools that automate WhatsApp Web break WhatsApp’s terms and put the number at risk. Publish to facebook and instagram instead; the only official way onto Status is a paid ad with the WhatsApp Status placement (not available in the EU or UK).';

/**
 * Photo limits Tandem checks before any Meta call, the stricter of each target's:
 * - Facebook Page stories: at most 4 MB (https://developers.facebook.com/docs/page-stories-api).
 * - Instagram: JPEG only, at most 8 MiB
 *   (https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-user/media).
 */
const PHOTO_LIMITS = {
  facebook: { maxBytes: 4 * 1024 * 1024, types: ['image/jpeg', 'image/png'] },
  instagram: { maxBytes: 8 * 1024 * 1024, types: ['image/jpeg'] },
} as const satisfies Record<StoryTarget, { maxBytes: number; types: readonly string[] }>;
const MAX_PHOTO_BYTES = Math.max(...Object.values(PHOTO_LIMITS).map((limit) => limit.maxBytes));

/** What a story's photo turned out to be, from its bytes (a server's content type can lie). */
interface InspectedPhoto {
  type: 'image/jpeg' | 'image/png';
  bytes: number;
}

/**
 * Video limits Tandem checks before any Meta call, per target, from Meta's pages:
 * - Facebook Page stories (https://developers.facebook.com/docs/page-stories-api, "Video
 *   specifications" and "Limitations"): .mp4, 9:16, at least 540 x 960 pixels, 3 seconds at least,
 *   and a video story "can not exceed 60 seconds". The page names no file size: Tandem applies
 *   Instagram's, so one video serves both targets.
 * - Instagram stories (https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-user/media,
 *   story video specifications): MOV or MP4 with the moov atom at the front, 3 to 60 seconds, at
 *   most 100 MB, at most 1920 pixels wide, an aspect ratio between 0.1:1 and 10:1 (9:16
 *   recommended).
 * Frame rate, codecs and bitrates are left to Meta, which answers a container ERROR for them.
 */
const VIDEO_LIMITS = {
  facebook: {
    containers: ['mp4'],
    maxBytes: 100 * 1024 * 1024,
    minSeconds: 3,
    maxSeconds: 60,
    minWidth: 540,
    minHeight: 960,
    aspect: { exactly: 9 / 16 },
  },
  instagram: {
    containers: ['mp4', 'mov'],
    maxBytes: 100 * 1024 * 1024,
    minSeconds: 3,
    maxSeconds: 60,
    maxWidth: 1920,
    aspect: { min: 0.1, max: 10 },
  },
} as const;
const MAX_VIDEO_BYTES = Math.max(...Object.values(VIDEO_LIMITS).map((limit) => limit.maxBytes));
/** How far from 9:16 a Facebook story video may be (rounding of odd pixel counts). */
const ASPECT_TOLERANCE = 0.01;

/** What a story's video turned out to be, from its head (and the size the server declared). */
interface InspectedVideo {
  container: 'mp4' | 'mov';
  bytes: number;
  durationSeconds: number;
  width: number;
  height: number;
}

/** The first reason this video cannot go to `target`, if any. */
const videoProblem = (target: StoryTarget, video: InspectedVideo): string | undefined => {
  const limit: {
    containers: readonly string[];
    maxBytes: number;
    minSeconds: number;
    maxSeconds: number;
    minWidth?: number;
    minHeight?: number;
    maxWidth?: number;
    aspect: { exactly?: number; min?: number; max?: number };
  } = VIDEO_LIMITS[target];
  const seconds = Math.round(video.durationSeconds * 10) / 10;
  if (!limit.containers.includes(video.container)) {
    return `${target} stories take ${limit.containers.join(' or ').toUpperCase()} videos, not ${video.container.toUpperCase()}`;
  }
  if (video.bytes > limit.maxBytes) {
    return `${target} stories take videos of at most ${limit.maxBytes} bytes; this one has ${video.bytes}`;
  }
  if (video.durationSeconds < limit.minSeconds || video.durationSeconds > limit.maxSeconds) {
    return `${target} stories take videos of ${limit.minSeconds} to ${limit.maxSeconds} seconds; this one lasts ${seconds}`;
  }
  const ratio = video.width / video.height;
  const size = `${video.width} x ${video.height}`;
  const { exactly, min, max } = limit.aspect;
  if (exactly !== undefined && Math.abs(ratio - exactly) > ASPECT_TOLERANCE) {
    return `${target} stories take 9:16 (portrait) videos; this one is ${size}`;
  }
  if ((min !== undefined && ratio < min) || (max !== undefined && ratio > max)) {
    return `${target} stories take videos with an aspect ratio between ${min}:1 and ${max}:1; this one is ${size}`;
  }
  if (
    (limit.minWidth !== undefined && video.width < limit.minWidth) ||
    (limit.minHeight !== undefined && video.height < limit.minHeight)
  ) {
    return `${target} stories take videos of at least ${limit.minWidth} x ${limit.minHeight} pixels; this one is ${size}`;
  }
  if (limit.maxWidth !== undefined && video.width > limit.maxWidth) {
    return `${target} stories take videos at most ${limit.maxWidth} pixels wide; this one is ${size}`;
  }
  return undefined;
};

/** A story's one image or video, by a URL Meta can fetch. */
type FetchableMedia = { type: 'photo' | 'video'; url: string };

/** A story's one image or video: by the caller's URL, or an upload to Tandem's media store. */
type StoryMedia = FetchableMedia | { type: 'photo' | 'video'; uploadId: string };

/**
 * What an upload may declare it holds: the photo types and video containers of the limits above,
 * each at most the largest size any target takes (a target's own limit is checked at the story),
 * and the file extension its key ends with (Meta's fetchers see a name, as for a caller's URL).
 */
const UPLOAD_TYPES = {
  'image/jpeg': { kind: 'photo', maxBytes: MAX_PHOTO_BYTES, extension: 'jpg' },
  'image/png': { kind: 'photo', maxBytes: MAX_PHOTO_BYTES, extension: 'png' },
  'video/mp4': { kind: 'video', maxBytes: MAX_VIDEO_BYTES, extension: 'mp4' },
  'video/quicktime': { kind: 'video', maxBytes: MAX_VIDEO_BYTES, extension: 'mov' },
} as const satisfies Record<
  string,
  { kind: StoryMedia['type']; maxBytes: number; extension: string }
>;
type UploadType = keyof typeof UPLOAD_TYPES;

/** The first reason this photo cannot go to `target`, if any. */
const photoProblem = (target: StoryTarget, photo: InspectedPhoto): string | undefined => {
  const limit = PHOTO_LIMITS[target];
  if (!(limit.types as readonly string[]).includes(photo.type)) {
    return `${target} stories take ${limit.types.join(' or ')} photos, not ${photo.type}`;
  }
  if (photo.bytes > limit.maxBytes) {
    return `${target} stories take photos of at most ${limit.maxBytes} bytes; this one has ${photo.bytes}`;
  }
  return undefined;
};

/**
 * - pending: not published yet (a job is due).
 * - waiting_quota: Instagram's publishing quota is used up; a job comes back after the window.
 * - published / failed / cancelled (consent turned off before it was posted): final.
 */
type TargetStatus = 'pending' | 'waiting_quota' | 'published' | 'failed' | 'cancelled';

interface TargetProgress {
  status: TargetStatus;
  /** Facebook: the unpublished photo uploaded for the story. */
  photoId?: string;
  /** Facebook video: the video the start phase made, where to upload it, and whether it was. */
  videoId?: string;
  uploadUrl?: string;
  videoUploaded?: boolean;
  /** Instagram: the media container. */
  containerId?: string;
  /** Facebook: the story's post id; Instagram: the story's media id. */
  publishedId?: string;
  publishedAt?: string;
  error?: { code: string; message: string };
  /** When Instagram's quota should allow the story (waiting_quota). */
  resumeAt?: string;
}

/**
 * - queued / in_progress: a job will publish (or is publishing) what is pending.
 * - completed: every target published; partial: some did; failed / cancelled: none did.
 */
type StoryStatus = 'queued' | 'in_progress' | 'completed' | 'partial' | 'failed' | 'cancelled';

interface Lease {
  owner: string;
  expiresAt: string;
}

interface StoryOperation {
  operationId: string;
  tenantId: string;
  linkId: string;
  idempotencyKey: string;
  requestHash: string;
  media: StoryMedia;
  targets: Partial<Record<StoryTarget, TargetProgress>>;
  status: StoryStatus;
  lease?: Lease;
  /** Jobs that worked on it. */
  attempts: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  version: number;
}

interface StoryOperationView {
  operationId: string;
  idempotencyKey: string;
  linkId: string;
  status: StoryStatus;
  media: StoryMedia;
  targets: Partial<
    Record<
      StoryTarget,
      Omit<TargetProgress, 'photoId' | 'containerId' | 'videoId' | 'uploadUrl' | 'videoUploaded'>
    >
  >;
  createdAt: string;
  updatedAt: string;
}

const STORY_OPERATION_ID = /^stop_[0-9a-f]{32}$/;
const LEASE_SECONDS = 60;
const DAY_MS = 86_400_000;
/** Outcomes stay readable for a month; an operation left unfinished is forgotten after a week. */
const FINAL_RETENTION_DAYS = 30;
const OPEN_RETENTION_DAYS = 7;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const storyOperationIdFor = (tenantId: string, key: string): string =>
  `stop_${sha256(`${tenantId}\u0000stories\u0000${key}`).slice(0, 32)}`;

const isFinal = (status: TargetStatus): boolean =>
  status === 'published' || status === 'failed' || status === 'cancelled';

/** The operation's status, from its targets'. */
const statusOf = (
  targets: StoryOperation['targets'],
  started: boolean
): StoryOperation['status'] => {
  const all = Object.values(targets);
  if (!all.every((target) => isFinal(target.status))) return started ? 'in_progress' : 'queued';
  const published = all.filter((target) => target.status === 'published').length;
  if (published === all.length) return 'completed';
  if (published > 0) return 'partial';
  return all.every((target) => target.status === 'cancelled') ? 'cancelled' : 'failed';
};

const retentionFor = (status: StoryStatus, now: Date): string =>
  new Date(
    now.getTime() +
      (status === 'queued' || status === 'in_progress'
        ? OPEN_RETENTION_DAYS
        : FINAL_RETENTION_DAYS) *
        DAY_MS
  ).toISOString();

const toStoryView = (operation: StoryOperation): StoryOperationView => ({
  operationId: operation.operationId,
  idempotencyKey: operation.idempotencyKey,
  linkId: operation.linkId,
  status: operation.status,
  media: operation.media,
  targets: Object.fromEntries(
    Object.entries(operation.targets).map(
      ([
        name,
        { photoId: _p, containerId: _c, videoId: _v, uploadUrl: _u, videoUploaded: _up, ...rest },
      ]) => [name, rest]
    )
  ),
  createdAt: operation.createdAt,
  updatedAt: operation.updatedAt,
});

const targetSwitches = z.object({ facebook: z.boolean(), instagram: z.boolean() });

export type {
  ConsentChange,
  FetchableMedia,
  InspectedPhoto,
  InspectedVideo,
  Lease,
  StoriesConsent,
  StoryMedia,
  StoryOperation,
  StoryOperationView,
  StoryStatus,
  StoryTarget,
  TargetProgress,
  TargetStatus,
  TargetSwitches,
  UploadType,
};
export {
  consentOff,
  HISTORY_LIMIT,
  isFinal,
  LEASE_SECONDS,
  MAX_PHOTO_BYTES,
  MAX_VIDEO_BYTES,
  PHOTO_LIMITS,
  photoProblem,
  retentionFor,
  STORY_OPERATION_ID,
  STORY_SCOPES,
  STORY_TARGETS,
  sha256,
  statusOf,
  storyOperationIdFor,
  TARGET_SCOPES,
  targetSwitches,
  toStoryView,
  UPLOAD_TYPES,
  VIDEO_LIMITS,
  videoProblem,
  WHATSAPP_STATUS_NOT_OFFERED,
};
