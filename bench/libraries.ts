/**
 * Build versus library: each part Tandem wrote itself next to the well-kept library it could use
 * instead, both doing the same job in a minimal handler. Each handler is bundled with the shipping
 * esbuild options and imported in fresh Node 24 processes (median = cold init), as the footprint
 * bench does; then each is run once on the same input, so the figures compare handlers that do the
 * same thing, and what they print shows how they differ in behaviour.
 *
 * The libraries are installed on demand into bench/.libraries (git-ignored, pinned versions below),
 * so they never become dependencies of the project. Tandem's side of each pair lives in
 * bench/libraries/, type-checked with the code it measures; the libraries' side is source text here,
 * because the project cannot type-check against packages it does not install.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO } from '../infra/local/meta-sandbox/src/seed.js';
import { startSandbox } from '../infra/local/meta-sandbox/src/server.js';
import { bundle, coldInitMs, lambdaEnv } from './lambda-footprint.js';
import { sampleBatch } from './libraries/jobs.js';
import { adminOf, signIn } from './links.js';
import { saveResults } from './results.js';

const ROOT = resolve(import.meta.dirname, '..');
const SCRATCH = join(ROOT, 'bench', '.libraries');
const OUT = join(ROOT, 'bench', 'results', 'libraries');
const HERE = join(ROOT, 'bench', 'libraries');

/** The compared libraries, pinned so a later run measures the same code (2026-12-01: newest). */
const PACKAGES = {
  'facebook-nodejs-business-sdk': '24.0.1',
  '@aws-crypto/client-node': '5.0.2',
  '@aws-lambda-powertools/logger': '2.36.0',
  '@aws-lambda-powertools/metrics': '2.36.0',
  '@aws-lambda-powertools/batch': '2.35.0',
} as const;

/** One way of doing a comparison's job. */
interface Alternative {
  name: string;
  /** A module of bench/libraries/ (Tandem's side), or source text importing the libraries. */
  entry: { file: string } | { source: string };
}

interface Comparison {
  id: string;
  job: string;
  alternatives: Alternative[];
  /** Environment at init and run, beyond a deployed function's own. */
  env?: Record<string, string>;
  /**
   * What the run hands the handler (or its `bench` export, when it has one), and how many timed
   * calls follow the first (for a per-call figure).
   */
  run: { input: unknown; repeat?: number };
  /**
   * Run against the Meta sandbox: GRAPH_API_BASE_URL and the app are set, the demo user's token is
   * added to the input as `token`, and the Graph requests each alternative made are recorded.
   */
  sandbox?: boolean;
}

const tandemCore = (path: string): string => JSON.stringify(join(ROOT, 'functions', path));
const benchModule = (path: string): string => JSON.stringify(join(HERE, path));

/** A long-lived user token is about 200 characters; the bench seals one of that length. */
const META_TOKEN = `EAAB${'ZC3xW9fLq7'.repeat(20)}`;
/** 32 zero bytes, base64: a local key for the run (KMS cannot be reached from here). */
const LOCAL_KEY = Buffer.alloc(32, 7).toString('base64');

