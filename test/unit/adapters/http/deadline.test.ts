import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { defineRoute } from '../../../../functions/adapters/http/contract.js';
import { httpRoute } from '../../../../functions/adapters/http/route.js';
import { contextWith } from '../../../helpers/lambda-context.js';

vi.hoisted(() => {
  process.env.LOG_LEVEL = 'silent';
});

const event = {
  version: '2.0',
  routeKey: 'GET /health',
  rawPath: '/health',
  rawQueryString: '',
  headers: {},
  requestContext: { requestId: 'req-deadline' },
  isBase64Encoded: false,
} as unknown as APIGatewayProxyEventV2;

const contract = defineRoute({
  method: 'GET',
  path: '/health',
  access: 'public',
  publicReason: 'A test route.',
  summary: 'Outlasts its deadline',
  responses: {},
});

describe('Function: httpRoute (the Lambda deadline)', () => {
  it("answers Tandem's 503 error JSON with Retry-After before the Lambda times out", async () => {
    // Prepare: work that would outlast the function; the route must answer first.
    let finish: (() => void) | undefined;
    const slow = httpRoute(contract, async () => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return { status: 200, json: { late: true } };
    });

    // Act: 1.2 s left, so the early answer comes about 0.2 s in (1 s before the deadline).
    const response = await slow(event, contextWith(1_200, 'req-deadline'));
    finish?.();

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after'] ?? response.headers?.['Retry-After']).toBeDefined();
    const body = JSON.parse(String(response.body)) as {
      error: { code: string; requestId: string };
    };
    expect(body.error.code).toBe('deadline_exceeded');
    expect(body.error.requestId).toBe('req-deadline');
  });

  it('answers the work itself when it ends in time', async () => {
    // Prepare
    const quick = httpRoute(contract, async () => ({ status: 200, json: { ok: true } }));

    // Act
    const response = await quick(event, contextWith(30_000, 'req-deadline'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ ok: true });
  });
});
