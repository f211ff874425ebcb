import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_SELECTION_TTL_SECONDS,
  DEFAULT_STATE_TTL_SECONDS,
  type OAuthSettings,
} from '../../core/linking/deps.js';
import type { Clock, TokenVault } from '../../core/linking/ports.js';
import {
  type BreakerTransition,
  outageBroadcastOf,
  outageEventOf,
} from '../../core/outages/breaker.js';
import { createOutageGuard, type OutageGuard } from '../../core/outages/guard.js';
import type { BulkDeps } from '../../core/sync/bulk.js';
import type { LinkObserver, ProfileWriter } from '../../core/sync/ports.js';
import type { SyncRequestDeps } from '../../core/sync/requests.js';
import type { ApplyDeps } from '../../core/whatsapp/apply.js';
import type { WabaIntakeDeps } from '../../core/whatsapp/intake.js';
import type { WhatsAppRequestDeps } from '../../core/whatsapp/requests.js';
import * as z from '../../core/zod.js';
import { dynamoDocumentClient, sqs } from '../aws/clients.js';
import { metaAppSecret, metaSystemUserToken } from '../aws/meta-secret.js';
import { breakerClock } from '../clock.js';
import {
  breakerConfig,
  breakerPolicy,
  graphConfig,
  loadConfig,
  loginConfig,
  loginMethod,
  storiesLoginMethod,
  tokenKeyConfig,
} from '../config.js';
import { cryptoIds } from '../crypto/ids.js';
import { createTokenVault } from '../crypto/token-vault.js';
import { createOperationStore } from '../dynamodb/ad-operations.js';
import { createBreakerStore } from '../dynamodb/breakers.js';
import { createBulkOperationStore } from '../dynamodb/bulk-operations.js';
import { createFleetReader, createLastSyncReader } from '../dynamodb/fleet.js';
import { createGrantRepository } from '../dynamodb/grants.js';
import { createLinkRepository, createPageLinkIndex } from '../dynamodb/links.js';
import { createLinkStatsRemoval } from '../dynamodb/message-stats.js';
import {
  createCallbackLedger,
  createDeletionRequestRepository,
} from '../dynamodb/meta-callbacks.js';
import { createOAuthSessionRepository } from '../dynamodb/oauth-sessions.js';
import { createQuotaCounter } from '../dynamodb/quotas.js';
import { createStoryOperationStore } from '../dynamodb/story-operations.js';
import { createSyncStateRepository } from '../dynamodb/sync-state.js';
import { tables } from '../dynamodb/tables.js';
import { createTenantSettingsRepository } from '../dynamodb/tenant-settings.js';
import { createWebhookDedupe } from '../dynamodb/webhook-dedupe.js';
import { createGraphClient, type GraphClient, type GraphUsage } from '../graph/index.js';
import { GRAPH_API_VERSION } from '../graph/version.js';
import { createLinkObserver } from '../meta/link-observer.js';
import { createMetaGateway } from '../meta/meta-gateway.js';
import { createProfileWriter } from '../meta/profile-writer.js';
import { logger } from '../observability/logger.js';
import { deliveriesQueueConfig, syncQueueConfig } from '../sqs/config.js';
import { createJobPublisher } from '../sqs/publisher.js';

/**
 * Builders for the handlers' dependencies, shared by every feature (linking, sync, the worker). Each
 * handler calls the ones it needs at module scope, so each reads only its own configuration (the
 * environment its `needs` produce) and a missing variable fails the cold start with its name.
 */

const tableName = (envVar: string): string =>
  loadConfig(z.object({ [envVar]: z.string().check(z.minLength(1)) }))[envVar] as string;

const linksTable = () => tableName(tables.links.envVar);

const linkRepository = () => createLinkRepository(dynamoDocumentClient(), linksTable());
const tenantSettingsRepository = () =>
  createTenantSettingsRepository(dynamoDocumentClient(), linksTable());
const grantRepository = () => createGrantRepository(dynamoDocumentClient(), linksTable());
const metaCallbacksTable = () => tableName(tables.metaCallbacks.envVar);
const deletionRepository = () =>
  createDeletionRequestRepository(dynamoDocumentClient(), metaCallbacksTable());
const callbackLedger = () => createCallbackLedger(dynamoDocumentClient(), metaCallbacksTable());
const sessionRepository = () =>
  createOAuthSessionRepository(dynamoDocumentClient(), tableName(tables.oauthState.envVar));

/** Counts the tenant quotas of the routes that take some (infra/shared/route-quotas.ts). */
const quotaCounter = () =>
  createQuotaCounter(dynamoDocumentClient(), tableName(tables.quotas.envVar));

// One vault and one app-secret reader per execution environment: every repository, client and
// observer that needs them shares one KMS client and one Secrets Manager read.
let vault: TokenVault | undefined;
const tokenVault = (): TokenVault => {
  vault ??= createTokenVault(loadConfig(tokenKeyConfig));
  return vault;
};

let appSecretReader: (() => Promise<string>) | undefined;
const appSecret = (): (() => Promise<string>) => {
  appSecretReader ??= metaAppSecret();
  return appSecretReader;
};