const comparisons: Comparison[] = [
  {
    id: 'graph',
    job: 'read a Page, read and update its number’s WhatsApp business profile',
    alternatives: [
      { name: 'Tandem Graph client', entry: { file: 'tandem-graph.ts' } },
      {
        name: 'facebook-nodejs-business-sdk',
        entry: { source: metaSdkSource('facebook-nodejs-business-sdk', false) },
      },
      {
        name: 'facebook-nodejs-business-sdk + appsecret_proof',
        entry: { source: metaSdkSource('facebook-nodejs-business-sdk', true) },
      },
      {
        name: 'facebook-nodejs-business-sdk (ESM build) + appsecret_proof',
        entry: { source: metaSdkSource('facebook-nodejs-business-sdk/dist/es.js', true) },
      },
    ],
    run: { input: { pageId: DEMO.pageId, phoneNumberId: DEMO.phoneNumberIdA } },
    sandbox: true,
  },
  {
    id: 'crypto',
    job: 'seal a Meta token under a KMS-wrapped data key with its encryption context, open it',
    alternatives: [
      { name: 'Tandem envelope (AES-256-GCM)', entry: { file: 'tandem-crypto.ts' } },
      { name: '@aws-crypto/client-node (default suite)', entry: { source: esdkSource(true) } },
      { name: '@aws-crypto/client-node (no signature)', entry: { source: esdkSource(false) } },
    ],
    // The run uses the local key; init builds the KMS variant as in AWS (see `initEnv`).
    env: { TOKEN_KEY_LOCAL: LOCAL_KEY },
    run: {
      input: {
        token: META_TOKEN,
        context: { tenantId: 't-1', grantId: 'g-1', purpose: 'meta_user_token' },
      },
      repeat: 200,
    },
  },
  {
    id: 'logger',
    job: 'a child logger’s info line carrying a token and an error code, then an error',
    alternatives: [
      { name: 'Tandem logger', entry: { file: 'tandem-logger.ts' } },
      {
        name: '@aws-lambda-powertools/logger',
        entry: {
          source: `
import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger({ serviceName: 'tandem' });
export const handler = async (input) => {
  const log = logger.createChild({ persistentKeys: { linkId: input.linkId } });
  log.info('profile written', {
    grant: { accessToken: input.accessToken },
    errorCode: 'rate_limited',
    durationMs: 12,
  });
  log.error('sync failed', { error: new Error('Meta answered 503') });
};`,
        },
      },
    ],
    env: { LOG_LEVEL: 'info' },
    run: { input: { linkId: 'l-1', accessToken: META_TOKEN } },
  },
  {
    id: 'metrics',
    job: 'one reconciled page as CloudWatch EMF: three counts by Scope, one per drift class',
    alternatives: [
      { name: 'Tandem metrics (EMF)', entry: { file: 'tandem-metrics.ts' } },
      {
        name: '@aws-lambda-powertools/metrics',
        entry: {
          source: `
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DRIFT_CLASSES } from ${tandemCore('core/reconcile/drift.ts')};
const metrics = new Metrics({ namespace: 'Tandem', serviceName: 'tandem' });
export const handler = async ({ scope, counts }) => {
  metrics.addDimension('Scope', scope);
  metrics.addMetric('LinksChecked', MetricUnit.Count, counts.linksChecked);
  metrics.addMetric('ReconcileErrors', MetricUnit.Count, counts.errors);
  metrics.addMetric('SyncsEnqueued', MetricUnit.Count, counts.syncsEnqueued);
  for (const driftClass of DRIFT_CLASSES) {
    const count = counts.drift[driftClass];
    if (!count) continue;
    const single = metrics.singleMetric();
    single.addDimension('DriftClass', driftClass);
    single.addMetric('LinksByDriftClass', MetricUnit.Count, count);
  }
  metrics.publishStoredMetrics();
};`,
        },
      },
    ],
    env: { LOG_LEVEL: 'info' },
    run: {
      input: {
        scope: 'all',
        counts: {
          linksChecked: 100,
          errors: 1,
          syncsEnqueued: 3,
          drift: { in_sync: 96, page_changed: 3 },
        },
      },
    },
  },
  {
    id: 'batch',
    job: 'run an SQS batch of Tandem jobs: partial failures, invalid jobs to the DLQ with a reason',
    alternatives: [
      { name: 'Tandem batch runner', entry: { file: 'tandem-batch.ts' } },
      {
        name: '@aws-lambda-powertools/batch',
        entry: {
          source: `
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { TandemError } from ${tandemCore('core/errors.ts')};
import { parseJob } from ${tandemCore('core/jobs.ts')};
import { logger } from ${tandemCore('adapters/observability/logger.ts')};
import { memoryDeadLetters, runSync, sqsDeadLetters } from ${benchModule('jobs.ts')};

const processor = new BatchProcessor(EventType.SQS);

// What Powertools leaves to the record handler: dead-lettering with a reason, as Tandem's runner does.
const recordHandler = (deadLetters) => async (record) => {
  const receiveCount = Number(record.attributes.ApproximateReceiveCount) || 1;
  const parsed = parseJob(record.body);
  if (!parsed.ok) {
    return deadLetters.send(record, { reason: parsed.reason, code: 'invalid_envelope', receiveCount });
  }
  try {
    await runSync(parsed.job, { messageId: record.messageId, receiveCount, log: logger });
  } catch (error) {
    if (error instanceof TandemError && !error.retryable) {
      return deadLetters.send(record, { reason: error.message, code: error.code, receiveCount });
    }
    throw error;
  }
};

const runJobs = (event, deadLetters) =>
  processPartialResponse(event, recordHandler(deadLetters), processor);

const deadLetters = sqsDeadLetters();

export const handler = (event) => runJobs(event, deadLetters);

export const bench = async (event) => {
  const memory = memoryDeadLetters();
  return { response: await runJobs(event, memory.sink), deadLetters: memory.letters };
};`,
        },
      },
    ],
    env: {
      LOG_LEVEL: 'silent',
      SYNC_DLQ_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/sync-dlq',
    },
    run: { input: sampleBatch },
  },
  {
    id: 'middy',
    job: 'an HTTP API handler answering 200 JSON',
    alternatives: [
      { name: 'plain async function', entry: { file: 'http-plain.ts' } },
      { name: '@middy/core', entry: { file: 'http-middy.ts' } },
    ],
    run: { input: { rawPath: '/health' } },
  },
];

