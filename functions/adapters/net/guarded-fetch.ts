import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { FetchRefusedError } from './fetch-refused.js';
import { isPublicAddress } from './public-address.js';

/**
 * The one way Tandem fetches a URL it did not build itself (an ad image a caller names, a Page
 * picture URL Meta returns, later story media and client webhook endpoints). Against server-side
 * request forgery:
 *
 * - Only `https:` on the default port, without user name or password. The one exception is an origin
 *   configured as trusted (the embedded default's own sandbox); nothing else on loopback.
 * - The host is resolved once and every address it resolves to must be public (public-address.ts);
 *   the connection then goes to that checked address (the TLS name is still the host's), so a DNS
 *   answer that changes between check and connect (rebinding) cannot move it elsewhere.
 * - Redirects are not followed: anything but 200 is a refusal (any 2xx for a POST, the webhook
 *   convention).
 * - The embedded default may also allow loopback (`allowLoopback`), so a client developer's receiver
 *   on their own machine gets events; nothing in AWS sets it.
 * - One deadline covers connecting, headers and body; the body is capped while it streams.
 * - Every failure is a FetchRefusedError with one of a few neutral reasons, so the answers cannot map
 *   a network (a closed port and a filtered one look the same).
 */

interface Fetched {
  status: number;
  bytes: Uint8Array;
  /** The media type the server declared, lower-cased, without parameters. */
  contentType: string;
  /** The size the server declared (`Content-Length`), when it did. */
  declaredBytes?: number;
}

interface FetchOptions {
  maxBytes: number;
  /**
   * Only the first `maxBytes` are read and the connection is then closed: a larger file is not a
   * refusal (a video's head says what it is).
   */
  prefix?: boolean;
  /** Default GET. */
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

/** Fetches one URL under the rules above. */
type GuardedFetch = (url: string, options: FetchOptions) => Promise<Fetched>;

/** Checks a URL under the same rules without fetching it (resolving its host). */
type UrlCheck = (url: string) => Promise<void>;

interface ResolvedAddress {
  address: string;
  family: number;
}

interface GuardedFetchOptions {
  /**
   * Origins fetched as they are, without the public-address rule: only the embedded default sets one
   * (its Meta sandbox, on loopback). Compared exactly: scheme, host and port.
   */
  trustedOrigins?: readonly string[];
  /**
   * Loopback hosts (127.0.0.0/8, ::1, localhost) on any port, http or https: only the embedded
   * default sets it, so webhook endpoints on the developer's machine receive events.
   */
  allowLoopback?: boolean;
  /** For the whole fetch, connection to last byte. */
  timeoutMs?: number;
  /** Resolves a host name to every address it has; injectable so tests need no DNS. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  userAgent?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

const systemResolve = (hostname: string): Promise<ResolvedAddress[]> =>
  lookup(hostname, { all: true, verbatim: true });

/** The host without the brackets of an IPv6 literal. */
const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

const mediaTypeOf = (header: string | undefined): string =>
  header?.split(';')[0]?.trim().toLowerCase() || 'application/octet-stream';

const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** The rules above as two functions: check a URL, or fetch it. */
const createGuard = (options: GuardedFetchOptions) => {
  const trusted = new Set((options.trustedOrigins ?? []).map((origin) => new URL(origin).origin));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const resolve = options.resolve ?? systemResolve;
  const userAgent = options.userAgent ?? 'Tandem/1.0';

  const refuseUrl = () =>
    new FetchRefusedError(
      'url_not_allowed',
      'only https:// URLs on the default port, without a user name or password, are fetched'
    );
  const notPublic = () =>
    new FetchRefusedError('host_not_public', 'its host does not resolve to a public address');
  const unreachable = (cause?: unknown) =>
    new FetchRefusedError(
      'unreachable',
      `the server could not be reached or did not send the file within ${timeoutMs / 1000} seconds`,
      undefined,
      cause ? { cause } : undefined
    );
  const tooLarge = (maxBytes: number) =>
    new FetchRefusedError('too_large', `the file is larger than ${maxBytes} bytes`);

  /** The address to connect to: a checked public one, or the host itself for a trusted origin. */
  const addressFor = async (url: URL): Promise<string> => {
    if (trusted.has(url.origin)) return url.hostname;
    if (options.allowLoopback && isLoopbackHost(bareHost(url)) && !url.username && !url.password) {
      return bareHost(url);
    }
    if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) {
      throw refuseUrl();
    }
    const host = bareHost(url);
    let addresses: ResolvedAddress[];
    try {
      addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
    } catch {
      // A name that does not resolve and one that resolves privately answer alike.
      throw notPublic();
    }
    const [first] = addresses;
    if (!first || !addresses.every((entry) => isPublicAddress(entry.address))) throw notPublic();
    return first.address;
  };

