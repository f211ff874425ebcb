import { Annotations, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { reconcileSchedule, statsSchedule } from '../shared/functions.js';
import { routes } from '../shared/routes.js';
import type { TandemConfig } from './config.js';
import { Api } from './constructs/api.js';
import { Data } from './constructs/data.js';
import { Functions } from './constructs/functions.js';
import { MediaBucket } from './constructs/media-bucket.js';
import { Queues } from './constructs/queues.js';
import { ReconcileSchedule } from './constructs/schedule.js';
import { Secrets } from './constructs/secrets.js';

/** Props of {@link TandemStack}. */
interface TandemStackProps extends StackProps {
  config: TandemConfig;
}

/**
 * Tandem in one stack: it only composes the constructs (one per concern) and publishes the outputs
 * operators and integration tests need. Environment-agnostic, so `cdk synth` never looks anything up.
 */
class TandemStack extends Stack {
  readonly data: Data;
  readonly queues: Queues;
  readonly secrets: Secrets;
  readonly functions: Functions;
  readonly media: MediaBucket;
  readonly api: Api;
  readonly schedule: ReconcileSchedule;
  readonly statsSchedule: ReconcileSchedule;

  constructor(scope: Construct, id: string, props: TandemStackProps) {
    super(scope, id, props);
    const { config } = props;
    const prod = config.stage === 'prod';
    const logRetention = prod ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS;
    const logRemovalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    if (config.placeholders.length > 0) {
      Annotations.of(this).addWarningV2(
        'tandem:placeholderContext',
        `Placeholder values for ${config.placeholders.join(', ')}: tenant routes will reject every token and Meta calls will fail. Pass real values (-c jwtIssuer=... -c jwtAudience=... -c metaAppId=... -c metaLoginConfigId=... -c consoleOidcClientId=...) before deploying.`
      );
    }

    this.data = new Data(this, 'Data', { protect: prod });
    this.queues = new Queues(this, 'Queues');
    this.secrets = new Secrets(this, 'Secrets', { protect: prod });
    this.media = new MediaBucket(this, 'Media', { protect: prod });

    this.functions = new Functions(this, 'Functions', {
      tables: this.data.tables,
      mediaBucket: this.media.bucket,
      syncQueue: {
        queue: this.queues.syncQueue,
        deadLetters: this.queues.syncDeadLetters,
        spec: this.queues.syncSpec,
      },
      deliveriesQueue: {
        queue: this.queues.deliveriesQueue,
        deadLetters: this.queues.deliveriesDeadLetters,
        spec: this.queues.deliveriesSpec,
      },
      tokenKey: this.secrets.tokenKey,
      metaAppSecret: this.secrets.metaAppSecret,
      metaSystemUserToken: this.secrets.metaSystemUserToken,
      asyncDeadLetters: {
        reconciler: this.queues.reconcileDeadLetters,
        statsScheduler: this.queues.statsDeadLetters,
      },
      reserveConcurrency: config.reserveConcurrency,
      corsEnabled: config.corsEnabled,
      environment: {
        STAGE: config.stage,
        LOG_LEVEL: prod ? 'info' : 'debug',
        GRAPH_API_BASE_URL: config.graphApiBaseUrl,
        META_APP_ID: config.metaAppId,
        META_LOGIN_MODE: config.metaLoginMode,
        CORS_ENABLED: config.corsEnabled ? 'true' : 'false',
        ...(config.metaLoginConfigId ? { META_LOGIN_CONFIG_ID: config.metaLoginConfigId } : {}),
        ...(config.metaStoriesLoginConfigId
          ? { META_STORIES_LOGIN_CONFIG_ID: config.metaStoriesLoginConfigId }
          : {}),
      },
      logRetention,
      logRemovalPolicy,
    });
    const fns = this.functions.functions;

    this.api = new Api(this, 'Api', {
      routes,
      functions: fns,
      jwtIssuer: config.jwtIssuer,
      jwtAudience: config.jwtAudience,
      accessLogRetention: logRetention,
      accessLogRemovalPolicy: logRemovalPolicy,
    });

    // OAuth redirects and Meta callbacks must name Tandem's public URL: the custom domain when one is
    // given, else the API's own endpoint (known only once the API exists, hence set afterwards).
    const publicBaseUrl = config.publicBaseUrl ?? this.api.httpApi.apiEndpoint;
    for (const fn of Object.values(fns)) fn.addEnvironment('PUBLIC_BASE_URL', publicBaseUrl);

    this.schedule = new ReconcileSchedule(this, 'Reconcile', {
      reconciler: fns.reconciler,
      rateMinutes: reconcileSchedule.rateMinutes,
      deadLetterQueue: this.queues.reconcileDeadLetters,
    });
    this.statsSchedule = new ReconcileSchedule(this, 'Stats', {
      reconciler: fns.statsScheduler,
      rateMinutes: statsSchedule.rateMinutes,
      deadLetterQueue: this.queues.statsDeadLetters,
      purpose: 'starts the message statistics pull',
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    for (const { table, spec } of Object.values(this.data.tables)) {
      new CfnOutput(this, `${spec.id}TableName`, {
        value: table.tableName,
        description: `Env ${spec.envVar}`,
      });
    }
    new CfnOutput(this, 'SyncQueueUrl', { value: this.queues.syncQueue.queueUrl });
    new CfnOutput(this, 'SyncDeadLetterQueueUrl', { value: this.queues.syncDeadLetters.queueUrl });
    new CfnOutput(this, 'DeliveriesQueueUrl', { value: this.queues.deliveriesQueue.queueUrl });
    new CfnOutput(this, 'DeliveriesDeadLetterQueueUrl', {
      value: this.queues.deliveriesDeadLetters.queueUrl,
    });
    new CfnOutput(this, 'ReconcileDeadLetterQueueUrl', {
      value: this.queues.reconcileDeadLetters.queueUrl,
    });
    new CfnOutput(this, 'StatsDeadLetterQueueUrl', {
      value: this.queues.statsDeadLetters.queueUrl,
    });
    new CfnOutput(this, 'MetaAppSecretArn', {
      value: this.secrets.metaAppSecret.secretArn,
      description: 'Put the real Meta app secret here after the first deploy',
    });
    new CfnOutput(this, 'MetaSystemUserTokenArn', {
      value: this.secrets.metaSystemUserToken.secretArn,
      description: "Put the Meta app's system user token here after the first deploy",
    });
    new CfnOutput(this, 'TokenKeyArn', { value: this.secrets.tokenKey.keyArn });
  }
}

export type { TandemStackProps };
export { TandemStack };