/**
 * Where breaker transitions go: the log, and for one that starts or ends an outage one broadcast
 * job on the deliveries queue, which sends `meta.outage.started` / `meta.outage.ended` to every
 * tenant whose endpoints want it. Only the call that made the transition announces it (the store
 * writes transitions conditionally), and a failure to queue it is logged, never the caller's.
 */
const announceTransition = async (transition: BreakerTransition): Promise<void> => {
  const event = outageEventOf(transition);
  const fields = { ...transition, ...(event ? { event } : {}) };
  if (transition.to === 'open') logger.warn('meta surface breaker opened', fields);
  else logger.info('meta surface breaker changed', fields);
  const job = outageBroadcastOf(transition);
  if (!job) return;
  try {
    broadcasts ??= createJobPublisher({
      client: sqs(),
      queueUrl: loadConfig(z.pick(deliveriesQueueConfig, { DELIVERIES_QUEUE_URL: true }))
        .DELIVERIES_QUEUE_URL,
    });
    await broadcasts.publish([job]);
  } catch (error) {
    logger.error('outage event not queued', { ...fields, error });
  }
};
let broadcasts: ReturnType<typeof createJobPublisher> | undefined;

// One guard per execution environment: every Graph client in it shares its short read cache.
let guard: OutageGuard | undefined;
/** The Meta surfaces' circuit breakers (functions whose needs include the breakers table). */
const outageGuard = (): OutageGuard => {
  if (!guard) {
    const config = loadConfig(breakerConfig);
    guard = createOutageGuard({
      store: createBreakerStore(dynamoDocumentClient(), config.BREAKERS_TABLE, breakerClock.now),
      clock: breakerClock,
      policy: breakerPolicy(config),
      onTransition: announceTransition,
    });
  }
  return guard;
};

/** The Graph client, created on first use: it needs the app secret, fetched once per cold start. */
const graphClient = (
  options: { onUsage?: (usage: GraphUsage) => void } = {}
): (() => Promise<GraphClient>) => {
  const config = loadConfig(graphConfig);
  const secret = appSecret();
  const outages = outageGuard();
  let client: GraphClient | undefined;
  return async () => {
    client ??= createGraphClient({
      baseUrl: config.GRAPH_API_BASE_URL,
      appId: config.META_APP_ID,
      appSecret: await secret(),
      ...(config.GRAPH_TIMEOUT_MS ? { timeoutMs: config.GRAPH_TIMEOUT_MS } : {}),
      log: logger,
      trustedFetchOrigins: config.TRUSTED_FETCH_ORIGINS ?? [],
      ...(options.onUsage ? { onUsage: options.onUsage } : {}),
      outages,
    });
    return client;
  };
};

/**
 * The LinkObserver (sync and the reconciler): Page and WhatsApp reads batched per grant, Page tokens
 * opened from the link (sealed with the grant's data key) and, with `storePageTokens`, a fetched one
 * stored there; picture hashes cached for the life of the execution environment.
 */
const linkObserver = (
  graph: () => Promise<GraphClient> = graphClient(),
  options: { storePageTokens?: boolean } = {}
): LinkObserver =>
  createLinkObserver({
    graph,
    grants: grantRepository(),
    vault: tokenVault(),
    ...(options.storePageTokens ? { pageTokens: linkRepository() } : {}),
  });

/** Writes WhatsApp business profiles (sync); pictures go up with the app's system user token. */
const profileWriter = (graph: () => Promise<GraphClient>): ProfileWriter =>
  createProfileWriter({
    graph,
    grants: grantRepository(),
    vault: tokenVault(),
    uploadToken: metaSystemUserToken(),
  });

/** Ad operation records (the idempotency table); linking deletes a link's with it. */
const operationStore = () =>
  createOperationStore(dynamoDocumentClient(), tableName(tables.idempotency.envVar));

/** Story operation records (the idempotency table); linking deletes a link's with it. */
const storyOperationStore = () =>
  createStoryOperationStore(dynamoDocumentClient(), tableName(tables.idempotency.envVar));

/** A link's message statistics, which unlink and Meta's callbacks delete with it. */
const messageStatsRemoval = () =>
  createLinkStatsRemoval(dynamoDocumentClient(), tableName(tables.messageStats.envVar));

const syncStateRepository = () => createSyncStateRepository(dynamoDocumentClient(), linksTable());
const pageLinkIndex = () => createPageLinkIndex(dynamoDocumentClient(), linksTable());
const webhookDedupe = () =>
  createWebhookDedupe(dynamoDocumentClient(), tableName(tables.idempotency.envVar));

/** Sends jobs to the sync queue (functions whose needs say `syncQueue: 'send'`). */
const syncJobQueue = () =>
  createJobPublisher({
    client: sqs(),
    queueUrl: loadConfig(z.pick(syncQueueConfig, { SYNC_QUEUE_URL: true })).SYNC_QUEUE_URL,
  });

