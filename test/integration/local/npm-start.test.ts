import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../infra/local/meta-sandbox/src/seed.js';
import { REPO_ROOT } from '../../../infra/local/runtime/src/lambda.js';
import { localTableName } from '../../../infra/local/runtime/src/provision.js';
import {
  freePorts,
  type NpmStartPorts,
  type Started,
  startNpmStart,
  stopNpmStart as stop,
} from '../../helpers/npm-start.js';
import { eventually } from '../../helpers/system.js';

/**
 * `npm start` as a developer runs it, in a process of its own (ports picked free, data in a
 * temporary directory instead of .local/): its data survives a restart, a `kill -9` leaves no
 * DynamoDB Local behind for the next start to trip on, a table deleted while it runs comes back, and
 * `--fresh` starts over.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-start-'));
const running: ChildProcess[] = [];

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const start = async (ports: NpmStartPorts, ...args: string[]): Promise<Started> => {
  const started = await startNpmStart(ports, dataDir, ...args);
  running.push(started.child);
  return started;
};

const documents = (ports: NpmStartPorts) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${ports.TANDEM_DYNAMODB_PORT}`,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    })
  );

const sandboxAdmin = async (ports: NpmStartPorts, method: string, path: string, body?: unknown) => {
  const response = await fetch(`http://127.0.0.1:${ports.TANDEM_SANDBOX_PORT}/_admin${path}`, {
    method,
    ...(body
      ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
      : {}),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as { profile?: { about?: string } };
};

const KEY = { pk: 'TEST#npm-start', sk: 'KEPT' };
const LINKS = localTableName('links');

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start under faults', () => {
  it('keeps its data across a kill -9 and a restart, leaves no JVM behind, heals a deleted table, and --fresh wipes it', async () => {
    // Prepare: data in DynamoDB Local and in the sandbox, then `npm start` killed outright.
    const ports = await freePorts();
    const first = await start(ports);
    const db = documents(ports);
    await db.send(new PutCommand({ TableName: LINKS, Item: { ...KEY, note: 'kept' } }));
    await sandboxAdmin(ports, 'PATCH', `/phone-numbers/${DEMO.phoneNumberIdA}/profile`, {
      about: 'Kept across restarts',
    });
    const sandboxState = join(dataDir, 'sandbox.state');
    await eventually(
      () => expect(readFileSync(sandboxState).includes('Kept across restarts')).toBe(true),
      { timeoutMs: 15_000 }
    );
    const jvm = Number(readFileSync(join(dataDir, 'dynamodb.pid'), 'utf8'));

    // Act
    first.child.kill('SIGKILL');

    // Assess: the JVM goes with it, and the next start on the same ports finds everything.
    await eventually(() => expect(isAlive(jvm)).toBe(false), { timeoutMs: 15_000 });
    const second = await start(ports);
    expect((await db.send(new GetCommand({ TableName: LINKS, Key: KEY }))).Item).toMatchObject({
      note: 'kept',
    });
    expect(
      (await sandboxAdmin(ports, 'GET', `/phone-numbers/${DEMO.phoneNumberIdA}`)).profile?.about
    ).toBe('Kept across restarts');

    // A table deleted while it runs is created again.
    const idempotency = localTableName('idempotency');
    await db.send(new DeleteTableCommand({ TableName: idempotency }));
    await eventually(
      async () =>
        expect((await db.send(new ListTablesCommand({}))).TableNames).toContain(idempotency),
      { timeoutMs: 30_000, intervalMs: 500 }
    );
    await stop(second);
    expect(existsSync(join(dataDir, 'dynamodb.pid'))).toBe(false);

    // --fresh starts from nothing.
    const third = await start(ports, '--fresh');
    expect((await db.send(new GetCommand({ TableName: LINKS, Key: KEY }))).Item).toBeUndefined();
    expect(
      (await sandboxAdmin(ports, 'GET', `/phone-numbers/${DEMO.phoneNumberIdA}`)).profile?.about
    ).not.toBe('Kept across restarts');
    await stop(third);
    db.destroy();
  }, 300_000);

  it('refuses an option it does not know, with the usage', async () => {
    // Act
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--frsh'], {
      cwd: REPO_ROOT,
      env: { ...process.env, TANDEM_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    // Assess
    expect(code).toBe(1);
    expect(text).toContain('unknown option --frsh');
    expect(text).toContain('--fresh wipes the local data first');
  }, 60_000);
});
