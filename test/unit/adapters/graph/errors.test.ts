import { describe, expect, it } from 'vitest';
import {
  GraphConfigurationError,
  GraphError,
  GraphNotFoundError,
  GraphPermissionError,
  GraphRateLimitError,
  GraphResponseError,
  GraphTimeoutError,
  GraphTokenError,
  GraphTransientError,
  GraphValidationError,
  parseGraphError,
  toTandemError,
} from '../../../../functions/adapters/graph/errors.js';
import { parseUsage } from '../../../../functions/adapters/graph/usage.js';
import {
  ConfigError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  UpstreamError,
  ValidationError,
} from '../../../../functions/core/errors.js';

const errorOf = (status: number, error: Record<string, unknown>) =>
  parseGraphError({ status, body: { error: { message: 'm', type: 'OAuthException', ...error } } });

describe('Function: parseGraphError', () => {
  it.each([
    [458, 'the app is no longer installed for this user'],
    [459, 'the user is checkpointed and must log in to Facebook'],
    [460, 'the user changed their password'],
    [463, 'the access token expired'],
    [464, 'the user is not confirmed'],
    [467, 'the access token is invalid or the user logged out'],
    [undefined, 'the access token is no longer valid'],
  ])('reads 190 subcode %s as a token error with its reason', (subcode, reason) => {
    // Act
    const error = errorOf(400, { code: 190, error_subcode: subcode });

    // Assess
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error).toMatchObject({ reason, retryable: false });
  });

  it('treats 102 (API session) as a token error', () => {
    // Act
    const error = errorOf(400, { code: 102 });

    // Assess
    expect(error).toBeInstanceOf(GraphTokenError);
  });

  it.each([3, 10, 200, 250, 299, 368])('reads code %i as a permission error', (code) => {
    // Act
    const error = errorOf(403, { code });

    // Assess
    expect(error).toBeInstanceOf(GraphPermissionError);
  });

  it.each([4, 17, 32, 613, 80000, 80004, 80007, 80014, 130429, 131048, 131056, 133016])(
    'reads code %i as a rate limit',
    (code) => {
      // Act
      const error = errorOf(400, { code });

      // Assess
      expect(error).toBeInstanceOf(GraphRateLimitError);
      expect(error.retryable).toBe(true);
    }
  );

  it.each([
    [500, { code: 1 }],
    [500, { code: 2 }],
    [400, { code: 100, is_transient: true }],
    [502, { code: 12345 }],
  ])('reads HTTP %i %j as transient', (status, error) => {
    // Act
    const parsed = errorOf(status, error);

    // Assess
    expect(parsed).toBeInstanceOf(GraphTransientError);
  });

  it('reads a 5xx without an error object as transient', () => {
    // Act
    const error = parseGraphError({ status: 502, body: '<html>Bad gateway</html>' });

    // Assess
    expect(error).toBeInstanceOf(GraphTransientError);
  });

  it.each([
    [400, { code: 100, error_subcode: 33 }],
    [404, { code: 803, type: 'GraphMethodException' }],
  ])('reads HTTP %i %j as not found', (status, error) => {
    // Act
    const parsed = errorOf(status, error);

    // Assess
    expect(parsed).toBeInstanceOf(GraphNotFoundError);
  });

  it('reads code 100 as a validation error carrying Meta’s user message and details', () => {
    // Act
    const error = errorOf(400, {
      code: 100,
      error_user_msg: 'The description is too long.',
      error_data: { messaging_product: 'whatsapp', details: 'Param description is too long' },
      fbtrace_id: 'AbC',
    });

    // Assess
    expect(error).toBeInstanceOf(GraphValidationError);
    expect(error).toMatchObject({
      code: 100,
      userMessage: 'The description is too long.',
      details: 'Param description is too long',
      fbtraceId: 'AbC',
    });
  });

  it('takes a rate limit’s pause from the usage headers, else the default', () => {
    // Prepare
    const usage = parseUsage(
      new Headers({
        'x-business-use-case-usage':
          '{"9":[{"type":"pages","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":3}]}',
      })
    );

    // Act
    const fromHeaders = parseGraphError({ status: 400, body: { error: { code: 32 } }, usage });
    const fallback = parseGraphError({
      status: 400,
      body: { error: { code: 32 } },
      defaultRetryAfterSeconds: 45,
    });

    // Assess
    expect(fromHeaders).toMatchObject({ retryAfterSeconds: 180, retryAfterFromHeaders: true });
    expect(fallback).toMatchObject({ retryAfterSeconds: 45, retryAfterFromHeaders: false });
  });

  it('reads code 1 with is_transient false on the token exchange as a configuration error, not an outage', () => {
    // Act
    const exchange = parseGraphError({
      status: 400,
      body: {
        error: {
          message: 'Error validating client secret.',
          type: 'OAuthException',
          code: 1,
          is_transient: false,
        },
      },
      method: 'GET',
      path: '/v26.0/oauth/access_token',
    });
    const unflagged = parseGraphError({
      status: 400,
      body: { error: { message: 'Error validating client secret.', code: 1 } },
      method: 'GET',
      path: '/v26.0/oauth/access_token',
    });
    const elsewhere = parseGraphError({
      status: 500,
      body: { error: { message: 'An unknown error occurred', code: 1 } },
      method: 'GET',
      path: '/v26.0/me',
    });

    // Assess
    expect(exchange).toBeInstanceOf(GraphConfigurationError);
    expect(exchange.retryable).toBe(false);
    const mapped = toTandemError(exchange);
    expect(mapped).toBeInstanceOf(ConfigError);
    expect(mapped.retryable).toBe(false);
    expect(mapped.message).toContain('app secret');
    expect(unflagged).toBeInstanceOf(GraphConfigurationError);
    expect(elsewhere).toBeInstanceOf(GraphTransientError);
  });

  it('lets a token error win over is_transient', () => {
    // Act
    const error = errorOf(400, { code: 190, is_transient: true });

    // Assess
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error.retryable).toBe(false);
  });
});

