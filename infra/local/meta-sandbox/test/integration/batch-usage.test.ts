import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/seed.js';
import type { Sandbox } from '../../src/server.js';
import { admin, type GraphErrorBody, graph, login, startTestSandbox } from './helpers.js';

let sandbox: Sandbox;
let token: string;

interface BatchAnswer {
  code: number;
  headers?: { name: string; value: string }[];
  body: string;
}

interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  batch?: unknown[];
}

const usageOf = (headers: Headers, name: string): Record<string, unknown> =>
  JSON.parse(headers.get(name) ?? '{}');

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
  token = await login(sandbox);
  await admin(sandbox, 'DELETE', '/requests');
});

describe('Sandbox: batch requests', () => {
  it('answers each operation in order with code, headers and a JSON string body', async () => {
    // Prepare
    const batch = [
      { method: 'GET', relative_url: `${DEMO.pageId}?fields=name` },
      {
        method: 'GET',
        relative_url: `v25.0/${DEMO.phoneNumberIdA}/whatsapp_business_profile?fields=about`,
      },
      { method: 'GET', relative_url: '399999999999999' },
    ];

    // Act
    const reply = await graph<BatchAnswer[]>(sandbox, '/', {
      token,
      form: { batch: JSON.stringify(batch), include_headers: 'true' },
    });
    const log = await admin<{ requests: LoggedRequest[] }>(sandbox, 'GET', '/requests');

    // Assess
    expect(reply.body.map((answer) => answer.code)).toEqual([200, 200, 400]);
    expect(JSON.parse(reply.body[0]?.body ?? '{}')).toEqual({
      id: DEMO.pageId,
      name: DEMO.pageName,
    });
    expect(JSON.parse(reply.body[1]?.body ?? '{}')).toMatchObject({
      data: [{ about: 'Baked fresh daily' }],
    });
    expect(JSON.parse(reply.body[2]?.body ?? '{}')).toMatchObject({
      error: { code: 100, error_subcode: 33 },
    });
    expect(reply.body[0]?.headers?.map((header) => header.name)).toContain('x-app-usage');
    expect(log.body.requests).toHaveLength(1);
    expect(log.body.requests[0]?.batch).toHaveLength(3);
  });

  it("takes the batch's fallback token only as its access_token parameter, as Meta documents", async () => {
    // Prepare
    const batch = JSON.stringify([{ method: 'GET', relative_url: 'me?fields=id' }]);

    // Act
    const headerOnly = await graph<GraphErrorBody>(sandbox, '/', {
      token,
      tokenInHeader: true,
      form: { batch },
    });
    const asParameter = await graph<BatchAnswer[]>(sandbox, '/', {
      token,
      tokenInHeader: true,
      form: { batch, access_token: token },
    });

    // Assess
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.error.code).toBe(104);
    expect(asParameter.status).toBe(200);
    expect(JSON.parse(asParameter.body[0]?.body ?? '{}')).toEqual({ id: DEMO.userId });
  });

  it('answers null for an item that runs longer than Meta waits', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/faults', {
      match: { path: `^/${DEMO.annexPageId}$` },
      timeOut: true,
    });
    const batch = [
      { method: 'GET', relative_url: `${DEMO.pageId}?fields=name` },
      { method: 'GET', relative_url: `${DEMO.annexPageId}?fields=name` },
    ];

    // Act
    const reply = await graph<(BatchAnswer | null)[]>(sandbox, '/', {
      token,
      form: { batch: JSON.stringify(batch) },
    });

    // Assess
    expect(reply.body[0]?.code).toBe(200);
    expect(reply.body[1]).toBeNull();
  });

  it('refuses more than 50 operations', async () => {
    // Prepare
    const batch = Array.from({ length: 51 }, () => ({ method: 'GET', relative_url: 'me' }));

    // Act
    const reply = await graph<GraphErrorBody>(sandbox, '/', { token, json: { batch } });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe(100);
    expect(reply.body.error.message).toContain('50');
  });
});

