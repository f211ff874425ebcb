import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functions } from '../../../infra/shared/functions.js';
import { quotasOfRoute, ROUTE_QUOTAS } from '../../../infra/shared/route-quotas.js';
import { routes } from '../../../infra/shared/routes.js';

describe('Route table: quotas', () => {
  it('names only tenant routes of the route table, each served by a function with the quotas table', () => {
    // Act
    const problems = Object.keys(ROUTE_QUOTAS).flatMap((key) => {
      const route = routes.find((candidate) => `${candidate.method} ${candidate.path}` === key);
      if (!route) return [`${key}: no such route`];
      if (route.access !== 'tenant') return [`${key}: not a tenant route`];
      const { tables } = functions[route.fn].needs as { tables?: Record<string, string> };
      return tables?.quotas === 'readWrite' ? [] : [`${key}: ${route.fn} lacks the quotas table`];
    });

    // Assess
    expect(problems).toEqual([]);
  });

  it('takes a quota on every route that enqueues work or calls Meta for a tenant', () => {
    // Act & Assess
    expect(quotasOfRoute('POST /links/{linkId}/sync')).toEqual([
      'syncRequests',
      'linkSyncRequests',
    ]);
    expect(quotasOfRoute('POST /links/{linkId}/resume')).toEqual([
      'syncRequests',
      'linkSyncRequests',
    ]);
    expect(quotasOfRoute('POST /links/{linkId}/ads')).toEqual(['adCreates']);
    expect(quotasOfRoute('POST /links/{linkId}/ads/images')).toEqual(['adImageUploads']);
    expect(quotasOfRoute('GET /links/{linkId}/ads/dsa-recommendations')).toEqual(['metaReads']);
    expect(quotasOfRoute('GET /links/{linkId}/ads/{operationId}/insights')).toEqual(['metaReads']);
    expect(quotasOfRoute('GET /grants/{grantId}/assets')).toEqual(['metaReads']);
    expect(quotasOfRoute('POST /links')).toEqual(['linkWrites']);
    expect(quotasOfRoute('DELETE /links/{linkId}')).toEqual(['linkWrites']);
    expect(quotasOfRoute('POST /links/oauth/start')).toEqual(['signIns']);
    expect(quotasOfRoute('GET /links')).toEqual([]);
  });
});

describe('Function table: circuit breakers', () => {
  it('grants the breakers table to every function that opens a sealed Meta token', () => {
    // Act: a function that may open a grant's token and holds the app secret (appsecret_proof)
    // calls Meta, and its Graph client counts failures per surface in the breakers table (a
    // missing grant fails its first Meta call). The token key alone also seals endpoint secrets.
    const problems = Object.entries(functions).flatMap(([name, fn]) => {
      const needs = fn.needs as {
        tokenKey?: string;
        metaAppSecret?: boolean;
        tables?: Record<string, string>;
      };
      if (needs.tokenKey === undefined || !needs.metaAppSecret) return [];
      return needs.tables?.breakers === 'readWrite' ? [] : [`${name} lacks the breakers table`];
    });

    // Assess
    expect(problems).toEqual([]);
  });
});

describe('docs/security.md', () => {
  it('says what every route of the route table trusts', () => {
    // Prepare
    const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');

    // Act
    const missing = routes
      .map((route) => `\`${route.method} ${route.path}\``)
      .filter((key) => !doc.includes(key));

    // Assess
    expect(missing).toEqual([]);
  });
});
