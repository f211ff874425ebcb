import { describe, expect, it } from 'vitest';
import {
  appsecretProof,
  createGraphClient,
  GraphNotFoundError,
  GraphTokenError,
  GraphTransientError,
  MAX_BATCH_SIZE,
} from '../../../../functions/adapters/graph/index.js';
import { GRAPH_API_VERSION } from '../../../../functions/adapters/graph/version.js';
import { ValidationError } from '../../../../functions/core/errors.js';
import * as z from '../../../../functions/core/zod.js';
import { fakeSleep } from '../../../helpers/fake-sleep.js';
import { fakeFetch, graphError, json, type SeenRequest, silentLog } from './fake-fetch.js';

const clientWith = (fetch: ReturnType<typeof fakeFetch>['fetch']) =>
  createGraphClient({
    baseUrl: 'https://graph.example.test',
    appId: '1234',
    appSecret: 'app-secret-for-tests',
    fetch,
    retry: { maxAttempts: 3 },
    sleep: fakeSleep().sleep,
    random: () => 0,
    log: silentLog,
  });

const PROFILE = {
  messaging_product: 'whatsapp',
  about: 'Fresh bread daily',
  address: '12 Baker Street',
  description: 'A family bakery',
  email: 'hello@bakery.example',
  profile_picture_url: 'https://pps.whatsapp.net/v/pic',
  websites: ['https://bakery.example'],
  vertical: 'RESTAURANT',
};

const bodyOf = (request: SeenRequest | undefined): unknown =>
  typeof request?.body === 'string' ? JSON.parse(request.body) : undefined;

/** The items of a batch call, as the client put them in its form body. */
const batchItemsOf = (body: unknown) =>
  z
    .array(z.object({ relative_url: z.string() }))
    .parse(JSON.parse(new URLSearchParams(String(body)).get('batch') ?? '[]'));

