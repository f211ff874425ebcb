import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_ERRORS,
  defineRoute,
  errorBody,
  routeKeyOf,
} from '../../../functions/adapters/http/contract.js';
import { contracts } from '../../../functions/http/routes.js';
import { functions } from '../../../infra/shared/functions.js';
import { ROUTE_COOLDOWNS, ROUTE_QUOTAS } from '../../../infra/shared/route-quotas.js';
import { routes, routeTable, SERVED, THROTTLES } from '../../../infra/shared/routes.js';

const quotasOfRoute = (key: string) =>
  routes.find((route) => `${route.method} ${route.path}` === key)?.quotas ?? [];

describe('Route table: contracts and functions', () => {
  it('serves every contract with a function and has a contract for every route served', () => {
    // Act & Assess
    expect(routes).toHaveLength(contracts.length);
    expect(Object.keys(SERVED)).toHaveLength(contracts.length);
  });

  it('refuses a contract with no function and a function route with no contract', () => {
    // Arrange
    const [first] = contracts;
    if (!first) throw new Error('no contracts');

    // Act & Assess
    expect(() => routeTable([first], {})).toThrow(`${first.method} ${first.path} has no function`);
    expect(() =>
      routeTable([], { 'GET /nowhere': { fn: 'health', throttle: THROTTLES.probe } })
    ).toThrow('GET /nowhere has no contract');
  });
});

describe('Route contracts: the errors of their access kind', () => {
  it('declares on every route the errors its access kind answers', () => {
    // Act & Assess
    for (const contract of contracts) {
      const statuses = Object.keys(contract.responses).map(Number);
      expect(statuses, routeKeyOf(contract)).toEqual(
        expect.arrayContaining([...ACCESS_ERRORS[contract.access]])
      );
    }
  });

  it("keeps a contract's own answer for one of those statuses", () => {
    // Arrange
    const own = { description: 'The signature does not match.', schema: errorBody };

    // Act
    const contract = defineRoute({
      method: 'POST',
      path: '/hooks',
      access: 'public',
      publicReason: 'Signed by the sender.',
      summary: 'Receives a hook',
      responses: { 204: { description: 'Received' }, 429: own },
    });

    // Assess
    expect(contract.responses[429]).toBe(own);
    expect(Object.keys(contract.responses)).toEqual(['204', '429']);
  });
});

describe('Route table: quotas', () => {
  it('takes quotas only on tenant routes, each served by a function with the quotas table', () => {
    // Act
    const problems = routes.flatMap((route) => {
      if (!route.quotas?.length) return [];
      const key = `${route.method} ${route.path}`;
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

describe('Route table: the quotas copy the console bundles', () => {
  it('holds exactly the quotas and cool-downs the route contracts declare', () => {
    // Prepare
    const declared = (pick: (contract: (typeof contracts)[number]) => readonly string[]) =>
      Object.fromEntries(
        contracts
          .filter((contract) => pick(contract).length > 0)
          .map((contract) => [routeKeyOf(contract), pick(contract)])
      );

    // Assess
    expect(ROUTE_QUOTAS).toEqual(declared((contract) => contract.quotas ?? []));
    expect(ROUTE_COOLDOWNS).toEqual(declared((contract) => contract.cooldowns ?? []));
  });
});
