import type { FetchLike } from '../../../../functions/adapters/graph/index.js';

/** What the fake saw of one request. */
interface SeenRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: RequestInit['body'];
}

type Reply = Response | Error | ((request: SeenRequest) => Response | Error);

/** JSON response with optional headers. */
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A Graph error object response. */
const graphError = (
  status: number,
  error: Record<string, unknown>,
  headers: Record<string, string> = {}
): Response =>
  json(status, { error: { message: 'boom', type: 'OAuthException', ...error } }, headers);

/**
 * A scripted `fetch`: answers each call with the next reply (the last one repeats) and records the
 * requests, so tests can count attempts and inspect URLs and headers without a network.
 */
const fakeFetch = (...replies: Reply[]) => {
  const requests: SeenRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const seen: SeenRequest = {
      url: new URL(url),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
    };
    requests.push(seen);
    const next = replies[Math.min(requests.length - 1, replies.length - 1)];
    if (next === undefined) throw new Error('fakeFetch has no reply scripted');
    const reply = typeof next === 'function' ? next(seen) : next;
    if (reply instanceof Error) throw reply;
    // A Response body can be read once; hand out a copy so a repeated reply still works.
    return reply.clone();
  };
  return { fetch, requests };
};

/** A logger that discards everything. */
const silentLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLog,
};

export type { SeenRequest };
export { fakeFetch, graphError, json, silentLog };
