import type { FetchLike } from '../../../functions/adapters/graph/index.js';
import {
  batchItems,
  checkMetaCall,
  describePath,
  type MetaCall,
  type Violation,
} from '../../../infra/local/meta-sandbox/src/meta-spec/index.js';

/**
 * A fetch that records every request Tandem's Graph client sends, and the check of those records
 * against Meta's artifacts (infra/local/meta-sandbox/src/meta-spec), independent of what the sandbox answered.
 */

interface Recorded {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** The body as sent: text for JSON and forms, a byte count for binary uploads. */
  body: { text: string; contentType: string } | { bytes: number } | undefined;
}

const headersOf = (init: RequestInit): Record<string, string> =>
  Object.fromEntries(
    Object.entries((init.headers as Record<string, string> | undefined) ?? {}).map(
      ([key, value]) => [key.toLowerCase(), value]
    )
  );

/** A recording wrapper around global fetch; `requests` fills as the client calls. */
const recordingFetch = (): { fetch: FetchLike; requests: Recorded[] } => {
  const requests: Recorded[] = [];
  return {
    requests,
    fetch: (url, init) => {
      const headers = headersOf(init);
      const body =
        init.body === undefined || init.body === null
          ? undefined
          : typeof init.body === 'string'
            ? { text: init.body, contentType: headers['content-type'] ?? '' }
            : { bytes: (init.body as Uint8Array).byteLength };
      requests.push({ method: init.method ?? 'GET', url: new URL(url), headers, body });
      return fetch(url, init);
    },
  };
};

interface Finding {
  request: string;
  checkedBy: string;
  violations: Violation[];
}

const bodyOf = (recorded: Recorded): MetaCall['body'] => {
  const body = recorded.body;
  if (!body) return undefined;
  if ('bytes' in body) return { bytes: body.bytes };
  if (body.contentType.startsWith('application/json')) return { json: JSON.parse(body.text) };
  return { form: Object.fromEntries(new URLSearchParams(body.text)) };
};

const describeCall = (
  method: string,
  url: URL,
  body: MetaCall['body'],
  headers: Record<string, string | undefined>,
  nodeOf: (id: string) => string | undefined
): Finding => {
  const request = `${method} ${url.pathname}`;
  const path = describePath(url.pathname, nodeOf);
  if (!path) {
    return {
      request,
      checkedBy: 'none',
      violations: [
        {
          rule: 'unknown_edge',
          message: `the test cannot tell which node ${url.pathname} names`,
          source: 'test',
          code: 0,
        },
      ],
    };
  }
  const result = checkMetaCall({
    method,
    ...path,
    query: Object.fromEntries(url.searchParams),
    ...(body ? { body } : {}),
    headers,
  });
  return { request, ...result };
};

/**
 * Checks every recorded request, and every item of every batch as its own call. Answers one
 * finding per call, so a test can assert that each was checked and none broke a rule.
 */
const checkRecorded = (
  requests: readonly Recorded[],
  nodeOf: (id: string) => string | undefined
): Finding[] =>
  requests.flatMap((recorded) => {
    if (recorded.url.pathname.startsWith('/_media/')) return [];
    const body = bodyOf(recorded);
    const call = describeCall(recorded.method, recorded.url, body, recorded.headers, nodeOf);
    if (!call.request.match(/^POST \/v\d+\.\d+\/?$/)) return [call];
    const version = /\/(v\d+\.\d+)/.exec(recorded.url.pathname)?.[1] ?? '';
    const params = {
      ...Object.fromEntries(recorded.url.searchParams),
      ...(body && 'form' in body ? body.form : {}),
    };
    const items = batchItems(params).map((item) => {
      const url = new URL(`/${version}/${item.relativeUrl}`, recorded.url);
      const itemBody = Object.keys(item.body).length > 0 ? { form: item.body } : undefined;
      return describeCall(item.method, url, itemBody, {}, nodeOf);
    });
    return [call, ...items];
  });

export type { Finding, Recorded };
export { checkRecorded, recordingFetch };
