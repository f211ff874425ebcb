import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { defineRoute } from '../../../../functions/adapters/http/contract.js';
import { httpRoute } from '../../../../functions/adapters/http/route.js';
import * as z from '../../../../functions/core/zod.js';
import { toGatewayClaims } from '../../../../infra/local/runtime/src/identity.js';

vi.hoisted(() => {
  process.env.LOG_LEVEL = 'silent';
});

const context = { awsRequestId: 'req-1' } as Context;

/** A JWT as the client sent it: only its payload matters here (API Gateway verified the rest). */
const tokenWith = (payload: Record<string, unknown>): string =>
  [{ alg: 'RS256', typ: 'JWT' }, payload, 'signature']
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.');

/** The event API Gateway builds for a verified token: claims stringified by the authorizer. */
const eventFor = (payload: Record<string, unknown>): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /links',
    rawPath: '/links',
    rawQueryString: '',
    headers: { authorization: `Bearer ${tokenWith(payload)}` },
    requestContext: {
      requestId: 'req-1',
      authorizer: { jwt: { claims: toGatewayClaims(payload), scopes: [] } },
    },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const whoAmI = httpRoute(
  defineRoute({ method: 'GET', path: '/links', access: 'tenant', summary: 'Who', responses: {} }),
  async ({ tenant }) => ({
    status: 200,
    json: { tenant },
  })
);

describe('Function: httpRoute (tenant claim)', () => {
  it('takes a JSON string claim as the tenant', async () => {
    // Act
    const response = await whoAmI(eventFor({ sub: 'u1', tenant_id: 'acme' }), context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ tenant: 'acme' });
  });

  it.each([
    ['null', null],
    ['0', 0],
    ['true', true],
    ['an array', ['acme']],
    ['an object', { id: 'acme' }],
    ['missing', undefined],
  ])('refuses a tenant_id that is %s with 403, as API Gateway stringifies it', async (_, value) => {
    // Prepare
    const payload = { sub: 'u1', ...(value === undefined ? {} : { tenant_id: value }) };

    // Act
    const response = await whoAmI(eventFor(payload), context);

    // Assess
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(String(response.body)).error.code).toBe('tenant_claim_missing');
  });

  it('refuses a claim that differs from the token the authorizer verified', async () => {
    // Prepare: the claims say acme, the Authorization header's token another tenant.
    const event = eventFor({ tenant_id: 'acme' });
    event.headers.authorization = `Bearer ${tokenWith({ tenant_id: 'other' })}`;

    // Act
    const response = await whoAmI(event, context);

    // Assess
    expect(response.statusCode).toBe(403);
  });
});

const echo = (bodyFormat: 'json' | 'form') =>
  httpRoute(
    defineRoute({
      method: 'POST',
      path: '/echo',
      access: 'public',
      publicReason: 'A test route.',
      summary: 'Echo',
      body: z.looseObject({ name: z.string() }),
      bodyFormat,
      responses: {},
    }),
    async ({ body }) => ({ status: 200, json: body })
  );

const post = (contentType: string, body: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /echo',
    rawPath: '/echo',
    rawQueryString: '',
    headers: { 'content-type': contentType },
    requestContext: { requestId: 'req-1' },
    body,
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

describe('Function: httpRoute (media types)', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'APPLICATION/JSON; Charset=UTF-8',
    'application/merge-patch+json',
  ])('accepts a JSON body sent as %s', async (type) => {
    // Act
    const response = await echo('json')(post(type, '{"name":"a"}'), context);

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it.each(['application/jsonp', 'application/json-seq', 'text/plain'])(
    'refuses a JSON route body sent as %s with 415',
    async (type) => {
      // Act
      const response = await echo('json')(post(type, '{"name":"a"}'), context);

      // Assess
      expect(response.statusCode).toBe(415);
    }
  );

  it('accepts a form whose media type is written in capitals', async () => {
    // Act
    const response = await echo('form')(
      post('Application/X-WWW-Form-URLEncoded; charset=UTF-8', 'name=a'),
      context
    );

    // Assess
    expect(response.statusCode).toBe(200);
  });
});

describe('Function: httpRoute (quotas)', () => {
  const syncEvent = (): APIGatewayProxyEventV2 => {
    const event = eventFor({ tenant_id: 'acme' });
    event.routeKey = 'POST /links/{linkId}/sync';
    event.pathParameters = { linkId: 'lnk_1' };
    return event;
  };
  const syncNow = (counter?: { take: () => Promise<boolean> }) =>
    httpRoute(
      {
        ...defineRoute({
          method: 'POST',
          path: '/links/{linkId}/sync',
          access: 'tenant',
          summary: 'Sync now',
          params: z.object({ linkId: z.string() }),
          quotas: ['syncRequests', 'linkSyncRequests'],
          responses: {},
        }),
        ...(counter ? { quotaCounter: counter } : {}),
      },
      async () => ({ status: 202, json: {} })
    );

  it("answers 429 with Retry-After and the quota's name when the route's quota is used up", async () => {
    // Act
    const response = await syncNow({ take: async () => false })(syncEvent(), context);

    // Assess
    expect(response.statusCode).toBe(429);
    expect(Number(response.headers?.['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(String(response.body)).error).toMatchObject({
      code: 'quota_exceeded',
      details: { quota: 'link_sync_requests' },
    });
  });

  it('fails closed when a route that takes quotas was given no counter', async () => {
    // Act
    const response = await syncNow()(syncEvent(), context);

    // Assess
    expect(response.statusCode).toBe(500);
  });
});
