import type { Surface } from '../../core/outages/breaker.js';
import { type GraphError, GraphTransientError, parseGraphError } from './errors.js';
import { appsecretProof, type GraphHttp, type GraphResult } from './http.js';
import { batchResponse } from './schemas.js';
import { surfaceOfPath } from './surfaces.js';
import { EMPTY_USAGE } from './usage.js';

/**
 * Graph batch requests: up to 50 calls in one HTTP round trip. Each item still counts against rate
 * limits, so batching saves latency, not quota. Items fail independently; each failure is typed.
 */

/** Meta's limit on items per batch. */
const MAX_BATCH_SIZE = 50;

/** One call inside a batch. `relativeUrl` is relative to the pinned version, e.g. `me?fields=id`. */
interface BatchRequest {
  method: 'GET' | 'POST' | 'DELETE';
  relativeUrl: string;
  /** POST parameters; Graph wants them form-encoded inside the item. */
  body?: Record<string, string | number | boolean>;
  /** Lets later items reference this one's result (JSONPath); see Graph's batch docs. */
  name?: string;
  /**
   * A token of this item's own (a Page token) instead of the batch's; it is sent with its own
   * appsecret_proof, as Graph requires of every token when the app demands proofs.
   */
  token?: string;
  /** The Meta surface the item needs, where its path does not say (see surfaces.ts). */
  surface?: Surface;
}

/** One item's outcome, in request order. */
type BatchItemResult =
  | { ok: true; code: number; body: unknown }
  | { ok: false; code: number | undefined; error: GraphError };

interface BatchOperations {
  /**
   * Runs `requests` as batch calls of at most 50, in order, and returns one result per request.
   * Retried as a whole only when every item is a GET or DELETE, or the caller says it is idempotent.
   */
  batch(
    token: string,
    requests: readonly BatchRequest[],
    options?: { idempotent?: boolean }
  ): Promise<GraphResult<BatchItemResult[]>>;
}

/** Splits `items` into arrays of at most `size`. */
const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
};

const parseJson = (text: string | null | undefined): unknown => {
  if (text === null || text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const relativeUrlOf = (request: BatchRequest, appSecret: string): string => {
  const url = request.relativeUrl.replace(/^\/+/, '');
  if (!request.token) return url;
  const auth = new URLSearchParams({
    access_token: request.token,
    appsecret_proof: appsecretProof(appSecret, request.token),
  });
  return `${url}${url.includes('?') ? '&' : '?'}${auth}`;
};

const wireItem = (request: BatchRequest, appSecret: string) => ({
  method: request.method,
  relative_url: relativeUrlOf(request, appSecret),
  ...(request.body
    ? {
        body: new URLSearchParams(
          Object.entries(request.body).map(([key, value]): [string, string] => [key, String(value)])
        ).toString(),
      }
    : {}),
  ...(request.name ? { name: request.name } : {}),
});

const surfaceOfItem = (request: BatchRequest): Surface =>
  request.surface ?? surfaceOfPath(request.relativeUrl);

/**
 * Whether a batch item's answer is a transient failure of its surface: no answer in time (null), a
 * 5xx, or an error Graph classifies as transient (codes 1 and 2).
 */
const itemFailedTransiently = (item: { code: number; body?: string | null } | null): boolean =>
  !item ||
  (item.code >= 300 &&
    parseGraphError({ status: item.code, body: parseJson(item.body) }) instanceof
      GraphTransientError);

/** The surfaces of a batch whose items failed transiently, for the breakers. */
const failedSurfacesOf =
  (part: readonly BatchRequest[]) =>
  (body: unknown): Surface[] => {
    const parsed = batchResponse.safeParse(body);
    if (!parsed.success) return [];
    return [
      ...new Set(
        part.flatMap((request, index) =>
          itemFailedTransiently(parsed.data[index] ?? null) ? [surfaceOfItem(request)] : []
        )
      ),
    ];
  };

/** Creates the batch operation. */
const createBatch = (http: GraphHttp, appSecret: string): BatchOperations => ({
  batch: async (token, requests, options) => {
    const results: BatchItemResult[] = [];
    let usage = EMPTY_USAGE;
    for (const part of chunk(requests, MAX_BATCH_SIZE)) {
      const idempotent = options?.idempotent ?? part.every((request) => request.method !== 'POST');
      const response = await http.request(
        {
          method: 'POST',
          path: '',
          token,
          form: {
            // Meta documents the fallback token (for items without their own) as this parameter
            // of the batch call; whether the Authorization header reaches the items is not said.
            // https://developers.facebook.com/docs/graph-api/batch-requests
            access_token: token,
            batch: JSON.stringify(part.map((request) => wireItem(request, appSecret))),
            include_headers: 'false',
          },
          idempotent,
          surfaces: [...new Set(part.map(surfaceOfItem))],
          failedSurfaces: failedSurfacesOf(part),
        },
        batchResponse
      );
      usage = response.usage;
      part.forEach((request, index) => {
        const item = response.data[index];
        const where = { method: request.method, path: request.relativeUrl.split('?')[0] };
        if (!item) {
          // Meta answers null for an item it could not finish in time.
          results.push({
            ok: false,
            code: undefined,
            error: new GraphTransientError({ ...where, message: 'Batch item timed out' }),
          });
          return;
        }
        const body = parseJson(item.body);
        if (item.code >= 200 && item.code < 300) {
          results.push({ ok: true, code: item.code, body });
        } else {
          results.push({
            ok: false,
            code: item.code,
            error: parseGraphError({ status: item.code, body, ...where }),
          });
        }
      });
    }
    return { data: results, usage };
  },
});

export type { BatchItemResult, BatchOperations, BatchRequest };
export { chunk, createBatch, MAX_BATCH_SIZE };
