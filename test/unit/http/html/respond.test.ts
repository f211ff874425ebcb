import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { defineRoute, pageErrors } from '../../../../functions/adapters/http/contract.js';
import { ValidationError } from '../../../../functions/core/errors.js';
import * as z from '../../../../functions/core/zod.js';
import { htmlRoute } from '../../../../functions/http/html/respond.js';
import { contextWith } from '../../../helpers/lambda-context.js';

vi.hoisted(() => {
  process.env.LOG_LEVEL = 'silent';
});

const eventWith = (rawQueryString: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /oauth/begin',
    rawPath: '/oauth/begin',
    rawQueryString,
    queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)),
    headers: {},
    requestContext: { requestId: 'req-page', http: { sourceIp: '198.51.100.7' } },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const contract = defineRoute({
  method: 'GET',
  path: '/oauth/begin',
  access: 'public',
  publicReason: 'A test page.',
  summary: 'A page a browser user reads',
  query: z.object({ state: z.string().check(z.minLength(8)) }),
  responses: { 200: { description: 'The page', html: true }, ...pageErrors(400, 500, 503) },
});

const bodyOf = (response: { body?: string }): string => String(response.body);

describe('Function: htmlRoute', () => {
  it('answers invalid input with a 400 page naming the error, not JSON', async () => {
    // Prepare
    const page = htmlRoute(contract, async () => ({ status: 200, html: '<p>ok</p>' }));

    // Act
    const response = await page(eventWith('state=short'), contextWith(30_000, 'req-page'));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toMatch(/^text\/html/);
    expect(bodyOf(response)).toContain('<code>invalid_request</code>');
    expect(bodyOf(response)).toContain('req-page');
  });

  it("answers a typed refusal with its status and the journey's own title", async () => {
    // Prepare
    const page = htmlRoute(contract, async () => {
      throw new ValidationError('Used already.', undefined, 'selection_invalid');
    });

    // Act
    const response = await page(eventWith('state=long-enough'), contextWith(30_000, 'req-page'));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toContain('This form was already used');
    expect(bodyOf(response)).toContain('Used already.');
  });

  it('answers an unexpected failure with a 500 page that reveals nothing of it', async () => {
    // Prepare
    const page = htmlRoute(contract, async () => {
      throw new Error('secret table name in a stack trace');
    });

    // Act
    const response = await page(eventWith('state=long-enough'), contextWith(30_000, 'req-page'));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.headers?.['content-type']).toMatch(/^text\/html/);
    expect(bodyOf(response)).not.toContain('secret');
    expect(bodyOf(response)).toContain('<code>internal_error</code>');
  });

  it('answers a 503 page with Retry-After before the Lambda times out', async () => {
    // Prepare: work that would outlast the function; the route must answer first.
    let finish: (() => void) | undefined;
    const slow = htmlRoute(contract, async () => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return { status: 200, html: '<p>late</p>' };
    });

    // Act: 1.2 s left, so the early answer comes about 0.2 s in (1 s before the deadline).
    const response = await slow(eventWith('state=long-enough'), contextWith(1_200, 'req-page'));
    finish?.();

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBeDefined();
    expect(response.headers?.['content-type']).toMatch(/^text\/html/);
    expect(bodyOf(response)).toContain('<code>deadline_exceeded</code>');
  });
});
