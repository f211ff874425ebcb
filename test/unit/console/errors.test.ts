import { describe, expect, it } from 'vitest';
import { describeError } from '../../../console/src/errors.js';

describe('Console: describeError', () => {
  it('says a used-up quota in plain words, with when to come back', () => {
    // Act
    const problem = describeError(429, {
      error: {
        code: 'quota_exceeded',
        message: 'This tenant reached its link_sync_requests quota.',
        requestId: 'r-1',
        details: { quota: 'link_sync_requests', retryAfterSeconds: 42 },
      },
    });

    // Assess
    expect(problem).toMatchObject({
      title: 'Too many requests for now',
      action: expect.stringContaining('42 seconds'),
      code: 'quota_exceeded',
      requestId: 'r-1',
    });
  });

  it('names the limit a 429 gives in error.limit, with its documented number', () => {
    // Act
    const problem = describeError(429, {
      error: {
        code: 'quota_exceeded',
        message: 'This tenant reached its bulk_actions quota.',
        requestId: 'r-3',
        limit: 'bulk_actions',
        details: { quota: 'bulk_actions', retryAfterSeconds: 600 },
      },
    });
    const throttled = describeError(429, {
      error: { code: 'rate_limited', message: '…', requestId: 'r-4', limit: 'meta_rate_limit' },
    });

    // Assess
    expect(problem.action).toMatch(/^The limit is 10 per hour: bulk actions started/);
    expect(problem.action).toContain('600 seconds');
    expect(throttled.action).toMatch(/^Meta is slowing down requests/);
  });

  it('maps the fields a 400 names onto body paths', () => {
    // Act
    const problem = describeError(400, {
      error: {
        code: 'invalid_request',
        message: 'Invalid body: …',
        requestId: 'r-2',
        details: {
          issues: [
            { path: 'body.creative.headline', message: 'Required' },
            { path: 'body.targeting.countries.0', message: 'must be an ISO code' },
          ],
        },
      },
    });

    // Assess
    expect(problem.fields).toEqual({
      'creative.headline': 'Required',
      'targeting.countries.0': 'must be an ISO code',
    });
  });

  it("answers API Gateway's own 401 as an ended session", () => {
    // Act
    const problem = describeError(401, { message: 'Unauthorized' });

    // Assess
    expect(problem.title).toBe('Your session has ended');
    expect(problem.action).toBe('Sign in again.');
  });

  it('names the request id for a failure on our side', () => {
    // Act
    const problem = describeError(500, {
      error: { code: 'internal_error', message: 'Internal error', requestId: 'r-3' },
    });

    // Assess
    expect(problem.action).toContain('r-3');
  });

  it("keeps the API's own message for a code it does not know", () => {
    // Act
    const problem = describeError(409, {
      error: { code: 'something_new', message: 'Something new went wrong.', requestId: 'r-4' },
    });

    // Assess
    expect(problem.title).toBe('Something new went wrong.');
  });
});
