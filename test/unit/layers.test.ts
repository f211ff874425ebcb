import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers point one way (docs/architecture.md), and Biome's restricted imports (biome.json)
 * enforce it. These run the project's own Biome configuration over small files placed where the
 * rules apply, so a rule that stops matching (an override renamed, a pattern mistyped) fails here
 * instead of letting the next wrong import through.
 */

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const biome = join(root, 'node_modules/.bin/biome');

interface Diagnostic {
  category: string;
  location: { path: string; start: { line: number } };
}

const probes: Record<string, string> = {
  'functions/http/probe.ts': [
    "import { functions } from '../../infra/shared/functions.js';",
    "import { tables } from '../adapters/dynamodb/tables.js';",
    'export { functions, tables };',
  ].join('\n'),
  'functions/adapters/sqs/probe.ts': [
    "import { system } from '../../../infra/local/runtime/src/system.js';",
    "import { queues } from './queues.js';",
    'export { queues, system };',
  ].join('\n'),
  'functions/core/probe.ts': [
    "import { clock } from '../adapters/clock.js';",
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import type { Context } from 'aws-lambda';",
    "import middy from '@middy/core';",
    "import { routes } from '../../infra/shared/routes.js';",
    "import { randomUUID } from 'node:crypto';",
    "import { ValidationError } from './errors.js';",
    'export { clock, DynamoDBClient, middy, randomUUID, routes, ValidationError };',
    'export type { Context };',
  ].join('\n'),
  'functions/core/sync/probe.ts':
    "import { tables } from '../../adapters/dynamodb/tables.js';\nexport { tables };",
};

let dir: string;
let restricted: Map<string, number[]>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-layers-'));
  await copyFile(join(root, 'biome.json'), join(dir, 'biome.json'));
  for (const [path, text] of Object.entries(probes)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), `${text}\n`);
  }
  // Biome exits non-zero when it reports errors; the JSON report is on stdout either way.
  const { stdout } = await run(biome, ['lint', '--vcs-enabled=false', '--reporter=json', '.'], {
    cwd: dir,
  }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  const report = JSON.parse(stdout) as { diagnostics: Diagnostic[] };
  restricted = new Map();
  for (const d of report.diagnostics) {
    if (d.category !== 'lint/style/noRestrictedImports') continue;
    const lines = restricted.get(d.location.path) ?? [];
    restricted.set(d.location.path, [...lines, d.location.start.line]);
  }
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('layering lint (biome.json)', () => {
  it('refuses an import of infra/ anywhere under functions/, and allows the adapters', () => {
    expect(restricted.get('functions/http/probe.ts')).toEqual([1]);
    expect(restricted.get('functions/adapters/sqs/probe.ts')).toEqual([1]);
  });

  it('refuses adapters, the AWS SDK, aws-lambda, middy and infra in functions/core; allows node:crypto', () => {
    expect(restricted.get('functions/core/probe.ts')).toEqual([1, 2, 3, 4, 5]);
    expect(restricted.get('functions/core/sync/probe.ts')).toEqual([1]);
  });
});
