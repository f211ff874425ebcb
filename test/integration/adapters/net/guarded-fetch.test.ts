import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createGuardedFetch,
  FetchRefusedError,
  type ResolvedAddress,
} from '../../../../functions/adapters/net/guarded-fetch.js';

/**
 * The guarded fetch against real sockets on loopback: a local HTTP server stands in for the file's
 * host, trusted explicitly only where a test says so.
 */

const servers: Server[] = [];
let connections = 0;

const serve = async (handler: RequestListener): Promise<string> => {
  const server = createServer(handler);
  server.on('connection', () => {
    connections += 1;
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

afterEach(async () => {
  connections = 0;
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
const png: RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'Image/PNG; charset=binary' });
  res.end(PNG);
};

const refusal = async (fetching: Promise<unknown>): Promise<FetchRefusedError> => {
  const error = await fetching.then(
    () => undefined,
    (caught: unknown) => caught
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return error as FetchRefusedError;
};

/** A resolver that answers `addresses` for every name, and counts its calls. */
const resolverOf = (addresses: string[]) => {
  const calls: string[] = [];
  return {
    calls,
    resolve: async (hostname: string): Promise<ResolvedAddress[]> => {
      calls.push(hostname);
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
  };
};

describe('Function: createGuardedFetch', () => {
  it('fetches from an explicitly trusted origin, with the media type lower-cased', async () => {
    // Prepare
    const origin = await serve(png);
    const fetchGuarded = createGuardedFetch({ trustedOrigins: [origin] });

    // Act
    const fetched = await fetchGuarded(`${origin}/pic.png`, { maxBytes: 1024 });

    // Assess
    expect(Buffer.from(fetched.bytes)).toEqual(PNG);
    expect(fetched.contentType).toBe('image/png');
  });

  it.each([
    'http://127.0.0.1:{port}/pic.png',
    'https://127.0.0.1:{port}/pic.png',
    'https://user:secret@images.example/pic.png',
    'ftp://images.example/pic.png',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s before connecting anywhere', async (template) => {
    // Prepare: the server is up, but its origin is not trusted.
    const origin = await serve(png);
    const url = template.replace('{port}', new URL(origin).port);
    const fetchGuarded = createGuardedFetch();

    // Act
    const error = await refusal(fetchGuarded(url, { maxBytes: 1024 }));

    // Assess
    expect(error.reason).toBe('url_not_allowed');
    expect(connections).toBe(0);
  });

  it.each([
    ['loopback', ['127.0.0.1']],
    ['the metadata service', ['169.254.169.254']],
    ['a private network', ['10.0.0.5']],
    ['CGNAT', ['100.64.1.1']],
    ['IPv6 loopback', ['::1']],
    ['an IPv6 unique-local address', ['fd00:ec2::254']],
    ['an IPv4-mapped address', ['::ffff:127.0.0.1']],
    ['a public and a private address', ['93.184.215.14', '192.168.0.1']],
    ['nothing', []],
  ])('refuses a host that resolves to %s', async (_what, addresses) => {
    // Prepare
    const resolver = resolverOf(addresses);
    const fetchGuarded = createGuardedFetch({ resolve: resolver.resolve });

    // Act
    const error = await refusal(fetchGuarded('https://images.example/pic.png', { maxBytes: 1 }));

    // Assess
    expect(error.reason).toBe('host_not_public');
    expect(error.message).toBe('its host does not resolve to a public address');
    expect(resolver.calls).toEqual(['images.example']);
  });

  it.each([
    'https://127.0.0.1/pic.png',
    'https://[::1]/pic.png',
    'https://169.254.169.254/latest/meta-data/',
    'https://0x7f000001/pic.png',
    'https://localhost/pic.png',
  ])('refuses the non-public address in %s', async (url) => {
    // Act
    const error = await refusal(createGuardedFetch()(url, { maxBytes: 1 }));

    // Assess
    expect(error.reason).toBe('host_not_public');
  });

  it('answers a name that does not resolve exactly as one that resolves privately', async () => {
    // Prepare
    const fetchGuarded = createGuardedFetch({
      resolve: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      },
    });

    // Act
    const error = await refusal(fetchGuarded('https://nowhere.example/pic.png', { maxBytes: 1 }));

    // Assess
    expect({ reason: error.reason, message: error.message }).toEqual({
      reason: 'host_not_public',
      message: 'its host does not resolve to a public address',
    });
  });

  it('does not follow a redirect, even to a trusted origin', async () => {
    // Prepare
    const target = await serve(png);
    const origin = await serve((_req, res) => {
      res.writeHead(302, { location: `${target}/pic.png` });
      res.end();
    });
    const fetchGuarded = createGuardedFetch({ trustedOrigins: [origin, target] });

    // Act
    const error = await refusal(fetchGuarded(`${origin}/moved`, { maxBytes: 1024 }));

    // Assess
    expect(error).toMatchObject({ reason: 'bad_status', status: 302, transient: false });
    expect(error.message).toMatch(/redirects are not followed/);
  });

  it('stops a body that streams past the size cap, declared or not', async () => {
    // Prepare
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(Buffer.alloc(600));
      res.end(Buffer.alloc(600));
    });
    const fetchGuarded = createGuardedFetch({ trustedOrigins: [origin] });

    // Act
    const error = await refusal(fetchGuarded(`${origin}/big.png`, { maxBytes: 1000 }));

    // Assess
    expect(error).toMatchObject({
      reason: 'too_large',
      message: 'the file is larger than 1000 bytes',
    });
  });

  it('gives up on a server that never finishes within the deadline', async () => {
    // Prepare
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(Buffer.alloc(10));
    });
    const fetchGuarded = createGuardedFetch({ trustedOrigins: [origin], timeoutMs: 300 });

    // Act
    const error = await refusal(fetchGuarded(`${origin}/slow.png`, { maxBytes: 1000 }));

    // Assess
    expect(error).toMatchObject({ reason: 'unreachable', transient: true });
  });

  it('answers a closed port as unreachable, like any other failure to connect', async () => {
    // Prepare
    const origin = await serve(png);
    const closed = servers.pop();
    await new Promise((resolve) => closed?.close(resolve));
    const fetchGuarded = createGuardedFetch({ trustedOrigins: [origin] });

    // Act
    const error = await refusal(fetchGuarded(`${origin}/pic.png`, { maxBytes: 1000 }));

    // Assess
    expect(error.reason).toBe('unreachable');
  });
});