/**
 * The Meta SDK doing the Graph job; `from` picks the CommonJS main or the ESM build. The SDK never
 * sends appsecret_proof, which an app with "Require App Secret" on needs: `proof` adds it by hand.
 */
function metaSdkSource(from: string, proof: boolean): string {
  return `
import { createHmac } from 'node:crypto';
import { FacebookAdsApi, Page } from '${from}';
// The SDK has no base URL option: pointing it at the sandbox means replacing its constant.
if (process.env.GRAPH_API_BASE_URL) {
  Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => process.env.GRAPH_API_BASE_URL });
}
const PROFILE_FIELDS = 'about,address,description,email,profile_picture_url,websites,vertical';
const proofOf = (token) => ${
    proof
      ? "({ appsecret_proof: createHmac('sha256', process.env.META_APP_SECRET ?? '').update(token).digest('hex') })"
      : '({})'
  };
export const handler = async (input) => {
  // One API object per token (tenants differ); the crash reporter is off (it sends crashes to Meta).
  const api = new FacebookAdsApi(input.token, 'en_US', false);
  // A fresh object per call: the SDK writes \`fields\` into the params it is given.
  const page = await new Page(input.pageId, {}, undefined, api).get(
    ['name', 'about', 'website'],
    proofOf(input.token)
  );
  // The SDK has no node for the Cloud API's business profile: raw calls.
  const profile = await api.call('GET', [input.phoneNumberId, 'whatsapp_business_profile'], {
    fields: PROFILE_FIELDS,
    ...proofOf(input.token),
  });
  await api.call('POST', [input.phoneNumberId, 'whatsapp_business_profile'], {
    messaging_product: 'whatsapp',
    about: 'Fresh bread',
    ...proofOf(input.token),
  });
  return { page: page._data, profile };
};`;
}

/** The AWS Encryption SDK doing the crypto job, with its default suite or without the signature. */
function esdkSource(signed: boolean): string {
  return `
import {
  AlgorithmSuiteIdentifier,
  buildClient,
  CommitmentPolicy,
  KmsKeyringNode,
  RawAesKeyringNode,
  RawAesWrappingSuiteIdentifier,
} from '@aws-crypto/client-node';
const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
const keyring = process.env.TOKEN_KEY_ARN
  ? new KmsKeyringNode({ generatorKeyId: process.env.TOKEN_KEY_ARN })
  : new RawAesKeyringNode({
      keyName: 'local',
      keyNamespace: 'tandem',
      // The SDK wants a buffer of its own (Buffer.from(base64) shares Node's pool).
      unencryptedMasterKey: new Uint8Array(Buffer.from(process.env.TOKEN_KEY_LOCAL ?? '', 'base64')),
      wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
    });
const suite = ${signed ? '{}' : '{ suiteId: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY }'};
export const handler = async ({ token, context }) => {
  const { result } = await encrypt(keyring, token, { encryptionContext: context, ...suite });
  const { plaintext, messageHeader } = await decrypt(keyring, result);
  // The message carries its own context: a copy on another item opens unless this check refuses it.
  for (const [key, value] of Object.entries(context)) {
    if (messageHeader.encryptionContext[key] !== value) throw new Error('encryption context mismatch');
  }
  // As stored: the message in a binary attribute.
  return { storedBytes: result.length, same: plaintext.toString('utf8') === token };
};`;
}

