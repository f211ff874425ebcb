import { type FunctionSpec, functions } from '../../../shared/functions.js';
import { queues, type TableName, tables } from '../../../shared/resources.js';
import type { LocalQueues, LocalTables } from './provision.js';

interface EnvContext {
  region: string;
  tables: LocalTables;
  queues: LocalQueues;
  dynamodbUrl: string;
  sqsUrl: string;
  sandboxUrl: string;
  apiUrl: string;
  appId: string;
  appSecret: string;
  /** Base64 of 32 random bytes: the local stand-in for the KMS key that wraps token data keys. */
  tokenKey: string;
  /** Base64 of the key the local media store signs its URLs with (the gateway checks them). */
  mediaKey: string;
  webhookVerifyToken: string;
  /** Graph requests time out after this long (unset: the client's 10 s). */
  graphTimeoutMs?: number;
  /** CORS for the tenants' registered origins, as the CDK context `corsEnabled` turns it on. */
  corsEnabled?: boolean;
  /** The sandbox app's Facebook Login for Business configuration. */
  loginConfigId: string;
  /** The stories login configuration, asked for only when story consent is turned on. */
  storiesLoginConfigId?: string;
  /** The sandbox app's system user token (profile picture uploads). */
  systemUserToken: string;
}

/**
 * What every function gets whatever it needs: what Lambda itself sets (region, credentials) and what
 * points the real SDK and Graph client at the local services. The SDK reads the service-specific
 * AWS_ENDPOINT_URL_* variables, so handler code has no local branch.
 */
const baseEnv = (ctx: EnvContext): Record<string, string> => ({
  AWS_REGION: ctx.region,
  AWS_DEFAULT_REGION: ctx.region,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: ctx.dynamodbUrl,
  AWS_ENDPOINT_URL_SQS: ctx.sqsUrl,
  GRAPH_API_BASE_URL: ctx.sandboxUrl,
  META_DIALOG_BASE_URL: ctx.sandboxUrl,
  META_APP_ID: ctx.appId,
  META_LOGIN_MODE: 'business',
  META_LOGIN_CONFIG_ID: ctx.loginConfigId,
  ...(ctx.storiesLoginConfigId ? { META_STORIES_LOGIN_CONFIG_ID: ctx.storiesLoginConfigId } : {}),
  PUBLIC_BASE_URL: ctx.apiUrl,
  ...(ctx.graphTimeoutMs ? { GRAPH_TIMEOUT_MS: String(ctx.graphTimeoutMs) } : {}),
  CORS_ENABLED: ctx.corsEnabled ? 'true' : 'false',
  // The sandbox serves the CDN files Meta's URLs point to, on loopback: the only origin a download
  // may reach without the public-address rule (functions/adapters/net/guarded-fetch.ts).
  TRUSTED_FETCH_ORIGINS: new URL(ctx.sandboxUrl).origin,
});

/**
 * The environment one function gets from its `needs`, as the CDK house function builds it: a table
 * name per table it may touch, the queue URLs, and, in place of the Secrets Manager and KMS ARNs, the
 * local secret and key themselves.
 */
const functionEnv = (spec: FunctionSpec, ctx: EnvContext): Record<string, string> => {
  const env = baseEnv(ctx);
  for (const name of Object.keys(spec.needs.tables ?? {}) as TableName[]) {
    env[tables[name].envVar] = ctx.tables[name];
  }
  if (spec.needs.probes) {
    for (const name of Object.keys(tables) as TableName[]) {
      env[tables[name].envVar] = ctx.tables[name];
    }
    env[queues.sync.envVar] = ctx.queues.sync.url;
  }
  if (spec.needs.syncQueue) {
    env[queues.sync.envVar] = ctx.queues.sync.url;
    // Consumers move letters to the DLQ themselves, so they need its URL too.
    if (spec.needs.syncQueue === 'consume') {
      env[queues.sync.dlqEnvVar] = ctx.queues.sync.dlqUrl;
      // The sandbox's rate-limit windows last an hour, like Meta's; locally a retry that Meta asked
      // to postpone comes back within seconds, so a developer (or a test) sees it happen.
      env.SYNC_MAX_RETRY_DELAY_SECONDS = '3';
    }
  }
  if (spec.needs.events === 'publish') env[tables.events.envVar] = ctx.tables.events;
  if (spec.needs.events === 'publish' || spec.needs.deliveriesQueue) {
    env[queues.deliveries.envVar] = ctx.queues.deliveries.url;
  }
  if (spec.needs.deliveriesQueue === 'consume') {
    env[queues.deliveries.dlqEnvVar] = ctx.queues.deliveries.dlqUrl;
  }
  if (spec.needs.tables?.events) {
    // Endpoints on the developer's own machine (any loopback port) are allowed here, and only here.
    env.WEBHOOK_ALLOW_LOOPBACK = 'true';
  }
  if (spec.needs.metaAppSecret) {
    env.META_APP_SECRET = ctx.appSecret;
    env.META_WEBHOOK_VERIFY_TOKEN = ctx.webhookVerifyToken;
  }
  if (spec.needs.metaSystemUserToken) env.META_SYSTEM_USER_TOKEN = ctx.systemUserToken;
  if (spec.needs.tokenKey) env.TOKEN_KEY_LOCAL = ctx.tokenKey;
  if (spec.needs.mediaBucket) {
    // In place of the S3 bucket: the gateway's media store and the key its URLs are signed with.
    env.MEDIA_LOCAL_URL = ctx.apiUrl;
    env.MEDIA_LOCAL_KEY = ctx.mediaKey;
  }
  return env;
};

/**
 * Handlers run in this one process and share its environment, so the process gets the union of every
 * function's environment (a function may see a variable it does not need; none sees a wrong value).
 */
const systemEnv = (ctx: EnvContext): Record<string, string> =>
  Object.assign({}, ...Object.values(functions).map((spec) => functionEnv(spec, ctx)));

export type { EnvContext };
export { functionEnv, systemEnv };
