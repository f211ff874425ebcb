import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { ScheduledEvent, SQSEvent } from 'aws-lambda';
import { queues } from '../../../../functions/adapters/sqs/queues.js';
import { DEV_TOKEN_PATH } from '../../../shared/console.js';
import { reconcileSchedule } from '../../../shared/functions.js';
import { routes } from '../../../shared/routes.js';
import { DEMO } from '../../meta-sandbox/src/seed.js';
import { startSandbox } from '../../meta-sandbox/src/server.js';
import { advanceClock } from './clock-control.js';
import { createConsoleSite } from './console.js';
import { mintDevToken } from './dev-token.js';
import { startDynamoDbLocal, stopLeftoverDynamoDb } from './dynamodb.js';
import { type EnvContext, functionEnvs, systemEnv } from './env.js';
import { type RouteAnswer, startGateway } from './gateway.js';
import { createDevIdentity, type DevTokenRequest, type TokenSigner } from './identity.js';
import { createInvoker, type Invoker } from './lambda.js';
import { localSecrets } from './local-data.js';
import { createMediaHandler } from './media.js';
import { startPoller } from './poller.js';
import {
  keepTablesProvisioned,
  type LocalTables,
  provision,
  provisionTables,
} from './provision.js';
import { startScheduler } from './scheduler.js';
import { startLocalSqs } from './sqs.js';

const REGION = 'us-east-1';
const ACCOUNT_ID = '123456789012';
const HOST = '127.0.0.1';

interface LocalSystemOptions {
  /** 0 (the default) picks a free port. */
  ports?: { api?: number; sandbox?: number; dynamodb?: number; sqs?: number };
  /** The sandbox Meta app; numeric like a real app id. */
  appId?: string;
  appSecret?: string;
  /** Overrides the sync queue's visibility timeout (tests: a few seconds). */
  visibilityTimeoutSeconds?: number;
  /** How often the reconciler runs; 0 turns the timer off (runNow still works). Default 60. */
  scheduleEverySeconds?: number;
  /**
   * How often the message statistics pull starts; 0 turns the timer off (`POST /_local/stats` still
   * starts one). Default 300, or 0 when `scheduleEverySeconds` is 0.
   */
  statsEverySeconds?: number;
  /** How long a Graph request may take before it times out (the client's 10 s by default). */
  graphTimeoutMs?: number;
  /** CORS for the tenants' registered origins (off by default, as in AWS). */
  corsEnabled?: boolean;
  /** Worker batches in flight at once. Default 1. */
  workerConcurrency?: number;
  /**
   * Whether the poller runs the worker (default true). Off, jobs stay on the queue: for measuring
   * what enqueues them without the worker competing for the machine.
   */
  worker?: boolean;
  /**
   * Keep the data in this directory across restarts (DynamoDB Local's database, the sandbox's
   * state, the local secrets and the dev token signing key) instead of in memory; `fresh` wipes it
   * first.
   */
  data?: { dir: string; fresh?: boolean };
  /** How often the tables are checked and any missing one created again. Default 5. */
  tableCheckEverySeconds?: number;
  /** Something the system cannot recover from (DynamoDB Local keeps exiting): stop and say so. */
  onFatal?: (error: Error) => void;
  /** No request lines, no runtime notes, no function logs (unless LOG_LEVEL says otherwise). */
  quiet?: boolean;
  log?: (line: string) => void;
  /** Told every answer the gateway gives to a route of the table (the contract check). */
  onAnswer?: (answer: RouteAnswer) => void;
}

