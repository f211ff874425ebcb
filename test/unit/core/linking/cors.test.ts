import { describe, expect, it } from 'vitest';
import { corsResponseHeaders, preflightHeaders } from '../../../../functions/core/linking/cors.js';

const APP = 'https://app.agency.example';

describe('Function: corsResponseHeaders', () => {
  it("allows one of the tenant's origins, exactly, and varies on Origin", () => {
    // Act
    const headers = corsResponseHeaders(APP, [APP]);

    // Assess
    expect(headers).toMatchObject({ 'access-control-allow-origin': APP, vary: 'Origin' });
    expect(headers).not.toHaveProperty('access-control-allow-credentials');
  });

  it.each([
    ['another origin', 'https://evil.example'],
    ['a look-alike', 'https://app.agency.example.evil.example'],
    ['the same host over http', 'http://app.agency.example'],
    ['no origin', undefined],
  ])('allows nothing for %s', (_what, origin) => {
    // Act
    const headers = corsResponseHeaders(origin, [APP]);

    // Assess
    expect(headers).toEqual({ vary: 'Origin' });
  });
});

describe('Function: preflightHeaders', () => {
  const request = {
    origin: APP,
    method: 'PATCH',
    headers: 'Authorization, Content-Type, If-Match',
  };

  it('allows a registered origin asking for the methods and headers the API takes', () => {
    // Act
    const headers = preflightHeaders(request, true);

    // Assess
    expect(headers['access-control-allow-origin']).toBe(APP);
    expect(headers['access-control-allow-methods']).toContain('PATCH');
    expect(headers['access-control-max-age']).toBe('600');
    expect(headers).not.toHaveProperty('access-control-allow-credentials');
  });

  it.each([
    ['an unregistered origin', request, false],
    ['a method the API does not take', { ...request, method: 'TRACE' }, true],
    ['a header the API does not take', { ...request, headers: 'x-custom' }, true],
    ['no origin', { ...request, origin: undefined }, true],
  ])('allows nothing for %s', (_what, input, registered) => {
    // Act
    const headers = preflightHeaders(input, registered);

    // Assess
    expect(headers).not.toHaveProperty('access-control-allow-origin');
    expect(headers.vary).toContain('Origin');
  });
});
