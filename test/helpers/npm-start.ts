import { type ChildProcess, spawn } from 'node:child_process';
import { expect } from 'vitest';
import { REPO_ROOT } from '../../infra/local/runtime/src/lambda.js';
import { probePort } from '../../infra/local/runtime/src/net.js';
import { eventually } from './system.js';

/**
 * `npm start` as a developer runs it, in a process of its own: ports picked free, data in the
 * directory a test names instead of .local/.
 */

interface NpmStartPorts {
  TANDEM_API_PORT: string;
  TANDEM_SANDBOX_PORT: string;
  TANDEM_DYNAMODB_PORT: string;
  TANDEM_SQS_PORT: string;
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

const freePorts = async (): Promise<NpmStartPorts> => ({
  TANDEM_API_PORT: String(await probePort(0, '127.0.0.1', 'api')),
  TANDEM_SANDBOX_PORT: String(await probePort(0, '127.0.0.1', 'sandbox')),
  TANDEM_DYNAMODB_PORT: String(await probePort(0, '0.0.0.0', 'dynamodb')),
  TANDEM_SQS_PORT: String(await probePort(0, '127.0.0.1', 'sqs')),
});

/** Runs infra/local/start.ts (what `npm start` runs) and waits for its banner. */
const startNpmStart = async (
  ports: NpmStartPorts,
  dataDir: string,
  ...args: string[]
): Promise<Started> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...ports, TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const started = { child, output: () => text };
  try {
    await eventually(
      () => {
        if (child.exitCode !== null) throw new Error(`npm start exited: ${text}`);
        expect(text).toContain('Tandem is running locally.');
      },
      { timeoutMs: 90_000, intervalMs: 250 }
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return started;
};

/** Stops it as Ctrl-C would, and waits until it has. */
const stopNpmStart = (started: Started): Promise<void> =>
  new Promise((resolve) => {
    if (started.child.exitCode !== null) {
      resolve();
      return;
    }
    started.child.once('exit', () => resolve());
    started.child.kill('SIGTERM');
  });

export type { NpmStartPorts, Started };
export { freePorts, startNpmStart, stopNpmStart };
