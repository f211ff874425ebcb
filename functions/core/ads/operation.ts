import { createHash } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type TandemError,
  UpstreamError,
  ValidationError,
} from '../errors.js';
import * as z from '../zod.js';
import type { AdStatus } from './enums.js';
import type { CreateAdInput } from './input.js';
import type { AdProgress, AdStep } from './plan.js';

/**
 * The ad-creation operation: one record per (tenant, Idempotency-Key) that holds the request's hash,
 * a lease while a call works on it, the ids created so far, and how it ended. Pure types and rules.
 */

/**
 * - in_progress: a call holds the lease (or held it and died; the lease expiry frees it).
 * - incomplete: a retryable error stopped it; the progress is kept and a retry resumes.
 * - completed / failed: final; a retry with the same key replays it.
 */
type OperationStatus = 'in_progress' | 'incomplete' | 'completed' | 'failed';

/** Which typed error a stored failure was, so a replay answers the same status code. */
type ErrorKind =
  | 'validation'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'upstream'
  | 'internal';

interface StoredError {
  kind: ErrorKind;
  code: string;
  message: string;
  retryable: boolean;
  details?: Record<string, unknown>;
}

interface CleanedUp {
  step: AdStep;
  id: string;
}

interface LeftBehind {
  step: AdStep;
  id: string;
  /** Why it still exists: a delete that failed, or an object Tandem keeps on purpose. */
  reason: string;
}

interface Lease {
  /** Random per call: only the holder may write progress. */
  owner: string;
  /** ISO-8601; after it, another call may take the operation over. */
  expiresAt: string;
}

interface AdOperation {
  operationId: string;
  tenantId: string;
  linkId: string;
  idempotencyKey: string;
  /** sha256 of the canonical request (link + parsed body): same key, other body -> 409. */
  requestHash: string;
  status: OperationStatus;
  lease?: Lease;
  adAccountId: string;
  /** The ad account's currency, read in the pre-checks; insights report in it. */
  currency?: string;
  /** What the ad will not do where it runs (the regional rules), for the caller to know. */
  notes?: string[];
  /** Whether Tandem uploaded the image (so it exists because of this operation). */
  imageSource: 'uploaded' | 'given';
  /** The status the objects are created with (PAUSED unless the request said otherwise). */
  adStatus: AdStatus;
  progress: AdProgress;
  /** Calls that worked on it (1 for a first call that finished). */
  attempts: number;
  /** The last failure: retryable for `incomplete`, final for `failed`. */
  lastError?: StoredError;
  cleanedUp?: CleanedUp[];
  leftBehind?: LeftBehind[];
  createdAt: string;
  updatedAt: string;
  /** When the record may be forgotten (the table's TTL). */
  expiresAt: string;
  /** Starts at 1, grows by one per write: every write is conditional on the version read. */
  version: number;
}

/** What a client sees of an operation: the request's outcome, never the tenant or hashes. */
interface AdOperationView {
  operationId: string;
  idempotencyKey: string;
  linkId: string;
  status: OperationStatus;
  adAccountId: string;
  adStatus: AdStatus;
  created: AdProgress;
  notes: string[];
  error?: { code: string; message: string; details?: Record<string, unknown> };
  cleanedUp?: CleanedUp[];
  leftBehind?: LeftBehind[];
  createdAt: string;
  updatedAt: string;
}

const AD_OPERATION_ID = /^adop_[0-9a-f]{32}$/;

/** Clients choose keys; these bounds keep them usable as ids and in logs. */
const idempotencyKey = z
  .string({ error: 'Send an Idempotency-Key header (8-128 characters: A-Z, a-z, 0-9, _ or -).' })
  .check(
    z.regex(
      /^[A-Za-z0-9_-]{8,128}$/,
      'The Idempotency-Key header must be 8-128 characters of A-Z, a-z, 0-9, _ or -; use a fresh UUID per ad.'
    )
  );

/** A reference to an operation in a URL: its operation id, or the Idempotency-Key that made it. */
const operationRef = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be an operation id (adop_...) or an Idempotency-Key')
  );