describe('Function: createGraphClient', () => {
  describe('getBusinessProfile', () => {
    it('reads the docs shape (fields in data[0])', async () => {
      // Prepare
      const { fetch } = fakeFetch(json(200, { data: [PROFILE] }));

      // Act
      const { data } = await clientWith(fetch).getBusinessProfile('token', '500');

      // Assess
      expect(data).toEqual(PROFILE);
    });

    it('reads the spec shape (fields under data[0].business_profile)', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(json(200, { data: [{ business_profile: PROFILE }] }));

      // Act
      const { data } = await clientWith(fetch).getBusinessProfile('token', '500');

      // Assess
      expect(data).toEqual(PROFILE);
      expect(requests[0]?.url.pathname).toBe(`/${GRAPH_API_VERSION}/500/whatsapp_business_profile`);
    });

    it('accepts legacy verticals and over-long text on read', async () => {
      // Prepare
      const legacy = { ...PROFILE, vertical: 'UNDEFINED', description: 'x'.repeat(512) };
      const { fetch } = fakeFetch(json(200, { data: [legacy] }));

      // Act
      const { data } = await clientWith(fetch).getBusinessProfile('token', '500');

      // Assess
      expect(data.vertical).toBe('UNDEFINED');
    });
  });

  describe('updateBusinessProfile', () => {
    it('posts messaging_product with the fields and retries because it overwrites', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(
        graphError(500, { code: 2 }),
        json(200, { success: true })
      );

      // Act
      const { data } = await clientWith(fetch).updateBusinessProfile('token', '500', {
        about: 'Fresh bread daily',
        websites: ['https://bakery.example'],
        vertical: 'RESTAURANT',
      });

      // Assess
      expect(data).toBe(true);
      expect(requests).toHaveLength(2);
      expect(requests[1]?.method).toBe('POST');
      expect(bodyOf(requests[1])).toEqual({
        messaging_product: 'whatsapp',
        about: 'Fresh bread daily',
        websites: ['https://bakery.example'],
        vertical: 'RESTAURANT',
      });
    });

    it('refuses fields beyond WhatsApp limits without calling Meta', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(json(200, { success: true }));

      // Act
      const failure = clientWith(fetch).updateBusinessProfile('token', '500', {
        description: 'x'.repeat(257),
        websites: ['https://a.example', 'https://b.example', 'https://c.example'],
      });

      // Assess
      await expect(failure).rejects.toBeInstanceOf(ValidationError);
      expect(requests).toHaveLength(0);
    });
  });

  describe('listPages', () => {
    it('follows the after cursor, never the next URL', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(
        json(200, {
          data: [{ id: '1', name: 'One', access_token: 'p1' }],
          paging: {
            cursors: { after: 'CUR' },
            next: 'https://graph.example.test/vX/me/accounts?access_token=LEAK&after=CUR',
          },
        }),
        json(200, { data: [{ id: '2', name: 'Two' }], paging: { cursors: { after: 'END' } } })
      );

      // Act
      const result = await clientWith(fetch).listPages('user-token');

      // Assess
      expect(result.data.map((page) => page.id)).toEqual(['1', '2']);
      expect(result.truncated).toBe(false);
      expect(requests[1]?.url.searchParams.get('after')).toBe('CUR');
      expect(requests[1]?.url.searchParams.has('access_token')).toBe(false);
    });

    it('stops after maxPages and says so', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(
        json(200, {
          data: [{ id: '1', name: 'Loop' }],
          paging: { cursors: { after: 'SAME' }, next: 'https://graph.example.test/next' },
        })
      );

      // Act
      const result = await clientWith(fetch).listPages('user-token', { maxPages: 3 });

      // Assess
      expect(requests).toHaveLength(3);
      expect(result.truncated).toBe(true);
    });
  });

  describe('getPage', () => {
    it('sends If-None-Match and reports notModified on 304', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(
        new Response(null, { status: 304, headers: { etag: '"v1"' } })
      );

      // Act
      const result = await clientWith(fetch).getPage('token', '300', ['about', 'emails'], {
        etag: '"v1"',
      });

      // Assess
      expect(result).toMatchObject({ notModified: true, etag: '"v1"' });
      expect(requests[0]?.headers.get('if-none-match')).toBe('"v1"');
      expect(requests[0]?.url.searchParams.get('fields')).toBe('about,emails');
    });

    it('returns the Page and its ETag when changed', async () => {
      // Prepare
      const { fetch } = fakeFetch(json(200, { id: '300', about: 'Hi' }, { etag: '"v2"' }));

      // Act
      const result = await clientWith(fetch).getPage('token', '300', ['about']);

      // Assess
      expect(result).toMatchObject({
        notModified: false,
        etag: '"v2"',
        data: { id: '300', about: 'Hi' },
      });
    });
  });

  describe('listWabas', () => {
    it('lists owned and client WABAs, tagged by relation', async () => {
      // Prepare
      const { fetch } = fakeFetch((request) =>
        request.url.pathname.endsWith('/owned_whatsapp_business_accounts')
          ? json(200, { data: [{ id: '401', name: 'Own' }] })
          : json(200, { data: [{ id: '402', name: 'Client' }] })
      );

      // Act
      const { data } = await clientWith(fetch).listWabas('token', '200');

      // Assess
      expect(data).toEqual([
        { id: '401', name: 'Own', relation: 'owned' },
        { id: '402', name: 'Client', relation: 'client' },
      ]);
    });
  });

  describe('batch', () => {
    it(`splits more than ${MAX_BATCH_SIZE} requests into chunks and keeps the order`, async () => {
      // Prepare
      const { fetch, requests } = fakeFetch((request) => {
        const items = batchItemsOf(request.body);
        return json(
          200,
          items.map((item) => ({ code: 200, body: JSON.stringify({ id: item.relative_url }) }))
        );
      });
      const batch = Array.from({ length: 120 }, (_, index) => ({
        method: 'GET' as const,
        relativeUrl: String(index),
      }));

      // Act
      const { data } = await clientWith(fetch).batch('token', batch);

      // Assess
      expect(requests).toHaveLength(3);
      expect(data).toHaveLength(120);
      expect(data[119]).toEqual({ ok: true, code: 200, body: { id: '119' } });
    });

    it("sends the batch's fallback token as its access_token form field, as Meta's batch docs show", async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(json(200, [{ code: 200, body: '{}' }]));

      // Act
      await clientWith(fetch).batch('user-token', [{ method: 'GET', relativeUrl: 'me' }]);

      // Assess
      const form = new URLSearchParams(String(requests[0]?.body));
      expect(form.get('access_token')).toBe('user-token');
      expect(requests[0]?.url.searchParams.get('appsecret_proof')).toBe(
        appsecretProof('app-secret-for-tests', 'user-token')
      );
    });

    it("sends an item's own token with its own appsecret_proof, and no token on the others", async () => {
      // Prepare
      const { fetch, requests } = fakeFetch((request) => {
        const items = batchItemsOf(request.body);
        return json(
          200,
          items.map(() => ({ code: 200, body: '{}' }))
        );
      });

      // Act
      await clientWith(fetch).batch('user-token', [
        { method: 'GET', relativeUrl: '1001?fields=about', token: 'page-token' },
        { method: 'GET', relativeUrl: '2002/whatsapp_business_profile' },
      ]);

      // Assess
      const [page, profile] = batchItemsOf(requests[0]?.body);
      const pageUrl = new URL(`https://graph.example/${page?.relative_url}`);
      expect(pageUrl.searchParams.get('fields')).toBe('about');
      expect(pageUrl.searchParams.get('access_token')).toBe('page-token');
      expect(pageUrl.searchParams.get('appsecret_proof')).toBe(
        appsecretProof('app-secret-for-tests', 'page-token')
      );
      expect(profile?.relative_url).toBe('2002/whatsapp_business_profile');
    });

    it('types each failed item and marks timed-out items transient', async () => {
      // Prepare
      const { fetch } = fakeFetch(
        json(200, [
          { code: 200, body: '{"id":"1"}' },
          {
            code: 400,
            body: JSON.stringify({ error: { message: 'expired', code: 190, error_subcode: 463 } }),
          },
          { code: 404, body: JSON.stringify({ error: { message: 'gone', code: 803 } }) },
          null,
        ])
      );

      // Act
      const { data } = await clientWith(fetch).batch('token', [
        { method: 'GET', relativeUrl: '1' },
        { method: 'GET', relativeUrl: '2' },
        { method: 'GET', relativeUrl: '3' },
        { method: 'GET', relativeUrl: '4' },
      ]);

      // Assess
      const errors = data.map((item) => (item.ok ? undefined : item.error));
      expect(errors[0]).toBeUndefined();
      expect(errors[1]).toBeInstanceOf(GraphTokenError);
      expect(errors[2]).toBeInstanceOf(GraphNotFoundError);
      expect(errors[3]).toBeInstanceOf(GraphTransientError);
    });

    it('does not retry a batch containing a POST', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(graphError(500, { code: 2 }));

      // Act
      const failure = clientWith(fetch).batch('token', [
        { method: 'POST', relativeUrl: 'act_1/campaigns', body: { name: 'x' } },
      ]);

      // Assess
      await expect(failure).rejects.toBeInstanceOf(GraphTransientError);
      expect(requests).toHaveLength(1);
    });
  });

  describe('uploadProfilePicture', () => {
    it('creates a session, then uploads with OAuth and file_offset headers', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(
        json(200, { id: 'upload:abc' }),
        json(200, { h: '2:handle' })
      );
      const bytes = new Uint8Array([1, 2, 3, 4]);

      // Act
      const { data } = await clientWith(fetch).uploadProfilePicture(
        'token',
        bytes,
        'image/png',
        'pic.png'
      );

      // Assess
      expect(data.handle).toBe('2:handle');
      expect(requests[0]?.url.pathname).toBe(`/${GRAPH_API_VERSION}/1234/uploads`);
      expect(Object.fromEntries(requests[0]?.url.searchParams ?? [])).toMatchObject({
        file_name: 'pic.png',
        file_length: '4',
        file_type: 'image/png',
      });
      expect(requests[1]?.url.pathname).toBe(`/${GRAPH_API_VERSION}/upload:abc`);
      expect(requests[1]?.headers.get('authorization')).toBe('OAuth token');
      expect(requests[1]?.headers.get('file_offset')).toBe('0');
    });

    it('resumes from the offset Meta reports after a transient failure', async () => {
      // Prepare
      const { fetch, requests } = fakeFetch(
        json(200, { id: 'upload:abc' }),
        new TypeError('socket hang up'),
        json(200, { id: 'upload:abc', file_offset: 2 }),
        json(200, { h: '2:handle' })
      );

      // Act
      const { data } = await clientWith(fetch).uploadProfilePicture(
        'token',
        new Uint8Array([1, 2, 3, 4]),
        'image/jpeg',
        'pic.jpg'
      );

      // Assess
      expect(data.handle).toBe('2:handle');
      expect(requests[2]?.method).toBe('GET');
      expect(requests[3]?.headers.get('file_offset')).toBe('2');
      expect(requests[3]?.body).toEqual(new Uint8Array([3, 4]));
    });
  });

  describe('downloadImage', () => {
    it('downloads through the guarded fetch and hashes the bytes', async () => {
      // Prepare
      const seen: { url: string; maxBytes: number }[] = [];
      const graph = createGraphClient({
        baseUrl: 'https://graph.example.test',
        appId: '1234',
        appSecret: 'app-secret-for-tests',
        download: async (url, { maxBytes }) => {
          seen.push({ url, maxBytes });
          return {
            status: 200,
            bytes: new Uint8Array([137, 80, 78, 71]),
            contentType: 'image/png',
          };
        },
      });

      // Act
      const image = await graph.downloadImage('https://cdn.example/pic.png?sig=1', {
        maxBytes: 1024,
      });

      // Assess
      expect(seen).toEqual([{ url: 'https://cdn.example/pic.png?sig=1', maxBytes: 1024 }]);
      expect(image.contentType).toBe('image/png');
      expect(image.bytes).toEqual(new Uint8Array([137, 80, 78, 71]));
      expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
