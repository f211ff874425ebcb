import { mediaVariables } from '../../../../functions/adapters/config.js';
import { type FunctionName, type FunctionSpec, functions } from '../../../shared/functions.js';
import { grantsOf } from '../../../shared/needs.js';
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
 * The environment one function gets from its `needs`, through the same map as the CDK house function
 * (infra/shared/needs.ts): a table name per table it may touch, the queue URLs, and, in place of the
 * Secrets Manager and KMS ARNs, the local secret and key themselves.
 */
const functionEnv = (
  fn: FunctionName,
  ctx: EnvContext,
  spec: FunctionSpec = functions[fn]
): Record<string, string> => {
  const env = baseEnv(ctx);
  for (const grant of grantsOf(fn, spec, { corsEnabled: ctx.corsEnabled === true })) {
    if ('table' in grant) env[grant.env] = ctx.tables[grant.table];
    else if ('queue' in grant) {
      const queue = ctx.queues[grant.queue];
      env[grant.env] = queue.url;
      if (grant.access === 'consume') env[grant.dlqEnv] = queue.dlqUrl;
    } else if ('tokenKey' in grant) env[grant.local] = ctx.tokenKey;
    else if ('media' in grant) {
      // In place of the S3 bucket: the gateway's media store and the key its URLs are signed with.
      env[mediaVariables.localUrl] = ctx.apiUrl;
      env[mediaVariables.localKey] = ctx.mediaKey;
    } else
      env[grant.local] = grant.secret === 'metaAppSecret' ? ctx.appSecret : ctx.systemUserToken;
  }
  if (spec.needs.syncQueue === 'consume') {
    // The sandbox's rate-limit windows last an hour, like Meta's; locally a retry that Meta asked
    // to postpone comes back within seconds, so a developer (or a test) sees it happen.
    env.SYNC_MAX_RETRY_DELAY_SECONDS = '3';
  }
  if (spec.needs.tables?.events) {
    // Endpoints on the developer's own machine (any loopback port) are allowed here, and only here.
    env.WEBHOOK_ALLOW_LOOPBACK = 'true';
  }
  // In AWS the verify token is derived from the app secret; the sandbox was seeded with this one.
  if (spec.needs.metaAppSecret) env.META_WEBHOOK_VERIFY_TOKEN = ctx.webhookVerifyToken;
  return env;
};

/** Every function's environment, by name: what each handler is imported with. */
const functionEnvs = (ctx: EnvContext): Record<FunctionName, Record<string, string>> =>
  Object.fromEntries(
    (Object.keys(functions) as FunctionName[]).map((fn) => [fn, functionEnv(fn, ctx)])
  ) as Record<FunctionName, Record<string, string>>;

/**
 * Handlers run in this one process and share its environment: each is imported with exactly its own
 * environment (createInvoker), so a need missing from a spec fails the start as it fails a cold
 * start in AWS; afterwards the process keeps the union, for what a handler reads on its first call.
 */
const systemEnv = (ctx: EnvContext): Record<string, string> =>
  Object.assign({}, ...Object.values(functionEnvs(ctx)));

export type { EnvContext };
export { functionEnv, functionEnvs, systemEnv };
