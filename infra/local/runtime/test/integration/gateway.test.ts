import { request } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, useSystem } from '../../../../../test/helpers/system.js';
import { type RouteSpec, THROTTLES } from '../../../../shared/routes.js';
import { type Gateway, startGateway } from '../../src/gateway.js';
import { createDevIdentity, type DevIdentity } from '../../src/identity.js';

/** Sends a raw request, so a body can go with any method and any declared length. */
const rawRequest = (
  url: string,
  options: { method: string; headers?: Record<string, string | number>; body?: Buffer }
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() })
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });

describe('Gateway: routing', () => {
  it('answers /health with 200 and JSON', async () => {
    // Act
    const response = await api('/health');

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
    expect(await response.json()).toMatchObject({ status: 'ok', service: 'tandem' });
  });

  it("answers 404 with API Gateway's body for an unknown route", async () => {
    // Act
    const response = await api('/no/such/route');

    // Assess
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('{"message":"Not Found"}');
  });

  it('answers 404 for a known path with another method, as API Gateway does', async () => {
    // Act
    const response = await api('/health', { method: 'DELETE' });

    // Assess
    expect(response.status).toBe(404);
  });

  it("answers 413 with API Gateway's body for a body over 10 MB", async () => {
    // Prepare
    const body = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');

    // Act
    const response = await rawRequest(`${useSystem().urls.api}/health`, {
      method: 'GET',
      headers: { 'content-type': 'text/plain', 'content-length': body.length },
      body,
    });

    // Assess
    expect(response).toEqual({ status: 413, body: '{"message":"Request Entity Too Large"}' });
  });
});

/**
 * A gateway over a test route table whose "function" echoes its event: checks what a handler really
 * receives through HTTP, and the JWT authorizer in front of tenant routes.
 */
describe('Gateway: payload 2.0 event over HTTP', () => {
  const testRoutes: RouteSpec[] = [
    {
      method: 'POST',
      path: '/echo/{id}',
      fn: 'health',
      access: 'public',
      summary: 'echo',
      publicReason: 'test',
      throttle: { rateLimit: 1, burstLimit: 1 },
      responses: {},
    },
    {
      method: 'GET',
      path: '/files/{proxy+}',
      fn: 'health',
      access: 'public',
      summary: 'echo',
      publicReason: 'test',
      throttle: { rateLimit: 1, burstLimit: 1 },
      responses: {},
    },
    {
      method: 'GET',
      path: '/mine',
      fn: 'health',
      access: 'tenant',
      summary: 'echo',
      throttle: THROTTLES.tenant,
      responses: {},
    },
  ];
  let gateway: Gateway;
  let identity: DevIdentity;

  beforeAll(async () => {
    identity = await createDevIdentity();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      routes: testRoutes,
      authorizer: identity.authorizer,
      accountId: '123456789012',
      log: () => undefined,
    });
    gateway.serve(async (_fn, event) => ({ statusCode: 200, body: JSON.stringify(event) }));
  });

  afterAll(async () => {
    await gateway.close();
  });

  const echo = async (path: string, init: RequestInit = {}): Promise<APIGatewayProxyEventV2> => {
    const response = await fetch(`${gateway.url}${path}`, init);
    expect(response.status).toBe(200);
    return (await response.json()) as APIGatewayProxyEventV2;
  };

  it('base64-encodes a binary body and says so', async () => {
    // Prepare
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

    // Act
    const event = await echo('/echo/x', {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: png,
    });

    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(png);
  });

  it('passes a JSON body as text', async () => {
    // Act
    const event = await echo('/echo/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"é"}',
    });

    // Assess
    expect(event).toMatchObject({ body: '{"a":"é"}', isBase64Encoded: false });
  });

  it('fills path parameters, query strings, cookies and the request context', async () => {
    // Act
    const event = await echo('/echo/lnk%20one?tag=a&tag=b&q=1', {
      method: 'POST',
      headers: { cookie: 'a=1; b=2', 'X-Custom': 'Yes', 'user-agent': 'tandem-test' },
    });

    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /echo/{id}',
      rawPath: '/echo/lnk%20one',
      rawQueryString: 'tag=a&tag=b&q=1',
      queryStringParameters: { tag: 'a,b', q: '1' },
      pathParameters: { id: 'lnk one' },
      cookies: ['a=1', 'b=2'],
      requestContext: {
        routeKey: 'POST /echo/{id}',
        stage: '$default',
        http: {
          method: 'POST',
          path: '/echo/lnk%20one',
          sourceIp: '127.0.0.1',
          userAgent: 'tandem-test',
        },
      },
    });
    expect(event.headers['x-custom']).toBe('Yes');
    expect(event.body).toBeUndefined();
  });

  it('hands a greedy parameter the rest of the path', async () => {
    // Act
    const event = await echo('/files/a/b/c.png');

    // Assess
    expect(event.pathParameters).toEqual({ proxy: 'a/b/c.png' });
  });

  it("answers 401 with API Gateway's body for a tenant route without a token", async () => {
    // Act
    const response = await fetch(`${gateway.url}/mine`);

    // Assess
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"message":"Unauthorized"}');
  });

  it('answers 401 for a tenant route with an expired or foreign token', async () => {
    // Prepare
    const expired = await identity.issueDevToken({ tenantId: 'demo', ttlSeconds: -120 });
    const foreign = await (await createDevIdentity()).issueDevToken({ tenantId: 'demo' });

    // Act
    const responses = await Promise.all(
      [expired, foreign, 'not-a-jwt'].map((token) =>
        fetch(`${gateway.url}/mine`, { headers: { authorization: `Bearer ${token}` } })
      )
    );

    // Assess
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401]);
  });

  it('hands the verified claims to a tenant route, as strings', async () => {
    // Prepare
    const token = await identity.issueDevToken({
      tenantId: 'acme',
      sub: 'user-1',
      scopes: ['links:read'],
    });

    // Act
    const event = (await echo('/mine', {
      headers: { authorization: `Bearer ${token}` },
    })) as APIGatewayProxyEventV2 & {
      requestContext: { authorizer: { jwt: { claims: Record<string, string>; scopes: string[] } } };
    };

    // Assess
    const { claims, scopes } = event.requestContext.authorizer.jwt;
    expect(claims).toMatchObject({ tenant_id: 'acme', sub: 'user-1', aud: 'tandem-api' });
    expect(typeof claims.exp).toBe('string');
    expect(scopes).toEqual(['links:read']);
  });
});