describe('Function: toTandemError', () => {
  it('maps a token error to a PermissionError asking to re-link', () => {
    // Act
    const error = toTandemError(errorOf(400, { code: 190, error_subcode: 460 }));

    // Assess
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.code).toBe('meta_token_invalid');
    expect(error.message).toMatch(/re-link/i);
    expect(error.retryable).toBe(false);
  });

  it('maps a permission error to a PermissionError', () => {
    // Act
    const error = toTandemError(errorOf(403, { code: 200 }));

    // Assess
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.code).toBe('meta_permission_missing');
  });

  it('maps a rate limit to a RateLimitError with the pause', () => {
    // Act
    const error = toTandemError(
      parseGraphError({ status: 400, body: { error: { code: 4 } }, defaultRetryAfterSeconds: 30 })
    );

    // Assess
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterSeconds: 30, retryable: true });
  });

  it('maps transient errors and timeouts to a retryable UpstreamError', () => {
    // Act
    const transient = toTandemError(errorOf(500, { code: 2 }));
    const timeout = toTandemError(new GraphTimeoutError({ message: 'slow' }));

    // Assess
    expect(transient).toBeInstanceOf(UpstreamError);
    expect(transient.retryable).toBe(true);
    expect(timeout).toBeInstanceOf(UpstreamError);
    expect(timeout.retryable).toBe(true);
  });

  it('maps not found to a NotFoundError', () => {
    // Act
    const error = toTandemError(errorOf(404, { code: 803 }));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('meta_object_not_found');
  });

  it('maps a validation error to a ValidationError with Meta’s user message', () => {
    // Act
    const error = toTandemError(errorOf(400, { code: 100, error_user_msg: 'Email is invalid.' }));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Email is invalid.');
    expect(error.code).toBe('meta_rejected');
  });

  it('maps an unexpected response shape and unknown errors to a non-retryable UpstreamError', () => {
    // Act
    const shape = toTandemError(new GraphResponseError({ message: 'bad shape' }));
    const unknown = toTandemError(new Error('bug'));

    // Assess
    expect(shape).toBeInstanceOf(UpstreamError);
    expect(shape.retryable).toBe(false);
    expect(unknown).toBeInstanceOf(UpstreamError);
    expect(unknown.cause).toBeInstanceOf(Error);
  });

  it('keeps the Graph error as the cause', () => {
    // Prepare
    const graphError = errorOf(400, { code: 100 });

    // Act
    const error = toTandemError(graphError);

    // Assess
    expect(error.cause).toBeInstanceOf(GraphError);
  });
});