const installedVersion = (name: string): string | undefined => {
  const file = join(SCRATCH, 'node_modules', name, 'package.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    : undefined;
};

/** Installs the pinned libraries into the scratch folder unless they are there already. */
const installLibraries = (): void => {
  const missing = Object.entries(PACKAGES).filter(([name, v]) => installedVersion(name) !== v);
  if (missing.length === 0) return;
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(
    join(SCRATCH, 'package.json'),
    `${JSON.stringify({ private: true, dependencies: PACKAGES }, null, 2)}\n`
  );
  console.log(`installing ${missing.map(([name, v]) => `${name}@${v}`).join(' ')} into ${SCRATCH}`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: SCRATCH,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm install in ${SCRATCH} failed`);
};

const deployedEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  ...lambdaEnv('worker', { needs: { syncQueue: 'consume', tokenKey: 'encryptDecrypt' } }),
  ...extra,
});

/** At init, the KMS key as in AWS (building its client is part of the cold start), logs off. */
const initEnv = (extra?: Record<string, string>): Record<string, string> => {
  const { TOKEN_KEY_LOCAL: _local, ...env } = deployedEnv(extra);
  return { ...env, LOG_LEVEL: 'silent' };
};

/** At run, the local key: KMS cannot be reached from here. */
const runEnv = (extra?: Record<string, string>): Record<string, string> => {
  const { TOKEN_KEY_ARN: _arn, ...env } = deployedEnv(extra);
  return env;
};

interface SandboxRun {
  token: string;
  env: Record<string, string>;
  /** The Graph requests made since the last call, which it forgets. */
  takeRequests(): Promise<{ method: string; path: string; status: number }[]>;
  close(): Promise<void>;
}

const META_APP = { META_APP_ID: '1234567890', META_APP_SECRET: 'bench-app-secret' };

/** The seeded sandbox on an ephemeral port, and the demo user signed in through its dialog. */
const startSandboxRun = async (): Promise<SandboxRun> => {
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    appId: META_APP.META_APP_ID,
    appSecret: META_APP.META_APP_SECRET,
  });
  // The sign-in redirects to the API's callback, which the bench never follows.
  const side = { urls: { sandbox: sandbox.url, api: 'http://127.0.0.1:9' }, env: META_APP };
  const token = await signIn(side, DEMO.userId);
  const admin = adminOf(side);
  const takeRequests = async () => {
    const { requests } = await admin<{
      requests: { method: string; path: string; status: number }[];
    }>('GET', '/requests');
    await admin('DELETE', '/requests');
    return requests.map(({ method, path, status }) => ({ method, path, status }));
  };
  await takeRequests();
  return {
    token,
    env: { ...META_APP, GRAPH_API_BASE_URL: sandbox.url },
    takeRequests,
    close: sandbox.close,
  };
};

interface RunResult {
  output?: unknown;
  /** With the sandbox: the Graph requests the run made, and what the sandbox answered. */
  graphRequests?: { method: string; path: string; status: number }[];
  /** What the handler printed (log lines, metric documents), parsed when JSON. */
  printed: { stdout: unknown[]; stderr: unknown[] };
  /** Whether the bench's Meta token appears in anything printed (it never should). */
  printedToken: boolean;
  msPerCall?: number;
  error?: string;
}

const RESULT_MARK = '@@bench-result ';

/** Imports a bundle in a fresh process and calls it once (plus `repeat` timed calls). */
/** Runs a Node script in a child process without blocking this one, which may serve the sandbox. */
const runScript = (
  script: string,
  env: Record<string, string>
): Promise<{ stdout: string; stderr: string }> =>
  new Promise((done) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (_error, stdout, stderr) => done({ stdout, stderr })
    );
  });

const runOnce = async (
  file: string,
  comparison: Comparison,
  sandbox: SandboxRun | undefined
): Promise<RunResult> => {
  const { repeat = 0 } = comparison.run;
  const input = sandbox
    ? { ...(comparison.run.input as object), token: sandbox.token }
    : comparison.run.input;
  const script = `
const m = await import(${JSON.stringify(file)});
const call = m.bench ?? m.handler;
const input = JSON.parse(process.env.BENCH_INPUT);
const context = { getRemainingTimeInMillis: () => 30000, functionName: 'bench', awsRequestId: 'r-1' };
let result;
try {
  const output = await call(input, context);
  const repeat = Number(process.env.BENCH_REPEAT);
  const started = performance.now();
  for (let i = 0; i < repeat; i++) await call(input, context);
  result = { output, ...(repeat > 0 ? { msPerCall: (performance.now() - started) / repeat } : {}) };
} catch (error) {
  result = { output: null, error: String(error) };
}
process.stdout.write('\\n${RESULT_MARK}' + JSON.stringify(result) + '\\n');`;
  const child = await runScript(script, {
    ...runEnv({ ...comparison.env, ...sandbox?.env }),
    PATH: process.env.PATH ?? '',
    BENCH_INPUT: JSON.stringify(input),
    BENCH_REPEAT: String(repeat),
  });
  const resultLine = child.stdout.split('\n').find((line) => line.startsWith(RESULT_MARK));
  if (!resultLine) {
    throw new Error(`run of ${file} printed no result: ${child.stderr.slice(-2000)}`);
  }
  const result = JSON.parse(resultLine.slice(RESULT_MARK.length)) as RunResult;
  const parsed = (text: string): unknown[] =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '' && line !== resultLine)
      .map((line) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return line;
        }
      });
  return {
    ...result,
    printed: { stdout: parsed(child.stdout), stderr: parsed(child.stderr) },
    printedToken: `${child.stdout}${child.stderr}`.includes(META_TOKEN),
    ...(result.msPerCall === undefined
      ? {}
      : { msPerCall: Math.round(result.msPerCall * 1000) / 1000 }),
  };
};

interface AlternativeResult {
  name: string;
  bundleKiB: number;
  initMs: number;
  run: RunResult;
}

interface LibrariesResults {
  measuredAt: string;
  node: string;
  initRuns: number;
  packages: Record<string, string | undefined>;
  /** A handler that imports nothing: what every cold init pays anyway. */
  floor: { bundleKiB: number; initMs: number };
  comparisons: { id: string; job: string; alternatives: AlternativeResult[] }[];
}

const kib = (bytes: number): number => Math.round(bytes / 102.4) / 10;
const tenth = (ms: number): number => Math.round(ms * 10) / 10;

const measureLibraries = async (): Promise<LibrariesResults> => {
  installLibraries();
  mkdirSync(OUT, { recursive: true });
  const floorFile = join(OUT, 'floor.mjs');
  const floorSize = await bundle(
    { contents: 'export const handler = async () => ({ statusCode: 200 });' },
    floorFile
  );
  const results: LibrariesResults = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    initRuns: Number(process.env.BENCH_RUNS ?? 25),
    packages: Object.fromEntries(
      Object.keys(PACKAGES).map((name) => [name, installedVersion(name)])
    ),
    floor: { bundleKiB: kib(floorSize), initMs: tenth(coldInitMs(floorFile, initEnv())) },
    comparisons: [],
  };
  const sandbox = comparisons.some((comparison) => comparison.sandbox)
    ? await startSandboxRun()
    : undefined;
  for (const comparison of comparisons) {
    const alternatives: AlternativeResult[] = [];
    const sandboxRun = comparison.sandbox ? sandbox : undefined;
    for (const [index, alternative] of comparison.alternatives.entries()) {
      const file = join(OUT, `${comparison.id}-${index}.mjs`);
      const size = await bundle(
        'file' in alternative.entry
          ? join('bench', 'libraries', alternative.entry.file)
          : { contents: alternative.entry.source, resolveDir: SCRATCH },
        file
      );
      alternatives.push({
        name: alternative.name,
        bundleKiB: kib(size),
        initMs: tenth(coldInitMs(file, initEnv(comparison.env))),
        run: await runOnce(file, comparison, sandboxRun),
      });
      const last = alternatives.at(-1);
      if (sandboxRun && last) last.run.graphRequests = await sandboxRun.takeRequests();
    }
    results.comparisons.push({ id: comparison.id, job: comparison.job, alternatives });
  }
  await sandbox?.close();
  saveResults('libraries', results);
  return results;
};

export type { LibrariesResults };
export { measureLibraries };