interface LocalSystem {
  urls: { api: string; sandbox: string; dynamodb: string; sqs: string };
  /** The environment the functions run with (the union of every function's environment). */
  env: Record<string, string>;
  tables: LocalTables;
  queues: {
    syncUrl: string;
    dlqUrl: string;
    syncArn: string;
    dlqArn: string;
    deliveriesUrl: string;
    deliveriesDlqUrl: string;
  };
  region: string;
  /** Signs a token the local JWT authorizer accepts. */
  issueDevToken(request: DevTokenRequest): Promise<string>;
  /** Issuer, audience and private JWK: what another process needs to sign dev tokens itself. */
  tokenSigner: TokenSigner;
  scheduler: { runNow(): Promise<unknown> };
  /** Starts the message statistics pull now, as its daily schedule would. */
  statsScheduler: { runNow(): Promise<unknown> };
  requestCount(): number;
  /** Function invocations so far and their total duration, per function (benchmarks). */
  invocations(): ReturnType<Invoker['stats']>;
  stop(): Promise<void>;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Starts the embedded default: the gateway's listener (so its URL is known), then DynamoDB Local, the
 * SQS server and the Meta sandbox (whose webhooks and callbacks point at the gateway), provisions the
 * tables and queues from the shared specs, sets the functions' environment, loads the handlers, and
 * starts the SQS poller and the scheduler. If any step fails, what was started is stopped again.
 * In memory by default; with `data`, DynamoDB Local's database, the sandbox's state and the local
 * secrets live in that directory and survive a restart. Under faults: a DynamoDB Local that exits is
 * started again (its tables re-created when it lost them), missing tables are re-created within
 * seconds, and the JVM never outlives this process.
 */
const startLocalSystem = async (options: LocalSystemOptions = {}): Promise<LocalSystem> => {
  const log = options.quiet
    ? () => undefined
    : (options.log ?? ((line: string) => console.log(line)));
  const ports = { api: 0, sandbox: 0, dynamodb: 0, sqs: 0, ...options.ports };
  const appId = options.appId ?? '1000000000000001';
  const dataDir = options.data?.dir;
  const pidFile = dataDir ? join(dataDir, 'dynamodb.pid') : undefined;
  if (dataDir && options.data?.fresh) {
    // A DynamoDB Local left running would keep the old database open: stop it before wiping.
    if (pidFile) await stopLeftoverDynamoDb(pidFile, log);
    rmSync(dataDir, { recursive: true, force: true });
    log(`wiped the local data in ${dataDir}`);
  }
  const secrets = localSecrets(dataDir);
  const appSecret = options.appSecret ?? secrets.appSecret;
  const { webhookVerifyToken } = secrets;
  const fatal =
    options.onFatal ?? ((error: Error) => log(`! the local system cannot go on: ${error.message}`));
  let dynamoClient: DynamoDBClient | undefined;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    const errors: string[] = [];
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => errors.push(message(error)));
    }
    if (errors.length > 0) log(`! while stopping: ${errors.join('; ')}`);
  };

  try {
    const identity = await createDevIdentity({ privateJwk: secrets.devSigningKey });
    // Uploads last an hour, so their signing key need not outlive the process; with `data` they
    // are kept beside the rest of the local data, else in a temporary directory removed at stop.
    const mediaKey = randomBytes(32);
    const mediaDir = dataDir
      ? join(dataDir, 'media')
      : mkdtempSync(join(tmpdir(), 'tandem-media-'));
    if (!dataDir) stops.push(async () => rmSync(mediaDir, { recursive: true, force: true }));
    const gateway = await startGateway({
      port: ports.api,
      host: HOST,
      routes,
      authorizer: identity.authorizer,
      accountId: ACCOUNT_ID,
      site: createConsoleSite(),
      media: createMediaHandler({ dir: mediaDir, secret: mediaKey }),
      log,
      onAnswer: options.onAnswer,
    });
    stops.push(gateway.close);
    const api = gateway.url;

    const started = await Promise.allSettled([
      startDynamoDbLocal({
        port: ports.dynamodb,
        region: REGION,
        ...(dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {}),
        ...(pidFile ? { pidFile } : {}),
        // An in-memory database comes back empty: its tables are created again.
        onRestart: async () => {
          if (dynamoClient) await provisionTables(dynamoClient);
        },
        onGiveUp: fatal,
        log,
      }),
      startLocalSqs({ port: ports.sqs, region: REGION, accountId: ACCOUNT_ID }),
      startSandbox({
        port: ports.sandbox,
        host: HOST,
        appId,
        appSecret,
        redirectUris: [`${api}/oauth/callback`],
        webhook: { callbackUrl: `${api}/webhooks/meta`, verifyToken: webhookVerifyToken },
        whatsappWebhook: {
          callbackUrl: `${api}/webhooks/whatsapp`,
          verifyToken: webhookVerifyToken,
        },
        metaCallbacks: {
          deauthorizeUrl: `${api}/meta/deauthorize`,
          dataDeletionUrl: `${api}/meta/data-deletion`,
        },
        seed: true,
        ...(dataDir ? { statePath: join(dataDir, 'sandbox.state') } : {}),
        log: (line) => log(`[sandbox] ${line}`),
      }),
    ]);
    for (const result of started) {
      if (result.status === 'fulfilled') {
        const service = result.value;
        stops.push('stop' in service ? service.stop : service.close);
      }
    }
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [dynamodb, sqs, sandbox] = started.map(
      (result) => (result as PromiseFulfilledResult<unknown>).value
    ) as [
      Awaited<ReturnType<typeof startDynamoDbLocal>>,
      Awaited<ReturnType<typeof startLocalSqs>>,
      Awaited<ReturnType<typeof startSandbox>>,
    ];

    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const tablesClient = new DynamoDBClient({
      region: REGION,
      endpoint: dynamodb.url,
      credentials,
    });
    dynamoClient = tablesClient;
    const sqsClient = new SQSClient({ region: REGION, endpoint: sqs.url, credentials });
    stops.push(async () => {
      tablesClient.destroy();
      sqsClient.destroy();
    });
    const provisioned = await provision({
      dynamodb: tablesClient,
      sqs: sqsClient,
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
    });
    const tableWatch = keepTablesProvisioned({
      dynamodb: tablesClient,
      everyMs: (options.tableCheckEverySeconds ?? 5) * 1000,
      log,
    });
    stops.push(async () => tableWatch.stop());
    const syncQueue = provisioned.queues.sync;

    const envContext: EnvContext = {
      region: REGION,
      tables: provisioned.tables,
      queues: provisioned.queues,
      dynamodbUrl: dynamodb.url,
      sqsUrl: sqs.url,
      sandboxUrl: sandbox.url,
      apiUrl: api,
      appId,
      appSecret,
      tokenKey: secrets.tokenKey,
      mediaKey: mediaKey.toString('base64'),
      webhookVerifyToken,
      ...(options.graphTimeoutMs ? { graphTimeoutMs: options.graphTimeoutMs } : {}),
      ...(options.corsEnabled ? { corsEnabled: true } : {}),
      loginConfigId: DEMO.loginConfigId,
      storiesLoginConfigId: DEMO.storiesLoginConfigId,
      systemUserToken: sandbox.systemUserToken,
    };
    const env = systemEnv(envContext);
    // Handlers run in this process; each is imported with only its own environment, and what they
    // read later (on a first call) comes from the union.
    Object.assign(process.env, env);
    if (options.quiet) process.env.LOG_LEVEL ??= 'silent';

    const invoker = createInvoker({
      region: REGION,
      accountId: ACCOUNT_ID,
      envs: functionEnvs(envContext),
    });
    await invoker.preload();

    if (options.worker !== false) {
      const poller = startPoller({
        client: sqsClient,
        queueUrl: syncQueue.url,
        queueArn: syncQueue.arn,
        region: REGION,
        batchSize: queues.sync.batchSize,
        maxBatchingWindowSeconds: queues.sync.maxBatchingWindowSeconds,
        visibilityTimeoutSeconds:
          options.visibilityTimeoutSeconds ?? queues.sync.visibilityTimeoutSeconds,
        concurrency: options.workerConcurrency ?? 1,
        invoke: (event: SQSEvent) => invoker.invoke('worker', event),
        log,
      });
      stops.push(poller.stop);
      const deliveries = provisioned.queues.deliveries;
      const deliveryPoller = startPoller({
        client: sqsClient,
        queueUrl: deliveries.url,
        queueArn: deliveries.arn,
        region: REGION,
        batchSize: queues.deliveries.batchSize,
        maxBatchingWindowSeconds: queues.deliveries.maxBatchingWindowSeconds,
        visibilityTimeoutSeconds:
          options.visibilityTimeoutSeconds ?? queues.deliveries.visibilityTimeoutSeconds,
        concurrency: 2,
        invoke: (event: SQSEvent) => invoker.invoke('deliveryWorker', event),
        log,
      });
      stops.push(deliveryPoller.stop);
    }

    const scheduler = startScheduler({
      everySeconds: options.scheduleEverySeconds ?? 60,
      region: REGION,
      accountId: ACCOUNT_ID,
      ruleName: 'tandem-local-reconcile',
      invoke: (event: ScheduledEvent) => invoker.invoke('reconciler', event),
      log,
    });
    stops.push(scheduler.stop);
    const statsEverySeconds =
      options.statsEverySeconds ?? (options.scheduleEverySeconds === 0 ? 0 : 300);
    const statsScheduler = startScheduler({
      everySeconds: statsEverySeconds,
      region: REGION,
      accountId: ACCOUNT_ID,
      ruleName: 'tandem-local-stats',
      invoke: (event: ScheduledEvent) => invoker.invoke('statsScheduler', event),
      log,
    });
    stops.push(statsScheduler.stop);
    gateway.serve(invoker.invoke, {
      'POST /_local/reconcile': scheduler.runNow,
      'POST /_local/stats': statsScheduler.runNow,
      [`POST ${DEV_TOKEN_PATH}`]: mintDevToken(identity),
      'POST /_local/clock': advanceClock,
    });
    log(
      `reconciler every ${options.scheduleEverySeconds ?? 60}s locally (every ${reconcileSchedule.rateMinutes} min in AWS)`
    );

    return {
      urls: { api, sandbox: sandbox.url, dynamodb: dynamodb.url, sqs: sqs.url },
      env,
      tables: provisioned.tables,
      queues: {
        syncUrl: syncQueue.url,
        dlqUrl: syncQueue.dlqUrl,
        syncArn: syncQueue.arn,
        dlqArn: syncQueue.dlqArn,
        deliveriesUrl: provisioned.queues.deliveries.url,
        deliveriesDlqUrl: provisioned.queues.deliveries.dlqUrl,
      },
      region: REGION,
      issueDevToken: identity.issueDevToken,
      tokenSigner: {
        issuer: identity.issuer,
        audience: identity.audience,
        privateJwk: identity.privateJwk,
      },
      scheduler: { runNow: scheduler.runNow },
      statsScheduler: { runNow: statsScheduler.runNow },
      requestCount: gateway.requestCount,
      invocations: invoker.stats,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};

export type { LocalSystem, LocalSystemOptions };
export { startLocalSystem };
