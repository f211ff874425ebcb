import { describe, expect, it } from 'vitest';
import { type EnvContext, functionEnv, systemEnv } from '../../src/env.js';

const ctx: EnvContext = {
  region: 'us-east-1',
  tables: {
    links: 'tandem-local-links',
    oauthState: 'tandem-local-oauth-state',
    idempotency: 'tandem-local-idempotency',
    driftReports: 'tandem-local-drift-reports',
    metaCallbacks: 'tandem-local-meta-callbacks',
    quotas: 'tandem-local-quotas',
    breakers: 'tandem-local-breakers',
    messageStats: 'tandem-local-message-stats',
    events: 'tandem-local-events',
  },
  queues: {
    sync: { url: 'http://q/sync', arn: 'arn:sync', dlqUrl: 'http://q/dlq', dlqArn: 'arn:dlq' },
    deliveries: {
      url: 'http://q/deliveries',
      arn: 'arn:deliveries',
      dlqUrl: 'http://q/deliveries-dlq',
      dlqArn: 'arn:deliveries-dlq',
    },
  },
  dynamodbUrl: 'http://127.0.0.1:8000',
  sqsUrl: 'http://127.0.0.1:9324',
  sandboxUrl: 'http://127.0.0.1:4000',
  apiUrl: 'http://127.0.0.1:3000',
  appId: '1000000000000001',
  appSecret: 'a-local-secret-of-32-characters!',
  tokenKey: Buffer.alloc(32).toString('base64'),
  mediaKey: Buffer.alloc(32, 7).toString('base64'),
  webhookVerifyToken: 'verify',
  loginConfigId: '900000000000001',
  systemUserToken: 'EAAS-system-user',
};

describe('Runtime: function environment', () => {
  it('gives the worker its tables, both queue URLs, the app secret and the token key', () => {
    // Act
    const env = functionEnv('worker', ctx);

    // Assess
    expect(env).toMatchObject({
      LINKS_TABLE: 'tandem-local-links',
      IDEMPOTENCY_TABLE: 'tandem-local-idempotency',
      DRIFT_REPORTS_TABLE: 'tandem-local-drift-reports',
      SYNC_QUEUE_URL: 'http://q/sync',
      SYNC_DLQ_URL: 'http://q/dlq',
      META_APP_SECRET: ctx.appSecret,
      META_SYSTEM_USER_TOKEN: ctx.systemUserToken,
      META_LOGIN_CONFIG_ID: ctx.loginConfigId,
      TOKEN_KEY_LOCAL: ctx.tokenKey,
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:9324',
      GRAPH_API_BASE_URL: 'http://127.0.0.1:4000',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    });
    expect(env.OAUTH_STATE_TABLE).toBeUndefined();
  });

  it('gives a sender the queue but not the DLQ, and nothing it does not need', () => {
    // Act
    const env = functionEnv('reconciler', ctx);

    // Assess
    expect(env.SYNC_QUEUE_URL).toBe('http://q/sync');
    expect(env.SYNC_DLQ_URL).toBeUndefined();
    expect(env.META_APP_SECRET).toBeUndefined();
    expect(env.META_SYSTEM_USER_TOKEN).toBeUndefined();
    expect(env.TOKEN_KEY_LOCAL).toBeUndefined();
  });

  it('gives each function only the tables its needs grant, and a tenant route the links with CORS on', () => {
    // Act
    const status = functionEnv('metaStatus', ctx);
    const events = functionEnv('eventsList', ctx);
    const eventsWithCors = functionEnv('eventsList', { ...ctx, corsEnabled: true });

    // Assess
    expect(status.BREAKERS_TABLE).toBe('tandem-local-breakers');
    expect(status.LINKS_TABLE).toBeUndefined();
    expect(events.EVENTS_TABLE).toBe('tandem-local-events');
    expect(events.LINKS_TABLE).toBeUndefined();
    expect(eventsWithCors.LINKS_TABLE).toBe('tandem-local-links');
  });

  it('builds the process environment as the union of every function', () => {
    // Act
    const env = systemEnv(ctx);

    // Assess
    expect(env.SYNC_DLQ_URL).toBe('http://q/dlq');
    expect(env.AWS_REGION).toBe('us-east-1');
  });
});
