import { describe, expect, it } from 'vitest';
import {
  type BatchItemResult,
  type BatchRequest,
  type GraphClient,
  GraphNotFoundError,
  GraphRateLimitError,
  GraphTokenError,
  GraphTransientError,
} from '../../../../functions/adapters/graph/index.js';
import { createLinkObserver } from '../../../../functions/adapters/meta/link-observer.js';
import { RateLimitError, UpstreamError } from '../../../../functions/core/errors.js';
import {
  defaultSync,
  type Grant,
  type Link,
  type SealedSecret,
  UNSUPPORTED_FIELDS,
} from '../../../../functions/core/linking/model.js';
import type { GrantRepository, TokenVault } from '../../../../functions/core/linking/ports.js';

const TENANT = 'tenant-a';
const GRANT_ID = `grt_${'a'.repeat(32)}`;
const USER_TOKEN = 'user-token';

const linkOf = (n: number, overrides: Partial<Link> = {}): Link => ({
  linkId: `lnk_${String(n).padStart(32, '0')}`,
  tenantId: TENANT,
  grantId: GRANT_ID,
  metaUserId: '700',
  pageId: `100${n}`,
  pageName: `Page ${n}`,
  wabaId: '200',
  phoneNumberId: `300${n}`,
  displayPhoneNumber: '+1 555 0100',
  status: 'active',
  sync: defaultSync(),
  unsupported: UNSUPPORTED_FIELDS,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

const grant: Grant = {
  grantId: GRANT_ID,
  tenantId: TENANT,
  metaUserId: '700',
  scopes: [],
  wabaIds: ['200'],
  token: {
    v: 1,
    alg: 'AES-256-GCM',
    keyRef: 'local',
    wrappedKey: '',
    iv: '',
    tag: '',
    ciphertext: USER_TOKEN,
  },
  linkCount: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

const grants = (known: Grant[] = [grant]): GrantRepository =>
  ({
    get: async (tenantId: string, grantId: string) =>
      known.find((item) => item.tenantId === tenantId && item.grantId === grantId),
  }) as unknown as GrantRepository;

const vault: TokenVault = {
  seal: async () => grant.token,
  open: async (sealed) => sealed.ciphertext,
  withKey: async (sealed, _context, fn) =>
    fn({
      token: sealed.ciphertext,
      seal: (plaintext, secret) => ({
        v: 1,
        iv: '',
        tag: JSON.stringify(secret),
        ciphertext: plaintext,
      }),
      open: (secret, context) =>
        secret.tag === JSON.stringify(context) ? secret.ciphertext : undefined,
    }),
};

const ok = (body: unknown): BatchItemResult => ({ ok: true, code: 200, body });
const fail = (error: BatchItemResult & { ok: false }): BatchItemResult => error;

const pageBody = (id: string) => ({
  id,
  about: 'Fresh bread.',
  description: 'A family bakery.',
  emails: ['hi@bakery.example'],
  website: 'https://bakery.example',
  single_line_address: '1 Main St',
  category: 'Bakery',
  category_list: [
    { id: '1', name: 'Bakery' },
    { id: '2', name: 'Cafe' },
  ],
  hours: { mon_1_open: '08:00', mon_1_close: '17:00' },
  picture: { data: { url: `https://cdn.example/${id}.png`, is_silhouette: false } },
});

const profileBody = {
  data: [
    { about: 'Hi', description: 'Old', websites: ['https://a.example'], vertical: 'UNDEFINED' },
  ],
};

/**
 * A GraphClient that answers batch items by their URL through `answer`, and records what it was
 * asked; only the operations the observer uses exist.
 */
const fakeGraph = (answer: (request: BatchRequest) => BatchItemResult) => {
  const batches: { token: string; requests: BatchRequest[] }[] = [];
  const downloads: string[] = [];
  const client = {
    batch: async (token: string, requests: readonly BatchRequest[]) => {
      batches.push({ token, requests: [...requests] });
      return {
        data: requests.map(answer),
        usage: { maxUsagePercent: 0 },
      };
    },
    downloadImage: async (url: string) => {
      downloads.push(url);
      return { bytes: new Uint8Array([1]), contentType: 'image/png', sha256: `sha-of-${url}` };
    },
  } as unknown as GraphClient;
  return { graph: async () => client, batches, downloads };
};

const standard = (request: BatchRequest): BatchItemResult => {
  const [path] = request.relativeUrl.split('?');
  if (request.relativeUrl.includes('fields=access_token')) {
    return ok({ id: path, access_token: `page-token-${path}` });
  }
  if (path?.endsWith('/whatsapp_business_profile')) return ok(profileBody);
  return ok(pageBody(path ?? ''));
};

const observerWith = (
  graph: ReturnType<typeof fakeGraph>,
  options: { grants?: GrantRepository } = {}
) =>
  createLinkObserver({
    graph: graph.graph,
    grants: options.grants ?? grants(),
    vault,
  });

describe('Function: createLinkObserver', () => {
  describe('Method: observe', () => {
    it('maps the Page and the WhatsApp profile into an observation', async () => {
      // Prepare
      const graph = fakeGraph(standard);
      const observer = observerWith(graph);

      // Act
      const observation = await observer.observe(linkOf(1));

      // Assess
      expect(observation).toEqual({
        kind: 'observed',
        page: {
          pageId: '1001',
          about: 'Fresh bread.',
          description: 'A family bakery.',
          emails: ['hi@bakery.example'],
          website: 'https://bakery.example',
          singleLineAddress: '1 Main St',
          categories: ['Bakery', 'Cafe'],
          hours: { mon_1_open: '08:00', mon_1_close: '17:00' },
          picture: {
            url: 'https://cdn.example/1001.png',
            sha256: 'sha-of-https://cdn.example/1001.png',
          },
        },
        // A legacy vertical (UNDEFINED) reads as unset.
        whatsapp: { about: 'Hi', description: 'Old', websites: ['https://a.example'] },
        // The Page answered without its WhatsApp fields: the link cannot be told.
        metaLink: { answered: true },
      });
    });

    it("asks for Meta's Page <-> number link fields in the Page read itself", async () => {
      // Prepare
      const graph = fakeGraph((request) =>
        request.relativeUrl.startsWith('1001?fields=about')
          ? ok({ ...pageBody('1001'), whatsapp_number: '15550100', has_whatsapp_number: true })
          : standard(request)
      );
      const observer = observerWith(graph);

      // Act
      const observed = await observer.observeMany([linkOf(1)]);

      // Assess
      const reads = graph.batches[1]?.requests ?? [];
      expect(reads).toHaveLength(2);
      expect(decodeURIComponent(reads[0]?.relativeUrl ?? '')).toContain(
        'whatsapp_number,has_whatsapp_number,has_whatsapp_business_number'
      );
      expect(observed.get(linkOf(1).linkId)).toMatchObject({
        metaLink: { answered: true, whatsappNumber: '15550100', hasWhatsAppNumber: true },
      });
    });

    it("reads the number's health only for links whose daily check is due", async () => {
      // Prepare
      const graph = fakeGraph((request) =>
        request.relativeUrl.endsWith('?fields=health_status')
          ? ok({
              health_status: {
                can_send_message: 'BLOCKED',
                entities: [
                  {
                    entity_type: 'PHONE_NUMBER',
                    id: '3001',
                    can_send_message: 'BLOCKED',
                    errors: [{ error_code: 141000, error_description: 'Number blocked.' }],
                  },
                ],
              },
            })
          : standard(request)
      );
      const observer = observerWith(graph);
      const due = linkOf(1);

      // Act
      const observed = await observer.observeMany([due, linkOf(2)], {
        dailyChecks: (link) => link.linkId === due.linkId,
      });

      // Assess
      const urls = (graph.batches[1]?.requests ?? []).map((request) => request.relativeUrl);
      expect(urls.filter((url) => url.endsWith('health_status'))).toEqual([
        '3001?fields=health_status',
      ]);
      expect(observed.get(due.linkId)).toMatchObject({
        health: { canSendMessage: 'BLOCKED' },
      });
      expect(observed.get(linkOf(2).linkId)).not.toHaveProperty('health');
    });

    it('reads the Page with its own Page token and proof, the profile with the user token', async () => {
      // Prepare
      const graph = fakeGraph(standard);
      const observer = observerWith(graph);

      // Act
      await observer.observe(linkOf(1));

      // Assess
      const [tokens, reads] = graph.batches;
      expect(tokens?.requests).toEqual([
        { method: 'GET', relativeUrl: '1001?fields=access_token' },
      ]);
      expect(reads?.token).toBe(USER_TOKEN);
      expect(reads?.requests[0]?.token).toBe('page-token-1001');
      expect(reads?.requests[1]?.token).toBeUndefined();
    });

    it('stores a fetched Page token sealed on the link, and a link holding one fetches none', async () => {
      // Prepare
      const graph = fakeGraph(standard);
      const stored: { link: Link; sealed: SealedSecret | undefined }[] = [];
      const observer = createLinkObserver({
        graph: graph.graph,
        grants: grants(),
        vault,
        pageTokens: {
          storePageToken: async (link, sealed) => {
            stored.push({ link, sealed });
          },
        },
      });

      // Act
      await observer.observe(linkOf(1));
      const sealed = stored[0]?.sealed;
      await observer.observe(linkOf(1, sealed ? { pageToken: sealed } : {}));

      // Assess
      expect(sealed).toBeDefined();
      expect(graph.batches.map((batch) => batch.requests.length)).toEqual([1, 2, 2]);
      expect(graph.batches[2]?.requests[0]?.token).toBe('page-token-1001');
      // Picture hashes stay cached per container.
      expect(graph.downloads).toEqual(['https://cdn.example/1001.png']);
    });

    it('fetches the Page token again when the stored one was sealed for another Page', async () => {
      // Prepare
      const graph = fakeGraph(standard);
      const observer = observerWith(graph);
      const foreign: SealedSecret = {
        v: 1,
        iv: '',
        tag: JSON.stringify({
          tenantId: TENANT,
          grantId: GRANT_ID,
          purpose: 'page_token',
          pageId: '999',
        }),
        ciphertext: 'page-token-999',
      };

      // Act
      await observer.observe(linkOf(1, { pageToken: foreign }));

      // Assess
      expect(graph.batches[0]?.requests).toEqual([
        { method: 'GET', relativeUrl: '1001?fields=access_token' },
      ]);
      expect(graph.batches[1]?.requests[0]?.token).toBe('page-token-1001');
    });

    it('answers token_invalid when Meta rejects the token (190)', async () => {
      // Prepare
      const graph = fakeGraph((request) =>
        request.relativeUrl.includes('whatsapp_business_profile')
          ? fail({
              ok: false,
              code: 400,
              error: new GraphTokenError({ message: 'expired', code: 190, subcode: 463 }),
            })
          : standard(request)
      );

      // Act
      const observation = await observerWith(graph).observe(linkOf(1));

      // Assess
      expect(observation).toEqual({ kind: 'token_invalid' });
    });

    it('answers asset_gone for a missing Page and for a missing number', async () => {
      // Prepare
      const notFound = fail({
        ok: false,
        code: 404,
        error: new GraphNotFoundError({ message: 'gone', code: 803 }),
      });
      const pageGone = fakeGraph((request) =>
        request.relativeUrl.startsWith('1001') ? notFound : standard(request)
      );
      const numberGone = fakeGraph((request) =>
        request.relativeUrl.startsWith('3001') ? notFound : standard(request)
      );

      // Act
      const page = await observerWith(pageGone).observe(linkOf(1));
      const number = await observerWith(numberGone).observe(linkOf(1));

      // Assess
      expect(page).toEqual({ kind: 'asset_gone', which: 'page' });
      expect(number).toEqual({ kind: 'asset_gone', which: 'phone_number' });
    });

    it('answers token_invalid when the grant no longer exists', async () => {
      // Prepare
      const graph = fakeGraph(standard);

      // Act
      const observation = await observerWith(graph, { grants: grants([]) }).observe(linkOf(1));

      // Assess
      expect(observation).toEqual({ kind: 'token_invalid' });
      expect(graph.batches).toHaveLength(0);
    });

    it('throws a retryable error when Meta is briefly unavailable', async () => {
      // Prepare
      const graph = fakeGraph((request) =>
        request.relativeUrl.includes('whatsapp_business_profile')
          ? fail({ ok: false, code: 500, error: new GraphTransientError({ message: 'down' }) })
          : standard(request)
      );

      // Act
      const observing = observerWith(graph).observe(linkOf(1));

      // Assess
      await expect(observing).rejects.toBeInstanceOf(UpstreamError);
      await expect(observing).rejects.toMatchObject({ retryable: true });
    });
  });

  describe('Method: observeMany', () => {
    it('reads all links of a grant in one batch of two items per link', async () => {
      // Prepare
      const graph = fakeGraph(standard);
      const links = [linkOf(1), linkOf(2), linkOf(3)];

      // Act
      const observations = await observerWith(graph).observeMany(links);

      // Assess
      expect([...observations.keys()]).toEqual(links.map((link) => link.linkId));
      expect(graph.batches.map((batch) => batch.requests.length)).toEqual([3, 6]);
    });

    it('downloads no picture when asked to leave pictures out', async () => {
      // Prepare
      const graph = fakeGraph(standard);

      // Act
      const observations = await observerWith(graph).observeMany([linkOf(1), linkOf(2)], {
        pictures: false,
      });

      // Assess
      expect(graph.downloads).toEqual([]);
      expect(
        [...observations.values()].map((observation) =>
          observation.kind === 'observed' ? observation.page.picture : 'not observed'
        )
      ).toEqual([undefined, undefined]);
    });

    it('leaves out a link whose read failed and keeps the others', async () => {
      // Prepare
      const graph = fakeGraph((request) =>
        request.relativeUrl.startsWith('3002')
          ? fail({ ok: false, code: 500, error: new GraphTransientError({ message: 'down' }) })
          : standard(request)
      );

      // Act
      const observations = await observerWith(graph).observeMany([linkOf(1), linkOf(2)]);

      // Assess
      expect([...observations.keys()]).toEqual([linkOf(1).linkId]);
    });

    it('rejects with a RateLimitError carrying the wait when Meta throttles', async () => {
      // Prepare
      const graph = fakeGraph((request) =>
        request.relativeUrl.includes('whatsapp_business_profile')
          ? fail({
              ok: false,
              code: 429,
              error: new GraphRateLimitError({ message: 'slow down', code: 80007 }, 120),
            })
          : standard(request)
      );

      // Act
      const observing = observerWith(graph).observeMany([linkOf(1)]);

      // Assess
      await expect(observing).rejects.toBeInstanceOf(RateLimitError);
      await expect(observing).rejects.toMatchObject({ retryAfterSeconds: 120 });
    });
  });
});
