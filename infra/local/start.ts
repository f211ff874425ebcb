import { JavaMissingError } from './runtime/src/dynamodb.js';
import { localDataDir } from './runtime/src/local-data.js';
import { PortInUseError } from './runtime/src/net.js';
import { type LocalSystem, startLocalSystem } from './runtime/src/system.js';

/**
 * `npm start`: the whole of Tandem on this machine, on fixed ports (override with TANDEM_API_PORT,
 * TANDEM_SANDBOX_PORT, TANDEM_DYNAMODB_PORT, TANDEM_SQS_PORT), until Ctrl-C. Data is kept in .local/
 * (TANDEM_DATA_DIR to put it elsewhere) across restarts; `npm start -- --fresh` wipes it first.
 */

const USAGE = 'Usage: npm start [-- --fresh]   (--fresh wipes the local data first)';

const PORT_ENV = {
  api: ['TANDEM_API_PORT', 3000],
  sandbox: ['TANDEM_SANDBOX_PORT', 4000],
  dynamodb: ['TANDEM_DYNAMODB_PORT', 8000],
  sqs: ['TANDEM_SQS_PORT', 9324],
} as const;

const portFromEnv = ([name, fallback]: readonly [string, number]): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a port number between 1 and 65535, not "${value}".`);
  }
  return port;
};

const banner = (system: LocalSystem, token: string, dataDir: string): string =>
  [
    '',
    'Tandem is running locally.',
    `  API          ${system.urls.api}`,
    `  Console      ${system.urls.api}/console/   (sign in as any tenant)`,
    `  Meta sandbox ${system.urls.sandbox}`,
    `  DynamoDB     ${system.urls.dynamodb}   (tables ${Object.values(system.tables).join(', ')})`,
    `  SQS          ${system.urls.sqs}   (${system.queues.syncUrl})`,
    `  Data         ${dataDir}   (kept across restarts; npm start -- --fresh wipes it)`,
    '',
    'Dev token for tenant "demo" (valid 1 hour; npm run token -- --tenant <id> mints more):',
    `  ${token}`,
    '',
    'Try it:',
    `  curl -H "Authorization: Bearer ${token}" ${system.urls.api}/links`,
    `  curl -X POST ${system.urls.api}/_local/reconcile    # start a reconcile run now`,
    `  curl ${system.urls.sandbox}/_admin/state               # the Meta sandbox (docs/sandbox.md)`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');

const explain = (error: unknown): string => {
  if (error instanceof PortInUseError) {
    const entry = Object.values(PORT_ENV).find(([, fallback]) => fallback === error.port);
    const hint = entry ? ` Stop whatever uses it, or set ${entry[0]} to another port.` : '';
    return `${error.message}${hint}`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    const port = (error as { port?: number }).port;
    const entry = Object.values(PORT_ENV).find(([, fallback]) => fallback === port);
    return `Port ${port ?? '?'} is already in use.${entry ? ` Stop whatever uses it, or set ${entry[0]} to another port.` : ''}`;
  }
  if (error instanceof JavaMissingError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--fresh');
  if (unknown.length > 0) {
    console.error(`Tandem could not start: unknown option ${unknown.join(' ')}.\n${USAGE}`);
    process.exit(1);
  }
  const dataDir = localDataDir();
  let ports: { api: number; sandbox: number; dynamodb: number; sqs: number };
  try {
    ports = {
      api: portFromEnv(PORT_ENV.api),
      sandbox: portFromEnv(PORT_ENV.sandbox),
      dynamodb: portFromEnv(PORT_ENV.dynamodb),
      sqs: portFromEnv(PORT_ENV.sqs),
    };
  } catch (error) {
    console.error(`Tandem could not start: ${explain(error)}`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why}: stopping Tandem...`);
    // A signal during start-up waits for the start to finish (or fail), then stops what runs.
    const system = await starting.catch(() => undefined);
    await system?.stop();
    console.log('Stopped.');
    process.exit(code);
  };
  const starting = startLocalSystem({
    ports,
    data: { dir: dataDir, fresh: args.includes('--fresh') },
    corsEnabled: process.env.TANDEM_CORS_ENABLED === 'true',
    onFatal: (error) => {
      console.error(`\nTandem cannot go on: ${error.message}`);
      void shutdown('DynamoDB Local is gone', 1);
    },
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let system: LocalSystem;
  try {
    system = await starting;
  } catch (error) {
    // startLocalSystem has already stopped whatever it had started.
    console.error(`\nTandem could not start: ${explain(error)}`);
    process.exit(stopping ? 0 : 1);
  }
  if (stopping) return;
  const token = await system.issueDevToken({ tenantId: 'demo' });
  console.log(banner(system, token, dataDir));
};

void main();
