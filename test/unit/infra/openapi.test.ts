import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COOLDOWNS, QUOTAS } from '../../../functions/core/quotas.js';
import { buildOpenApi, documentedRoutes as routes } from '../../../infra/shared/openapi.js';

type Operation = {
  security: unknown[];
  'x-limits': { name: string; kind: string }[];
  responses: Record<string, { description: string }>;
  parameters?: { name: string; in: string }[];
  operationId: string;
};
const doc = buildOpenApi() as { paths: Record<string, Record<string, Operation>> };

describe('Function: buildOpenApi', () => {
  it('matches the committed docs/openapi.json (run `npm run openapi` after changing the API)', () => {
    // Prepare
    const committed = JSON.parse(
      readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')
    );

    // Assess
    expect(committed).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('describes every route of the route table, and nothing else', () => {
    // Prepare
    const described = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)
    );

    // Assess
    expect(described.sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('documents every status a route contract declares, errors with the one error body', () => {
    for (const route of routes) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()] as Operation;
      expect(Object.keys(operation.responses).sort(), `${route.method} ${route.path}`).toEqual(
        Object.keys(route.responses).sort()
      );
    }
    expect(JSON.stringify(doc.paths['/links/{linkId}']?.patch?.responses['409'])).toContain(
      '#/components/schemas/Error'
    );
  });

  it('requires the tenant JWT exactly on tenant routes', () => {
    for (const route of routes) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.security, `${route.method} ${route.path}`).toEqual(
        route.access === 'tenant' ? [{ tenantJwt: [] }] : []
      );
    }
  });

  it('documents every path parameter of every route', () => {
    for (const route of routes) {
      const templated = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      const documented = (operation?.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => p.name);
      expect(documented.sort(), `${route.method} ${route.path}`).toEqual(templated.sort());
    }
  });

  it('names every quota, cool-down and throttle of a route, with its number, in x-limits and its 429', () => {
    // Prepare
    const expected = routes.map((route) => {
      const key = `${route.method} ${route.path}`;
      return [
        key,
        [
          ...(route.quotas ?? []).map((name) => QUOTAS[name].name),
          ...(route.cooldowns ?? []).map((name) => COOLDOWNS[name].name),
          'route_throttle',
        ],
      ];
    });

    // Act
    const described = routes.map((route) => {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()] as Operation;
      const tooMany = operation.responses['429']?.description ?? '';
      return [
        `${route.method} ${route.path}`,
        operation['x-limits']
          .map((limit) => limit.name)
          .filter((name) => name === 'route_throttle' || tooMany.includes(`\`${name}\``)),
      ];
    });

    // Assess
    expect(described).toEqual(expected);
    const reconcile = doc.paths['/reconcile/runs']?.post as Operation;
    expect(reconcile.responses['429']?.description).toContain('cool-down: 60 s');
  });

  it('gives every operation a unique id', () => {
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((op) => op.operationId)
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