  const receive = (
    response: IncomingMessage,
    maxBytes: number,
    method: 'GET' | 'POST',
    prefix: boolean
  ): Promise<Fetched> =>
    new Promise((resolveBody, reject) => {
      const status = response.statusCode ?? 0;
      if (method === 'POST' ? status < 200 || status > 299 : status !== 200) {
        response.destroy();
        reject(
          new FetchRefusedError(
            'bad_status',
            `the server answered HTTP ${status}, not 200 with the file (redirects are not followed)`,
            status
          )
        );
        return;
      }
      const declared = Number(response.headers['content-length']);
      const declaredBytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
      if (!prefix && (declaredBytes ?? 0) > maxBytes) {
        response.destroy();
        reject(tooLarge(maxBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        resolveBody({
          status,
          bytes: new Uint8Array(Buffer.concat(chunks)),
          contentType: mediaTypeOf(response.headers['content-type']),
          ...(declaredBytes !== undefined ? { declaredBytes } : {}),
        });
      response.on('data', (chunk: Buffer) => {
        if (prefix && size + chunk.length >= maxBytes) {
          chunks.push(chunk.subarray(0, maxBytes - size));
          size = maxBytes;
          response.destroy();
          done();
          return;
        }
        size += chunk.length;
        if (size > maxBytes) {
          response.destroy();
          reject(tooLarge(maxBytes));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', done);
      response.on('error', (error) => reject(unreachable(error)));
    });

  const parseUrl = (rawUrl: string): URL => {
    const url = URL.canParse(rawUrl) ? new URL(rawUrl) : undefined;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw refuseUrl();
    return url;
  };

  const check: UrlCheck = async (rawUrl) => {
    await addressFor(parseUrl(rawUrl));
  };

  const fetchGuarded: GuardedFetch = async (
    rawUrl,
    { maxBytes, prefix = false, method = 'GET', body, headers }
  ) => {
    const url = parseUrl(rawUrl);
    const address = await addressFor(url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const signal = AbortSignal.timeout(timeoutMs);
    return new Promise<Fetched>((resolveFetch, reject) => {
      const outgoing = send(
        {
          host: address,
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          method,
          // The certificate is checked against the host name, not the address connected to.
          servername: isIP(bareHost(url)) ? undefined : bareHost(url),
          headers: {
            ...headers,
            host: url.host,
            'user-agent': userAgent,
            accept: '*/*',
            ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          },
          agent: false,
          signal,
        },
        (response) => receive(response, maxBytes, method, prefix).then(resolveFetch, reject)
      );
      outgoing.on('error', (error) => reject(unreachable(error)));
      outgoing.end(body);
    });
  };

  return { check, fetch: fetchGuarded };
};

/**
 * Creates the fetch.
 *
 * @example
 * const fetchGuarded = createGuardedFetch({ trustedOrigins: config.TRUSTED_FETCH_ORIGINS });
 * const { bytes, contentType } = await fetchGuarded(url, { maxBytes: 5 * 1024 * 1024 });
 */
const createGuardedFetch = (options: GuardedFetchOptions = {}): GuardedFetch =>
  createGuard(options).fetch;

/**
 * Creates the URL check: what a fetch would refuse before connecting, refused at registration.
 *
 * @example
 * await createUrlCheck({})('https://hooks.example.com/tandem'); // throws FetchRefusedError
 */
const createUrlCheck = (options: GuardedFetchOptions = {}): UrlCheck => createGuard(options).check;

export type { FetchRefusal } from './fetch-refused.js';
export type { Fetched, FetchOptions, GuardedFetch, GuardedFetchOptions, ResolvedAddress, UrlCheck };
export { createGuardedFetch, createUrlCheck, FetchRefusedError };
