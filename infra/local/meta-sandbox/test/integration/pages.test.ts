import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/seed.js';
import type { Sandbox } from '../../src/server.js';
import {
  ALL_SCOPES,
  admin,
  type GraphErrorBody,
  graph,
  login,
  startTestSandbox,
} from './helpers.js';

let sandbox: Sandbox;
let token: string;

interface AccountsPage {
  data: { id: string; name: string; access_token: string; category: string; tasks: string[] }[];
  paging: { cursors: { before: string; after: string }; next?: string };
}

const PAGE_FIELDS =
  'about,description,emails,website,phone,hours,single_line_address,location,category,category_list,name,whatsapp_number,has_whatsapp_business_number,picture';

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
  token = await login(sandbox);
});

describe('Sandbox: Pages', () => {
  it('lists the user’s Pages with Page tokens, one cursor page at a time', async () => {
    // Act
    const first = await graph<AccountsPage>(sandbox, '/me/accounts?limit=1', { token });
    const next = new URL(first.body.paging.next ?? '');
    const second = await graph<AccountsPage>(
      sandbox,
      `/me/accounts?limit=1&after=${next.searchParams.get('after')}`,
      { token }
    );

    // Assess
    expect(first.body.data).toHaveLength(1);
    expect(first.body.data[0]).toMatchObject({
      id: DEMO.pageId,
      name: DEMO.pageName,
      category: 'Bakery',
    });
    expect(first.body.data[0]?.access_token).toMatch(/^EAA/);
    expect(first.body.data[0]?.tasks).toContain('ADVERTISE');
    expect(second.body.data[0]?.id).toBe(DEMO.annexPageId);
    expect(second.body.paging.next).toBeUndefined();
  });

  it('needs pages_show_list to list Pages', async () => {
    // Prepare
    const narrow = await login(
      sandbox,
      ALL_SCOPES.filter((scope) => scope !== 'pages_show_list')
    );

    // Act
    const reply = await graph<GraphErrorBody>(sandbox, '/me/accounts', { token: narrow });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('pages_show_list');
  });

  it('reads the Page fields Tandem syncs', async () => {
    // Act
    const reply = await graph<Record<string, unknown>>(
      sandbox,
      `/${DEMO.pageId}?fields=${PAGE_FIELDS}`,
      { token }
    );

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: DEMO.pageId,
      name: DEMO.pageName,
      category: 'Bakery',
      emails: ['hello@demobakery.example'],
      website: 'https://demobakery.example',
      whatsapp_number: DEMO.pageWhatsappNumber,
      has_whatsapp_business_number: true,
      location: { city: 'Springfield' },
    });
    expect(reply.body.hours).toMatchObject({ mon_1_open: '07:00' });
    expect(reply.body.picture).toMatchObject({ data: { is_silhouette: false } });
  });

  it('reads a Page with its own Page token', async () => {
    // Prepare
    const accounts = await graph<AccountsPage>(sandbox, '/me/accounts', { token });
    const pageToken = accounts.body.data[0]?.access_token ?? '';

    // Act
    const reply = await graph(sandbox, `/${DEMO.pageId}?fields=name,about`, { token: pageToken });

    // Assess
    expect(reply.body).toMatchObject({ id: DEMO.pageId, about: expect.any(String) });
  });

  it('answers an unknown Page id with code 100, subcode 33', async () => {
    // Act
    const reply = await graph<GraphErrorBody>(sandbox, '/399999999999999?fields=name', { token });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
    });
    expect(reply.body.error.message).toContain("Object with ID '399999999999999' does not exist");
  });

  it('rejects a field the Page node does not have', async () => {
    // Act
    const reply = await graph<GraphErrorBody>(sandbox, `/${DEMO.pageId}?fields=name,colour`, {
      token,
    });

    // Assess
    expect(reply.body.error.code).toBe(100);
    expect(reply.body.error.message).toContain('(colour)');
  });

  it('answers 304 to If-None-Match until the Page changes', async () => {
    // Prepare
    const first = await graph(sandbox, `/${DEMO.pageId}?fields=${PAGE_FIELDS}`, { token });
    const etag = first.headers.get('etag') ?? '';

    // Act
    const unchanged = await graph(sandbox, `/${DEMO.pageId}?fields=${PAGE_FIELDS}`, {
      token,
      headers: { 'if-none-match': etag },
    });
    await admin(sandbox, 'PATCH', `/pages/${DEMO.pageId}`, {
      website: 'https://demobakery.example/new',
    });
    const changed = await graph(sandbox, `/${DEMO.pageId}?fields=${PAGE_FIELDS}`, {
      token,
      headers: { 'if-none-match': etag },
    });

    // Assess
    expect(etag).toMatch(/^".+"$/);
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe('');
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('serves the Page picture as PNG bytes that change when the picture is edited', async () => {
    // Prepare
    const before = await graph<{
      data: { url: string; width: number; height: number; is_silhouette: boolean };
    }>(sandbox, `/${DEMO.pageId}/picture?redirect=false&type=large`, { token });

    // Act
    const bytesBefore = Buffer.from(await (await fetch(before.body.data.url)).arrayBuffer());
    await admin(sandbox, 'PATCH', `/pages/${DEMO.pageId}`, { picture: true });
    const after = await graph<{ data: { url: string } }>(
      sandbox,
      `/${DEMO.pageId}/picture?redirect=false&type=large`,
      { token }
    );
    const bytesAfter = Buffer.from(await (await fetch(after.body.data.url)).arrayBuffer());

    // Assess
    expect(before.body.data).toMatchObject({ width: 200, height: 200, is_silhouette: false });
    expect(bytesBefore.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytesBefore.readUInt32BE(16)).toBe(200);
    expect(after.body.data.url).not.toBe(before.body.data.url);
    expect(bytesAfter.equals(bytesBefore)).toBe(false);
  });

  it('redirects to the picture when redirect is not turned off', async () => {
    // Act
    const reply = await graph(sandbox, `/${DEMO.pageId}/picture?type=small`, { token });

    // Assess
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toContain(`/_media/pages/${DEMO.pageId}/picture/`);
  });
});
