import { describe, expect, it } from 'vitest';
import { type RouteSpec, THROTTLES } from '../../../../shared/routes.js';
import { createRouteMatcher } from '../../src/routing.js';

const route = (method: RouteSpec['method'], path: string): RouteSpec => ({
  method,
  path,
  fn: 'health',
  access: 'tenant',
  summary: path,
  throttle: THROTTLES.tenant,
  responses: {},
});

const table = [
  route('GET', '/links/{linkId}'),
  route('GET', '/links/export'),
  route('GET', '/links'),
  route('DELETE', '/links/{linkId}'),
  route('GET', '/files/{proxy+}'),
  route('GET', '/health'),
];

describe('Gateway: routing', () => {
  it('matches a literal path and has no path parameters', () => {
    // Act
    const match = createRouteMatcher(table)('GET', '/health');

    // Assess
    expect(match?.routeKey).toBe('GET /health');
    expect(match?.pathParameters).toBeUndefined();
  });

  it('extracts and decodes a path parameter', () => {
    // Act
    const match = createRouteMatcher(table)('GET', '/links/lnk%201');

    // Assess
    expect(match?.routeKey).toBe('GET /links/{linkId}');
    expect(match?.pathParameters).toEqual({ linkId: 'lnk 1' });
  });

  it('prefers a literal segment over a parameter, whatever the table order', () => {
    // Act
    const match = createRouteMatcher(table)('GET', '/links/export');

    // Assess
    expect(match?.routeKey).toBe('GET /links/export');
  });

  it('matches the method too', () => {
    // Act
    const matchDelete = createRouteMatcher(table)('DELETE', '/links/a');
    const matchPost = createRouteMatcher(table)('POST', '/links/a');

    // Assess
    expect(matchDelete?.routeKey).toBe('DELETE /links/{linkId}');
    expect(matchPost).toBeUndefined();
  });

  it('lets a greedy parameter take the rest of the path', () => {
    // Act
    const match = createRouteMatcher(table)('GET', '/files/a/b/c.png');

    // Assess
    expect(match?.pathParameters).toEqual({ proxy: 'a/b/c.png' });
  });

  it('finds no route for an unknown path, an extra segment or a trailing slash', () => {
    // Prepare
    const match = createRouteMatcher(table);

    // Act
    const results = [
      match('GET', '/nowhere'),
      match('GET', '/links/a/b'),
      match('GET', '/health/'),
      match('GET', '/links/'),
    ];

    // Assess
    expect(results).toEqual([undefined, undefined, undefined, undefined]);
  });
});
