import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/seed.js';
import type { Sandbox } from '../../src/server.js';
import { admin, graph, login, startTestSandbox } from './helpers.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
});

describe('Sandbox: admin API', () => {
  it('creates another user whose Pages the demo user cannot read', async () => {
    // Prepare
    const other = await admin<{
      userId: string;
      pageIds: string[];
      wabaId: string;
      phoneNumberIds: string[];
      adAccountId: string;
    }>(sandbox, 'POST', '/users', { name: 'Other Owner', pages: 2, phoneNumbers: 1 });
    await admin(sandbox, 'POST', '/settings', { dialogUserId: other.body.userId });
    const otherToken = await login(sandbox);
    await admin(sandbox, 'POST', '/settings', { dialogUserId: DEMO.userId });
    const demoToken = await login(sandbox);

    // Act
    const own = await graph<{ data: { id: string }[] }>(sandbox, '/me/accounts', {
      token: otherToken,
    });
    const foreign = await graph(sandbox, `/${other.body.pageIds[0]}?fields=name`, {
      token: demoToken,
    });

    // Assess
    expect(other.status).toBe(201);
    expect(new Set([other.body.userId, ...other.body.pageIds, other.body.wabaId]).size).toBe(4);
    expect(own.body.data.map((page) => page.id)).toEqual(other.body.pageIds);
    expect(foreign.body).toMatchObject({ error: { code: 100, error_subcode: 33 } });
  });

  it('bulk-seeds linked Page, WABA and number sets reachable by the demo user', async () => {
    // Act
    const seeded = await admin<{
      created: number;
      links: { pageId: string; wabaId: string; phoneNumberId: string }[];
    }>(sandbox, 'POST', '/seed/bulk', { count: 1000 });
    const token = await login(sandbox);
    const last = seeded.body.links.at(-1);
    const page = await graph(sandbox, `/${last?.pageId}?fields=whatsapp_number`, { token });
    const numbers = await graph<{ data: { id: string }[] }>(
      sandbox,
      `/${last?.wabaId}/phone_numbers`,
      { token }
    );

    // Assess
    expect(seeded.body.created).toBe(1000);
    expect(page.body).toMatchObject({ whatsapp_number: expect.stringMatching(/^\d+$/) });
    expect(numbers.body.data).toEqual([expect.objectContaining({ id: last?.phoneNumberId })]);
  });

  it('puts the demo business back on reset', async () => {
    // Prepare
    await admin(sandbox, 'PATCH', `/pages/${DEMO.pageId}`, { name: 'Renamed' });
    await admin(sandbox, 'POST', '/faults', { match: {}, error: { status: 500, code: 1 } });

    // Act
    await admin(sandbox, 'POST', '/reset');
    const page = await admin<{ name: string }>(sandbox, 'GET', `/pages/${DEMO.pageId}`);
    const faults = await admin<{ faults: unknown[] }>(sandbox, 'GET', '/faults');

    // Assess
    expect(page.body.name).toBe(DEMO.pageName);
    expect(faults.body.faults).toEqual([]);
  });

  it('rejects malformed admin input with 400', async () => {
    // Act
    const reply = await admin(sandbox, 'POST', '/settings', { profileShape: 'weird' });

    // Assess
    expect(reply.status).toBe(400);
  });
});
