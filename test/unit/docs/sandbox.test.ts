import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminRoutes } from '../../../infra/local/meta-sandbox/src/admin/routes.js';

/** docs/sandbox.md lists every admin route the sandbox serves, and no route it does not. */

const doc = readFileSync(join(import.meta.dirname, '../../../docs/sandbox.md'), 'utf8');

/** `METHOD /path` of each row of the doc's admin route table, `{id}` for a parameter. */
const documentedRoutes = (): string[] =>
  [...doc.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) +\| `(\/_admin\/[^`]*)`/gm)].map(
    ([, method, path]) => `${method} ${path}`
  );

describe('docs/sandbox.md', () => {
  it('lists every admin route of the sandbox, and only those', () => {
    // Act
    const served = adminRoutes.map(
      (route) => `${route.method} ${route.pattern.replace(/:(\w+)/g, '{$1}')}`
    );

    // Assess
    expect(documentedRoutes().sort()).toEqual(served.sort());
  });
});
