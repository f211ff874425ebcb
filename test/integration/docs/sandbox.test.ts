import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../infra/local/meta-sandbox/src/seed.js';
import { REPO_ROOT } from '../../../infra/local/runtime/src/lambda.js';
import { ensureDebianPackage } from '../../helpers/debian.js';
import { answerMismatch, docExamples } from '../../helpers/doc-examples.js';
import {
  freePorts,
  type NpmStartPorts,
  type Started,
  startNpmStart,
  stopNpmStart,
} from '../../helpers/npm-start.js';

/**
 * docs/sandbox.md cannot rot: every example in it runs, in order, in one shell, against a fresh
 * `npm start` of its own, and prints the answer the page shows. Then the local secrets are checked
 * across restarts: a dev token from `npm run token` and a webhook signed by `npm run sign` before a
 * restart are accepted after it, and `npm start -- --fresh` makes a new signing key.
 */

const DOC = join(REPO_ROOT, 'docs/sandbox.md');
const MARKER = '@@tandem-doc-example';
const CURL = '/usr/bin/curl';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-doc-'));
let ports: NpmStartPorts;
let system: Started | undefined;

const urls = () => ({
  api: `http://127.0.0.1:${ports.TANDEM_API_PORT}`,
  sandbox: `http://127.0.0.1:${ports.TANDEM_SANDBOX_PORT}`,
});

const scriptEnv = () => ({
  ...process.env,
  SANDBOX: urls().sandbox,
  API: urls().api,
  TANDEM_DATA_DIR: dataDir,
});

/** Runs a bash script from the repository's root; answers its exit code and what it printed. */
const runBash = (script: string, timeoutMs: number) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-c', script], {
      cwd: REPO_ROOT,
      env: scriptEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

/** `npm run -s <script> -- <args>`, as the page tells a developer to run it. */
const npmRun = async (script: string, ...args: string[]): Promise<string> => {
  const { stdout } = await promisify(execFile)('npm', ['run', '-s', script, '--', ...args], {
    cwd: REPO_ROOT,
    env: scriptEnv(),
  });
  return stdout.trim();
};

const links = (token: string) =>
  fetch(`${urls().api}/links`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  ensureDebianPackage({
    path: CURL,
    pkg: 'curl',
    missing: `The examples of docs/sandbox.md run with curl, which is not at ${CURL}: install it (apt-get install curl).`,
  });
  ports = await freePorts();
  system = await startNpmStart(ports, dataDir);
}, 120_000);

afterAll(async () => {
  if (system) await stopNpmStart(system);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('docs/sandbox.md', () => {
  it('runs every example against npm start, and each prints the answer shown', async () => {
    // Prepare
    const examples = docExamples(readFileSync(DOC, 'utf8'));
    const script = [
      'set -euo pipefail',
      ...examples.flatMap((example, index) => [
        `printf '\\n${MARKER} %d\\n' ${index}`,
        example.script,
      ]),
    ].join('\n');

    // Act
    const run = await runBash(script, 300_000);

    // Assess: the shell got to the end, then each example's output against its answer.
    const outputs = new Map<number, string>();
    for (const part of run.stdout.split(`\n${MARKER} `).slice(1)) {
      const newline = part.indexOf('\n');
      outputs.set(Number(part.slice(0, newline)), part.slice(newline + 1).trim());
    }
    const last = examples[Math.max(...outputs.keys())];
    expect(
      run.code,
      `the example at docs/sandbox.md:${last?.line} failed:\n${run.stderr}\n${run.stdout.slice(-2000)}`
    ).toBe(0);
    const mismatches = examples.flatMap((example, index) => {
      const output = outputs.get(index) ?? '';
      const problem = answerMismatch(example, output);
      return problem
        ? [`docs/sandbox.md:${example.answer?.line}: ${problem}\n--- printed:\n${output}`]
        : [];
    });
    expect(examples.length).toBeGreaterThan(30);
    expect(mismatches).toEqual([]);
  }, 360_000);

  it('keeps dev tokens and the app secret across a restart, and --fresh makes new ones', async () => {
    // Prepare: a dev token and a signed webhook, made before the restart.
    const token = await npmRun('token', '--tenant', 'restarted', '--name', 'Restarted Ltd');
    const body = JSON.stringify({
      object: 'page',
      entry: [{ id: DEMO.annexPageId, time: 1, changes: [{ field: 'name', value: 'Annex' }] }],
    });
    const bodyFile = join(dataDir, 'webhook.json');
    writeFileSync(bodyFile, body);
    const signature = await npmRun('sign', 'webhook', bodyFile);
    expect((await links(token)).status).toBe(200);

    // Act
    if (system) await stopNpmStart(system);
    system = await startNpmStart(ports, dataDir);

    // Assess
    expect((await links(token)).status).toBe(200);
    const webhook = await fetch(`${urls().api}/webhooks/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body,
    });
    expect(webhook.status).toBe(200);

    // Act: --fresh wipes the data, keys included.
    await stopNpmStart(system);
    system = await startNpmStart(ports, dataDir, '--fresh');

    // Assess
    expect((await links(token)).status).toBe(401);
    expect((await links(await npmRun('token', '--tenant', 'restarted'))).status).toBe(200);
  }, 300_000);
});
