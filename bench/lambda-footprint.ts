/**
 * Bundle size and cold init time of each Lambda next to its floor: a handler that only creates the
 * same AWS SDK clients. Each bundle is built with the shipping esbuild options, then imported in a
 * fresh Node 24 process many times; the median import time is the cold init figure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundling } from '../infra/shared/bundling.js';
import {
  type FunctionName,
  type FunctionSpec,
  functions,
  type Needs,
} from '../infra/shared/functions.js';
import { grantedEnvOf } from '../test/helpers/granted-env.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'results', 'footprint');
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

/** The SDK clients a function's needs imply: exactly what its floor handler creates. */
const floorSource = (needs: Needs): string => {
  const lines: string[] = [];
  if (needs.tables || needs.probes) {
    lines.push(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      'export const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));'
    );
  }
  if (needs.syncQueue || needs.probes) {
    lines.push(
      "import { SQSClient } from '@aws-sdk/client-sqs';",
      'export const sqs = new SQSClient({});'
    );
  }
  if (needs.tokenKey) {
    lines.push(
      "import { KMSClient } from '@aws-sdk/client-kms';",
      'export const kms = new KMSClient({});'
    );
  }
  if (needs.metaAppSecret) {
    lines.push(
      "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
      'export const secrets = new SecretsManagerClient({});'
    );
  }
  lines.push('export const handler = async () => ({ statusCode: 200 });');
  return lines.join('\n');
};

/**
 * Environment a deployed function would have, so config parsing succeeds at init: the stack's shared
 * variables and what its needs grant (infra/shared/needs.ts), in their AWS form.
 */
const lambdaEnv = (
  name: FunctionName,
  spec: Pick<FunctionSpec, 'needs'>
): Record<string, string> => {
  const env: Record<string, string> = {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    META_APP_ID: '1234567890',
    // Login for Business configurations, as the stack sets them for every function.
    META_LOGIN_CONFIG_ID: '2345678901',
    META_STORIES_LOGIN_CONFIG_ID: '3456789012',
    PUBLIC_BASE_URL: 'https://api.example.com',
    LOG_LEVEL: 'silent',
    STAGE: 'prod',
  };
  Object.assign(env, grantedEnvOf(name, spec));
  return env;
};

/**
 * Bundles an entry (a path from the repository root, or source text whose bare imports resolve from
 * `resolveDir`, the repository root by default) with the shipping options; answers its size in bytes.
 */
const bundle = async (
  entryPoint: string | { contents: string; resolveDir?: string },
  outfile: string
): Promise<number> => {
  const input =
    typeof entryPoint === 'string'
      ? { entryPoints: [join(ROOT, entryPoint)] }
      : {
          stdin: {
            contents: entryPoint.contents,
            resolveDir: entryPoint.resolveDir ?? ROOT,
            loader: 'ts' as const,
          },
        };
  await build({
    ...input,
    outfile,
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format,
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    mainFields: [...bundling.mainFields],
    banner: { js: bundling.banner },
    logLevel: 'error',
  });
  return statSync(outfile).size;
};

/** Median wall time of importing the bundle in a fresh process (module evaluation = Lambda init). */
const coldInitMs = (file: string, env: Record<string, string>): number => {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...env, PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`init of ${file} failed: ${result.stderr}`);
    samples.push(Number(result.stdout));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
};

interface FootprintRow {
  fn: string;
  bundleKiB: number;
  floorKiB: number;
  sizeRatio: number;
  initMs: number;
  floorInitMs: number;
  initRatio: number;
}

const measureFootprint = async (): Promise<FootprintRow[]> => {
  mkdirSync(OUT, { recursive: true });
  const rows: FootprintRow[] = [];
  for (const [name, spec] of Object.entries(functions)) {
    const file = join(OUT, `${name}.mjs`);
    const floorFile = join(OUT, `${name}.floor.mjs`);
    const size = await bundle(spec.entry, file);
    const floorSize = await bundle({ contents: floorSource(spec.needs) }, floorFile);
    const env = lambdaEnv(name as FunctionName, spec);
    const initMs = coldInitMs(file, env);
    const floorInitMs = coldInitMs(floorFile, env);
    rows.push({
      fn: spec.id,
      bundleKiB: Math.round(size / 102.4) / 10,
      floorKiB: Math.round(floorSize / 102.4) / 10,
      sizeRatio: Math.round((size / floorSize) * 100) / 100,
      initMs: Math.round(initMs * 10) / 10,
      floorInitMs: Math.round(floorInitMs * 10) / 10,
      initRatio: Math.round((initMs / floorInitMs) * 100) / 100,
    });
  }
  writeFileSync(join(OUT, 'footprint.json'), `${JSON.stringify(rows, null, 2)}\n`);
  return rows;
};

export type { FootprintRow };
export { bundle, coldInitMs, lambdaEnv, measureFootprint };
