import type { GraphCtx, GraphRequest, GraphResult } from '../context.js';
import { invalidParameter } from '../graph-error.js';
import { isRecord } from '../http.js';
import { jsonParam, stringParam } from './common.js';

/**
 * Graph batch requests: up to 50 operations in one HTTP call, answered in order as
 * `{code, headers, body}` with the body as a JSON string. Each operation runs through the normal
 * dispatcher, so each one counts toward usage, as on Meta.
 */

const MAX_BATCH = 50;

interface Outcome {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The call ran longer than Meta waits (an injected fault): a batch answers null for it. */
  timedOut?: boolean;
}

type RunOne = (req: GraphRequest) => Promise<Outcome>;

interface Operation {
  method: string;
  relativeUrl: string;
  body: string | Record<string, unknown> | undefined;
  headers: Record<string, string>;
}

const operationHeaders = (raw: unknown): Record<string, string> => {
  if (!Array.isArray(raw)) return {};
  const entries = raw.flatMap((item): [string, string][] => {
    if (typeof item === 'string') {
      const [name, ...rest] = item.split(':');
      return name ? [[name.trim().toLowerCase(), rest.join(':').trim()]] : [];
    }
    if (isRecord(item)) return [[String(item.name ?? '').toLowerCase(), String(item.value ?? '')]];
    return [];
  });
  return Object.fromEntries(entries);
};

const parseOperations = (ctx: GraphCtx): Operation[] => {
  const raw = jsonParam(ctx, 'batch');
  if (!Array.isArray(raw) || raw.length === 0) {
    throw invalidParameter('(#100) The parameter batch is required and must be a JSON array');
  }
  if (raw.length > MAX_BATCH) {
    throw invalidParameter(
      `(#100) Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`,
      {
        error_subcode: 1357040,
      }
    );
  }
  return raw.map((item: unknown, index) => {
    if (!isRecord(item) || typeof item.relative_url !== 'string') {
      throw invalidParameter(`(#100) Batch parameter ${index} must include relative_url`);
    }
    const body = item.body;
    return {
      method: String(item.method ?? 'GET').toUpperCase(),
      relativeUrl: item.relative_url,
      body: typeof body === 'string' || isRecord(body) ? body : undefined,
      headers: operationHeaders(item.headers),
    };
  });
};

/**
 * The sub-request as the dispatcher sees it. It inherits the batch's `access_token` parameter (and its
 * proof), the only fallback Meta documents; not the batch's Authorization header, which Meta does not
 * say it applies to items (https://developers.facebook.com/docs/graph-api/batch-requests).
 */
const toRequest = (ctx: GraphCtx, op: Operation): GraphRequest => {
  const url = new URL(`http://batch/${op.relativeUrl.replace(/^\/+/, '')}`);
  const version = /^\/(v\d+\.\d+)(?=\/|$)/.exec(url.pathname)?.[1];
  const path = url.pathname.replace(/^\/v\d+\.\d+(?=\/|$)/, '') || '/';
  const bodyParams =
    typeof op.body === 'string'
      ? Object.fromEntries(new URLSearchParams(op.body))
      : (op.body ?? {});
  const inherited: Record<string, unknown> = {};
  for (const name of ['access_token', 'appsecret_proof']) {
    const value = typeof ctx.req.params[name] === 'string' ? ctx.req.params[name] : undefined;
    if (value && !url.searchParams.has('access_token')) inherited[name] = value;
  }
  const form = Object.fromEntries(
    Object.entries(bodyParams).map(([name, value]): [string, string] => [name, String(value)])
  );
  return {
    method: op.method,
    path,
    version: version ?? ctx.req.version,
    query: url.searchParams,
    params: { ...inherited, ...Object.fromEntries(url.searchParams), ...bodyParams },
    headers: op.headers,
    rawBody: Buffer.alloc(0),
    body: Object.keys(form).length > 0 ? { form } : undefined,
  };
};

const runBatch = async (
  ctx: GraphCtx,
  runOne: RunOne
): Promise<GraphResult & { summary: { method: string; path: string; status: number }[] }> => {
  const operations = parseOperations(ctx);
  const includeHeaders = stringParam(ctx, 'include_headers') !== 'false';
  const answers: unknown[] = [];
  const summary: { method: string; path: string; status: number }[] = [];
  for (const op of operations) {
    const request = toRequest(ctx, op);
    const outcome = await runOne(request);
    summary.push({ method: request.method, path: request.path, status: outcome.status });
    if (outcome.timedOut) {
      answers.push(null);
      continue;
    }
    answers.push({
      code: outcome.status,
      ...(includeHeaders
        ? { headers: Object.entries(outcome.headers).map(([name, value]) => ({ name, value })) }
        : {}),
      body: outcome.text,
    });
  }
  return { json: answers, summary };
};

export type { Outcome, RunOne };
export { runBatch };