/** How long a call holds an operation; longer than the function's timeout, so a live call keeps it. */
const LEASE_SECONDS = 60;
/** Long enough to read insights back for as long as Meta keeps them (37 months). */
const COMPLETED_RETENTION_DAYS = 1130;
const FAILED_RETENTION_DAYS = 30;
/** An unfinished operation may be resumed for a week after its last attempt. */
const OPEN_RETENTION_DAYS = 7;
const DAY_MS = 86_400_000;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The operation id is derived, so a key always names the same record and the id alone finds it. */
const operationIdFor = (tenantId: string, key: string): string =>
  `adop_${sha256(`${tenantId}\u0000${key}`).slice(0, 32)}`;

/**
 * The tag put in every object's name. Before creating an object, Tandem looks for one carrying the
 * tag and adopts it: that closes the window between "Meta created it" and "we recorded it".
 */
const nameTag = (operationId: string): string => `tdm-${operationId.slice(5, 17)}`;

const tagged = (name: string, tag: string): string => `${name} [${tag}]`;

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** Hashes the parsed request (defaults applied), so `"status":"PAUSED"` and its omission agree. */
const requestHashOf = (linkId: string, input: CreateAdInput): string =>
  sha256(canonicalJson({ linkId, input }));

const retentionFor = (status: OperationStatus, now: Date): string => {
  const days =
    status === 'completed'
      ? COMPLETED_RETENTION_DAYS
      : status === 'failed'
        ? FAILED_RETENTION_DAYS
        : OPEN_RETENTION_DAYS;
  return new Date(now.getTime() + days * DAY_MS).toISOString();
};

const KIND_OF: [new (...args: never[]) => TandemError, ErrorKind][] = [
  [ValidationError, 'validation'],
  [PermissionError, 'permission'],
  [NotFoundError, 'not_found'],
  [ConflictError, 'conflict'],
  [RateLimitError, 'rate_limit'],
  [UpstreamError, 'upstream'],
];

const storeError = (error: TandemError): StoredError => ({
  kind: KIND_OF.find(([type]) => error instanceof type)?.[1] ?? 'internal',
  code: error.code,
  message: error.message,
  retryable: error.retryable,
  ...(error.details ? { details: error.details } : {}),
});

/** The typed error a stored failure stands for, so a replay maps to the same HTTP status. */
const reviveError = (stored: StoredError): TandemError => {
  const { code, message, details } = stored;
  switch (stored.kind) {
    case 'validation':
      return new ValidationError(message, details, code);
    case 'permission':
      return new PermissionError(message, details, code);
    case 'not_found':
      return new NotFoundError(message, details, code);
    case 'conflict':
      return new ConflictError(message, details, code);
    case 'rate_limit':
      return new RateLimitError(message, Number(details?.retryAfterSeconds ?? 60));
    default:
      return new UpstreamError(message, stored.retryable, details);
  }
};

const toOperationView = (operation: AdOperation): AdOperationView => ({
  operationId: operation.operationId,
  idempotencyKey: operation.idempotencyKey,
  linkId: operation.linkId,
  status: operation.status,
  adAccountId: operation.adAccountId,
  adStatus: operation.adStatus,
  created: operation.progress,
  notes: operation.notes ?? [],
  ...(operation.lastError
    ? {
        error: {
          code: operation.lastError.code,
          message: operation.lastError.message,
          ...(operation.lastError.details ? { details: operation.lastError.details } : {}),
        },
      }
    : {}),
  ...(operation.cleanedUp ? { cleanedUp: operation.cleanedUp } : {}),
  ...(operation.leftBehind ? { leftBehind: operation.leftBehind } : {}),
  createdAt: operation.createdAt,
  updatedAt: operation.updatedAt,
});

export type {
  AdOperation,
  AdOperationView,
  CleanedUp,
  ErrorKind,
  Lease,
  LeftBehind,
  OperationStatus,
  StoredError,
};
export {
  AD_OPERATION_ID,
  canonicalJson,
  DAY_MS,
  idempotencyKey,
  LEASE_SECONDS,
  nameTag,
  operationIdFor,
  operationRef,
  requestHashOf,
  retentionFor,
  reviveError,
  storeError,
  tagged,
  toOperationView,
};
