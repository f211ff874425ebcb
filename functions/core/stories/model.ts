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
  media: { type: 'photo'; url: string };
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
  media: { type: 'photo'; url: string };
  targets: Partial<Record<StoryTarget, Omit<TargetProgress, 'photoId' | 'containerId'>>>;
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
    Object.entries(operation.targets).map(([name, { photoId: _p, containerId: _c, ...rest }]) => [
      name,
      rest,
    ])
  ),
  createdAt: operation.createdAt,
  updatedAt: operation.updatedAt,
});

const targetSwitches = z.object({ facebook: z.boolean(), instagram: z.boolean() });

export type {
  ConsentChange,
  InspectedPhoto,
  Lease,
  StoriesConsent,
  StoryOperation,
  StoryOperationView,
  StoryStatus,
  StoryTarget,
  TargetProgress,
  TargetStatus,
  TargetSwitches,
};
export {
  consentOff,
  HISTORY_LIMIT,
  isFinal,
  LEASE_SECONDS,
  MAX_PHOTO_BYTES,
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
  WHATSAPP_STATUS_NOT_OFFERED,
};
