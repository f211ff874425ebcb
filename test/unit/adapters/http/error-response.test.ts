import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../../../functions/adapters/http/error-response.js';
import { createLogger } from '../../../../functions/adapters/observability/logger.js';
import {
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  QuotaExceededError,
  RateLimitError,
  TransientStoreError,
  UpstreamError,
  ValidationError,
} from '../../../../functions/core/errors.js';
import { QUOTAS } from '../../../../functions/core/quotas.js';

const lines: string[] = [];
const log = createLogger({}, 'debug', (line) => lines.push(line));
const respond = (error: unknown) => {
  const response = errorResponse(error, 'req-1', log);
  return {
    status: response.statusCode,
    headers: response.headers,
    body: JSON.parse(String(response.body)),
  };
};

describe('Function: errorResponse', () => {
  it('keeps the code, message and details of a typed error', () => {
    // Act
    const response = respond(
      new ValidationError('Invalid body: name: required', { issues: [{ path: 'body.name' }] })
    );

    // Assess
    expect(response).toEqual({
      status: 400,
      headers: expect.objectContaining({ 'content-type': 'application/json; charset=utf-8' }),
      body: {
        error: {
          code: 'invalid_request',
          message: 'Invalid body: name: required',
          details: { issues: [{ path: 'body.name' }] },
          requestId: 'req-1',
        },
      },
    });
  });

  it.each([
    [new NotFoundError('gone'), 404],
    [new ConflictError('taken'), 409],
    [new PayloadTooLargeError('big'), 413],
    [new UpstreamError('Meta is down', false), 502],
    [new UpstreamError('Meta is busy', true), 503],
  ])('maps %s to %i', (error, status) => {
    expect(respond(error).status).toBe(status);
  });

  it('says when to come back for rate limits and anything else that knows', () => {
    expect(respond(new RateLimitError('slow down', 30)).headers).toEqual(
      expect.objectContaining({ 'retry-after': '30' })
    );
    expect(
      respond(new ConflictError('in progress', { retryAfterSeconds: 1.2 }, 'operation_in_progress'))
        .headers
    ).toEqual(expect.objectContaining({ 'retry-after': '2' }));
    expect(respond(new NotFoundError('gone')).headers).not.toHaveProperty('retry-after');
  });

  it('names the limit every 429 hit: a quota, the reconcile cool-down, or Meta’s rate limits', () => {
    // Act
    const quota = respond(new QuotaExceededError(QUOTAS.bulkActions, 120));
    const cooldown = respond(
      new RateLimitError('wait for the cool-down', 40, { limit: 'reconcile_cooldown' })
    );
    const meta = respond(new RateLimitError('Meta is rate-limiting', 300));

    // Assess
    expect(
      [quota, cooldown, meta].map((answer) => [answer.status, answer.body.error.limit])
    ).toEqual([
      [429, 'bulk_actions'],
      [429, 'reconcile_cooldown'],
      [429, 'meta_rate_limit'],
    ]);
    expect(quota.body.error.message).toContain('at most 10 bulk actions started');
    expect(respond(new NotFoundError('gone')).body.error).not.toHaveProperty('limit');
  });

  it('answers a busy database with 503, its code and a short Retry-After, never the cause', () => {
    // Act
    const response = respond(
      new TransientStoreError('throttled', {
        cause: new Error('ProvisionedThroughputExceededException on tandem-links'),
      })
    );

    // Assess
    expect(response.status).toBe(503);
    expect(response.headers).toEqual(expect.objectContaining({ 'retry-after': '5' }));
    expect(response.body.error).toEqual(
      expect.objectContaining({ code: 'store_unavailable', requestId: 'req-1' })
    );
    expect(JSON.stringify(response.body)).not.toContain('tandem-links');
  });

  it('answers an unknown error with a generic 500 that leaks nothing', () => {
    // Act
    const response = respond(new Error('database password is hunter2'));

    // Assess
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    expect(response.body.error).toEqual(
      expect.objectContaining({ code: 'internal_error', requestId: 'req-1' })
    );
  });

  it.each([
    ['a typed error', new ValidationError('bad')],
    ['a rate limit', new RateLimitError('slow down', 3)],
    ['an unknown error', new Error('boom')],
  ])('answers %s with the same nosniff and no-store headers as a success', (_what, error) => {
    // Act
    const { headers } = respond(error);

    // Assess
    expect(headers).toEqual(
      expect.objectContaining({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' })
    );
  });
});