/** What "sync now" and "resume" need: the link, its sync state, and the queue to put the job on. */
const syncRequestDeps = (queue: SyncRequestDeps['queue'] = syncJobQueue()): SyncRequestDeps => ({
  links: linkRepository(),
  state: syncStateRepository(),
  queue,
  clock: systemClock,
  newJobId: () => `job_${randomUUID().replaceAll('-', '')}`,
});

/** What the grant routes need: the grants, the links, the vault and Meta through the grant's token. */
const grantDeps = () => ({
  grants: grantRepository(),
  links: linkRepository(),
  vault: tokenVault(),
  meta: createMetaGateway(graphClient()),
});

/** Fleet reads of the links table: filtered pages and whole-fleet walks. */
const fleetReader = () => createFleetReader(dynamoDocumentClient(), linksTable());
const lastSyncReader = () => createLastSyncReader(dynamoDocumentClient(), linksTable());

/** Bulk operation records (the idempotency table, which expires them). */
const bulkOperationStore = () =>
  createBulkOperationStore(dynamoDocumentClient(), tableName(tables.idempotency.envVar));

/**
 * What bulk actions need: sync's request deps, the fleet filter, the operations and the queue; the
 * worker adds the event publisher (a resumed link's `link.resumed`), which starting one never uses.
 */
const bulkDeps = (): Omit<BulkDeps, 'events'> => {
  // One publisher for both: sync jobs and the bulk walk's own pages go to the same queue.
  const queue = syncJobQueue();
  return {
    ...syncRequestDeps(queue),
    fleet: fleetReader(),
    operations: bulkOperationStore(),
    bulkQueue: queue,
    newOperationId: () => `bulk_${randomBytes(16).toString('hex')}`,
  };
};

/** What the WABA webhook receiver needs: the dedupe table and the queue its jobs go on. */
const wabaIntakeDeps = (): WabaIntakeDeps => ({
  dedupe: webhookDedupe(),
  queue: createJobPublisher({
    client: sqs(),
    queueUrl: loadConfig(z.pick(syncQueueConfig, { SYNC_QUEUE_URL: true })).SYNC_QUEUE_URL,
  }),
  clock: systemClock,
});

/** What the worker needs to apply a WABA webhook change to the WABA's links. */
const whatsappApplyDeps = (): Omit<ApplyDeps, 'events'> => ({
  links: linkRepository(),
  state: syncStateRepository(),
  queue: syncJobQueue(),
  clock: systemClock,
});

/** What the WhatsApp-side routes need: the link, its grant opened, and Meta. */
const whatsappRequestDeps = (): WhatsAppRequestDeps => ({
  links: linkRepository(),
  grants: grantRepository(),
  vault: tokenVault(),
  meta: createMetaGateway(graphClient()),
  clock: systemClock,
});

/** The numeric Meta app id (tells Tandem's own PARTNER_APP_* events from other apps'). */
const metaAppId = (): string =>
  loadConfig(z.object({ META_APP_ID: z.string().check(z.regex(/^\d+$/)) })).META_APP_ID;

const publicBaseUrl = (): string =>
  loadConfig(z.object({ PUBLIC_BASE_URL: z.url() })).PUBLIC_BASE_URL.replace(/\/+$/, '');

const oauthSettings = (): OAuthSettings => {
  const config = loadConfig(
    z.object({
      META_APP_ID: z
        .string()
        .check(z.regex(/^\d+$/, 'META_APP_ID must be the numeric Meta app id')),
      META_DIALOG_BASE_URL: z._default(z.url(), 'https://www.facebook.com'),
      OAUTH_STATE_TTL_SECONDS: z.optional(
        z.coerce.number().check(z.int(), z.minimum(60), z.maximum(3600))
      ),
      ...loginConfig.shape,
    })
  );
  const storiesLogin = storiesLoginMethod(config);
  return {
    appId: config.META_APP_ID,
    login: loginMethod(config),
    ...(storiesLogin ? { storiesLogin } : {}),
    dialogBaseUrl: config.META_DIALOG_BASE_URL,
    graphApiVersion: GRAPH_API_VERSION,
    stateTtlSeconds: config.OAUTH_STATE_TTL_SECONDS ?? DEFAULT_STATE_TTL_SECONDS,
    selectionTtlSeconds: DEFAULT_SELECTION_TTL_SECONDS,
  };
};

const systemClock: Clock = { now: () => new Date() };

export {
  appSecret as metaAppSecret,
  bulkDeps,
  bulkOperationStore,
  callbackLedger,
  cryptoIds as ids,
  deletionRepository,
  fleetReader,
  grantDeps,
  grantRepository,
  graphClient,
  lastSyncReader,
  linkObserver,
  linkRepository,
  messageStatsRemoval,
  metaAppId,
  oauthSettings,
  operationStore,
  outageGuard,
  pageLinkIndex,
  profileWriter,
  publicBaseUrl,
  quotaCounter,
  sessionRepository,
  storyOperationStore,
  syncJobQueue,
  syncRequestDeps,
  syncStateRepository,
  systemClock as clock,
  tableName,
  tenantSettingsRepository,
  tokenVault,
  wabaIntakeDeps,
  webhookDedupe,
  whatsappApplyDeps,
  whatsappRequestDeps,
};