describe('Sandbox: usage and rate limits', () => {
  it('reports usage headers as percentages of the budgets', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/settings', {
      appCallBudgetPerHour: 10,
      wabaCallBudgetPerHour: 4,
      resetUsage: true,
    });

    // Act
    await graph(sandbox, '/me', { token });
    const reply = await graph(sandbox, `/${DEMO.phoneNumberIdA}/whatsapp_business_profile`, {
      token,
    });

    // Assess
    expect(usageOf(reply.headers, 'x-app-usage')).toEqual({
      call_count: 20,
      total_cputime: 12,
      total_time: 16,
    });
    expect(usageOf(reply.headers, 'x-business-use-case-usage')).toEqual({
      [DEMO.wabaId]: [
        {
          type: 'whatsapp_business_management',
          call_count: 25,
          total_cputime: 15,
          total_time: 20,
          estimated_time_to_regain_access: 0,
        },
      ],
    });
    expect(reply.headers.get('x-fb-trace-id')).toBeTruthy();
    expect(reply.headers.get('x-fb-request-id')).toBeTruthy();
  });

  it('throttles with code 4 once the app budget is spent', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/settings', { appCallBudgetPerHour: 2, resetUsage: true });
    await graph(sandbox, '/me', { token });
    await graph(sandbox, '/me', { token });

    // Act
    const reply = await graph<GraphErrorBody>(sandbox, '/me', { token });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 4, is_transient: true });
    expect(usageOf(reply.headers, 'x-app-usage')).toMatchObject({ call_count: 100 });
  });

  it('throttles a WABA with code 80007 and HTTP 429 once its budget is spent', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/settings', { wabaCallBudgetPerHour: 1, resetUsage: true });
    await graph(sandbox, `/${DEMO.wabaId}/phone_numbers`, { token });

    // Act
    const reply = await graph<GraphErrorBody>(
      sandbox,
      `/${DEMO.phoneNumberIdA}/whatsapp_business_profile`,
      { token }
    );

    // Assess
    expect(reply.status).toBe(429);
    expect(reply.body.error.code).toBe(80007);
    const buc = usageOf(reply.headers, 'x-business-use-case-usage')[DEMO.wabaId] as {
      call_count: number;
      estimated_time_to_regain_access: number;
    }[];
    expect(buc[0]?.call_count).toBe(100);
    expect(buc[0]?.estimated_time_to_regain_access).toBeGreaterThan(0);
  });

  it('forces an ads rate limit with a fault', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/faults', {
      match: { path: '/act_\\d+' },
      rateLimit: { kind: 'ads' },
      times: 1,
    });

    // Act
    const limited = await graph<GraphErrorBody>(sandbox, `/${DEMO.adAccountId}/campaigns`, {
      token,
    });
    const next = await graph(sandbox, `/${DEMO.adAccountId}/campaigns`, { token });

    // Assess
    expect(limited.body.error.code).toBe(80004);
    expect(usageOf(limited.headers, 'x-business-use-case-usage')).toMatchObject({
      [DEMO.adAccountId]: [{ type: 'ads_management', call_count: 100 }],
    });
    expect(next.status).toBe(200);
  });
});

describe('Sandbox: faults', () => {
  it('injects a transient error a set number of times', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/faults', {
      match: { method: 'GET', path: '^/me$' },
      times: 2,
      error: { status: 500, code: 2 },
    });

    // Act
    const first = await graph<GraphErrorBody>(sandbox, '/me', { token });
    const second = await graph<GraphErrorBody>(sandbox, '/me', { token });
    const third = await graph(sandbox, '/me', { token });

    // Assess
    expect(first.status).toBe(500);
    expect(first.body.error).toMatchObject({ code: 2, is_transient: true });
    expect(second.status).toBe(500);
    expect(third.status).toBe(200);
  });

  it('delays a matching call by at least the injected latency', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/faults', { match: { path: '^/me$' }, times: 1, latencyMs: 300 });
    const started = Date.now();

    // Act
    const reply = await graph(sandbox, '/me', { token });

    // Assess
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('drops the connection', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/faults', {
      match: { path: '^/me$' },
      times: 1,
      dropConnection: true,
    });

    // Act
    const attempt = graph(sandbox, '/me', { token });

    // Assess
    await expect(attempt).rejects.toThrow();
    await expect(graph(sandbox, '/me', { token })).resolves.toMatchObject({ status: 200 });
  });

  it('answers unknown paths with Graph’s code 2500', async () => {
    // Act
    const reply = await graph<GraphErrorBody>(sandbox, `/${DEMO.pageId}/nothing/here`, { token });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 2500, type: 'OAuthException' });
    expect(reply.body.error.message).toContain('Unknown path components');
  });

  it('serves only Graph versions Meta released, and an expired one with the oldest left', async () => {
    // Act
    const future = await graph<GraphErrorBody>(sandbox, '/v99.0/me', { token });
    const half = await graph<GraphErrorBody>(sandbox, '/v25.5/me', { token });
    const expired = await graph(sandbox, '/v19.0/me', { token });

    // Assess
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ code: 2500 });
    expect(half.status).toBe(400);
    expect(expired.status).toBe(200);
    expect(expired.headers.get('facebook-api-version')).toBe('v20.0');
  });

  it('logs Graph calls without their secrets', async () => {
    // Act
    await graph(sandbox, `/${DEMO.pageId}?fields=name`, { token });
    const log = await admin<{ requests: LoggedRequest[] }>(sandbox, 'GET', '/requests');

    // Assess
    expect(log.body.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/${DEMO.pageId}`,
        status: 200,
        query: { fields: 'name' },
      }),
    ]);
  });
});
