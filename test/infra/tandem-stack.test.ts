import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../functions/adapters/dynamodb/tables.js';
import { queues } from '../../functions/adapters/sqs/queues.js';
import {
  type FunctionSpec,
  functions as functionSpecs,
  reconcileSchedule,
} from '../../infra/shared/functions.js';
import { routes } from '../../infra/shared/routes.js';
import {
  actionsOf,
  logicalIdOf,
  type Synthesized,
  statementsOf,
  TEST_CONTEXT,
  tandem,
} from './helpers.js';

describe('Stack: TandemStack', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = tandem();
  });
  const fnId = (name: keyof typeof functionSpecs) =>
    logicalIdOf(synth.stack.functions.functions[name]);

  describe('Lambda functions', () => {
    it('creates one function per entry in the shared function specs', () => {
      // Assess
      synth.template.resourceCountIs('AWS::Lambda::Function', Object.keys(functionSpecs).length);
    });

    it('runs every Lambda on Node.js 24 on ARM64', () => {
      // Assess
      const fns = Object.values(synth.template.findResources('AWS::Lambda::Function'));
      expect(fns.length).toBeGreaterThan(0);
      for (const fn of fns) {
        expect(fn.Properties.Runtime).toBe('nodejs24.x');
        expect(fn.Properties.Architectures).toEqual(['arm64']);
      }
    });

    it('traces every Lambda with X-Ray in Active mode', () => {
      for (const fn of Object.values(synth.template.findResources('AWS::Lambda::Function'))) {
        expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      }
    });

    it('logs every Lambda to one log group with a retention period', () => {
      // Prepare
      const logGroups = synth.template.findResources('AWS::Logs::LogGroup');
      const used = new Set<string>();
      // Assess
      for (const fn of Object.values(synth.template.findResources('AWS::Lambda::Function'))) {
        const logGroupId = fn.Properties.LoggingConfig?.LogGroup?.Ref as string;
        expect(logGroups[logGroupId]?.Properties.RetentionInDays).toBeGreaterThan(0);
        used.add(logGroupId);
      }
      expect(used.size).toBe(1);
    });

    it('stays within the 500 resources CloudFormation allows in a stack', () => {
      expect(Object.keys(synth.template.toJSON().Resources).length).toBeLessThanOrEqual(500);
    });

    it('takes each function timeout, memory and description from its spec', () => {
      for (const [name, spec] of Object.entries(functionSpecs)) {
        const fn = synth.template.toJSON().Resources[fnId(name as keyof typeof functionSpecs)];
        expect(fn.Properties).toMatchObject({
          Timeout: spec.timeoutSeconds,
          MemorySize: spec.memoryMb,
          Description: spec.description,
        });
      }
    });

    it('caps every public function with reserved concurrency and reserves the webhook receiver’s', () => {
      // Prepare
      const publicFns = new Set(
        routes.filter((route) => route.access === 'public').map((route) => route.fn)
      );
      const reserved = (name: keyof typeof functionSpecs) =>
        synth.template.toJSON().Resources[fnId(name)].Properties.ReservedConcurrentExecutions;
      // Act
      const uncapped = [...publicFns].filter((name) => reserved(name) === undefined);
      // Assess
      expect(uncapped).toEqual([]);
      expect(reserved('webhookReceive')).toBe(functionSpecs.webhookReceive.reservedConcurrency);
      expect(functionSpecs.webhookReceive.reservedConcurrency).toBeGreaterThanOrEqual(20);
      expect(reserved('linksList')).toBeUndefined();
      const total = Object.keys(functionSpecs)
        .map((name) => reserved(name as keyof typeof functionSpecs) ?? 0)
        .reduce((sum, value) => sum + value, 0);
      // Lambda keeps 100 of the default 1,000 unreserved; stay well inside the rest.
      expect(total).toBeLessThanOrEqual(200);
    });

    it('passes the common configuration to every function', () => {
      for (const fn of Object.values(synth.template.findResources('AWS::Lambda::Function'))) {
        const env = fn.Properties.Environment.Variables;
        expect(env).toMatchObject({
          GRAPH_API_BASE_URL: 'https://graph.facebook.com',
          META_APP_ID: TEST_CONTEXT.metaAppId,
          // Login for Business (config_id) is the default; the configuration holds the permissions.
          META_LOGIN_MODE: 'business',
          META_LOGIN_CONFIG_ID: TEST_CONTEXT.metaLoginConfigId,
          STAGE: 'dev',
          LOG_LEVEL: 'debug',
          NODE_OPTIONS: '--enable-source-maps',
        });
        // No custom domain in the context: OAuth redirects and callbacks use the API's own endpoint.
        expect(env.PUBLIC_BASE_URL).toEqual({
          'Fn::GetAtt': [expect.stringMatching(/^ApiHttpApi/), 'ApiEndpoint'],
        });
        // Only the embedded default trusts an origin (its sandbox) past the public-address rule.
        expect(env.TRUSTED_FETCH_ORIGINS).toBeUndefined();
      }
    });

    it('bundles each handler as minified ESM with a source map and a require shim', () => {
      for (const fn of Object.values(synth.template.findResources('AWS::Lambda::Function'))) {
        // Prepare
        expect(fn.Properties.Handler).toBe('index.handler');
        const assetHash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
        const assetDir = path.join(synth.outdir, `asset.${assetHash}`);
        // Act
        const code = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
        // Assess
        expect(existsSync(path.join(assetDir, 'index.mjs.map'))).toBe(true);
        expect(code.startsWith('import { createRequire as __tandemCreateRequire }')).toBe(true);
        expect(code).toMatch(/export\s*\{[^}]*as handler/);
      }
    });
  });

  describe('Function: bind* environment and grants', () => {
    it('gives each function the table variables of exactly the tables it needs', () => {
      for (const [name, spec] of Object.entries(functionSpecs) as [string, FunctionSpec][]) {
        const env =
          synth.template.toJSON().Resources[fnId(name as keyof typeof functionSpecs)].Properties
            .Environment.Variables;
        // Publishing events puts them in the events table, so that need brings its variable too.
        const needed =
          'probes' in spec.needs
            ? Object.keys(tables)
            : [
                ...Object.keys(spec.needs.tables ?? {}),
                ...(spec.needs.events === 'publish' ? ['events'] : []),
              ];
        for (const [table, tableSpec] of Object.entries(tables)) {
          expect(env[tableSpec.envVar] !== undefined, `${name} ${table}`).toBe(
            needed.includes(table)
          );
        }
      }
    });

    it('gives the health function no access to data, queues, keys or secrets', () => {
      // Act
      const actions = actionsOf(synth.template, fnId('health'));
      // Assess
      expect(actions.filter((action) => !/^(logs|xray):/.test(action))).toEqual([]);
    });

    it('lets the reconciler only read the links table and never use the token key or secret', () => {
      // Prepare
      const linksArn = { 'Fn::GetAtt': [logicalIdOf(synth.stack.data.tables.links.table), 'Arn'] };
      const statements = statementsOf(synth.template, fnId('reconciler'));
      // Act
      const onLinks = statements
        .filter((statement) =>
          JSON.stringify(statement.Resource).includes(JSON.stringify(linksArn))
        )
        .flatMap((statement) => [statement.Action].flat());
      const actions = actionsOf(synth.template, fnId('reconciler'));
      // Assess
      expect(onLinks).toContain('dynamodb:Query');
      expect(onLinks).not.toContain('dynamodb:PutItem');
      expect(onLinks).not.toContain('dynamodb:UpdateItem');
      expect(actions.filter((action) => /^(kms|secretsmanager):/.test(action))).toEqual([]);
      expect(actions).toContain('sqs:SendMessage');
      expect(actions).not.toContain('sqs:ReceiveMessage');
    });

    it('lets the public data-deletion status page read its own records and nothing else', () => {
      // Prepare
      const own = logicalIdOf(synth.stack.data.tables.metaCallbacks.table);
      const statements = statementsOf(synth.template, fnId('metaDataDeletionStatus'));
      // Act
      const onData = statements.filter((statement) =>
        [statement.Action].flat().some((action) => String(action).startsWith('dynamodb:'))
      );
      // Assess
      expect(onData.length).toBeGreaterThan(0);
      for (const statement of onData) {
        expect(JSON.stringify(statement.Resource)).toContain(own);
        expect([statement.Action].flat()).not.toContain('dynamodb:PutItem');
      }
    });

    it('lets the readiness probe read only the probe key of each table', () => {
      // Act
      const statements = statementsOf(synth.template, fnId('readiness')).filter((statement) =>
        [statement.Action].flat().some((action) => String(action).startsWith('dynamodb:'))
      );
      // Assess
      const resources = statements.flatMap((statement) => [statement.Resource].flat());
      expect(resources).toHaveLength(Object.keys(tables).length);
      for (const statement of statements) {
        expect(statement.Action).toBe('dynamodb:GetItem');
        expect(statement.Condition).toEqual({
          'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['HEALTH#probe'] },
        });
      }
    });

    it('lets only the upload route sign PUTs, readers only read, under the stories prefix', () => {
      // Act
      const s3Of = (name: Parameters<typeof fnId>[0]) =>
        statementsOf(synth.template, fnId(name)).filter((statement) =>
          [statement.Action].flat().some((action) => String(action).startsWith('s3:'))
        );
      const withS3 = Object.keys(functionSpecs).filter(
        (name) => s3Of(name as Parameters<typeof fnId>[0]).length > 0
      );
      // Assess
      expect(withS3.sort()).toEqual(
        Object.entries(functionSpecs)
          .filter(([, spec]) => (spec.needs as { mediaBucket?: string }).mediaBucket)
          .map(([name]) => name)
          .sort()
      );
      expect(s3Of('storyUploadCreate').map((statement) => statement.Action)).toEqual([
        's3:PutObject',
      ]);
      expect(s3Of('worker').map((statement) => statement.Action)).toEqual(['s3:GetObject']);
      expect(s3Of('linkDelete').map((statement) => statement.Action)).toEqual([
        's3:ListBucket',
        's3:DeleteObject',
      ]);
      for (const name of withS3) {
        for (const statement of s3Of(name as Parameters<typeof fnId>[0])) {
          const scoped =
            JSON.stringify(statement.Resource).includes('/stories/*') ||
            JSON.stringify(statement.Condition).includes('stories/*');
          expect(scoped, `${name}: ${JSON.stringify(statement)}`).toBe(true);
        }
      }
    });

    it('lets the worker decrypt tokens but not encrypt them', () => {
      // Act
      const kms = actionsOf(synth.template, fnId('worker')).filter((a) => a.startsWith('kms:'));
      // Assess
      expect(kms).toEqual(['kms:Decrypt']);
    });

    /** The secrets a function may read (CDK merges grants on one role into one statement). */
    const secretReadsOf = (functionId: string): unknown[] =>
      statementsOf(synth.template, functionId)
        .filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'))
        .flatMap((statement) => [statement.Resource].flat());

    it('grants the worker the Meta app secret by its ARN and sets META_APP_SECRET_ARN', () => {
      // Prepare
      const secretId = logicalIdOf(synth.stack.secrets.metaAppSecret);
      const fn = synth.template.toJSON().Resources[fnId('worker')];
      // Assess
      expect(fn.Properties.Environment.Variables.META_APP_SECRET_ARN).toEqual({ Ref: secretId });
      expect(fn.Properties.Environment.Variables.TOKEN_KEY_ARN).toBeDefined();
      expect(secretReadsOf(fnId('worker'))).toContainEqual({ Ref: secretId });
    });

    it("grants only the worker the app's system user token, for profile picture uploads", () => {
      // Prepare
      const secretId = logicalIdOf(synth.stack.secrets.metaSystemUserToken);
      // Assess
      for (const name of Object.keys(functionSpecs) as (keyof typeof functionSpecs)[]) {
        const env = synth.template.toJSON().Resources[fnId(name)].Properties.Environment.Variables;
        if (name === 'worker') expect(env.META_SYSTEM_USER_TOKEN_ARN).toEqual({ Ref: secretId });
        else expect(env.META_SYSTEM_USER_TOKEN_ARN).toBeUndefined();
      }
      expect(secretReadsOf(fnId('worker'))).toContainEqual({ Ref: secretId });
    });

    it('lets no function Scan a table or an index', () => {
      // Act
      const actions = Object.keys(functionSpecs).flatMap((name) =>
        actionsOf(synth.template, fnId(name as keyof typeof functionSpecs))
      );
      // Assess
      expect(actions.filter((action) => /^dynamodb:(Scan|\*)$/.test(action))).toEqual([]);
    });

    it('names indexes one by one instead of granting index/*', () => {
      const text = JSON.stringify(synth.template.findResources('AWS::IAM::Policy'));
      expect(text).not.toContain('/index/*');
      expect(text).toContain('/index/byShard');
    });

    it('uses Resource * only for the X-Ray actions, which have no resource-level permissions', () => {
      // Prepare
      const statements = Object.values(synth.template.findResources('AWS::IAM::Policy')).flatMap(
        (policy) =>
          policy.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[]
      );
      // Act
      const starred = statements.filter((statement) => [statement.Resource].flat().includes('*'));
      // Assess
      expect(starred.length).toBeGreaterThan(0);
      for (const statement of starred) {
        expect(
          [statement.Action].flat().every((action) => String(action).startsWith('xray:'))
        ).toBe(true);
      }
    });

    it('attaches no AWS managed policy to any role', () => {
      for (const role of Object.values(synth.template.findResources('AWS::IAM::Role'))) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });
  });

  describe('HTTP API', () => {
    it('creates every route of the route table, and no other', () => {
      // Prepare
      const created = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Route')).map(
        (route) => route.Properties.RouteKey
      );
      // Assess
      expect(created.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    });

    it('leaves exactly the public routes of the route table without an authorizer', () => {
      // Prepare
      const byKey = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Route'));
      const open = byKey
        .filter((route) => route.Properties.AuthorizationType === 'NONE')
        .map((route) => route.Properties.RouteKey);
      // Assess
      expect(open.sort()).toEqual(
        routes
          .filter((r) => r.access === 'public')
          .map((r) => `${r.method} ${r.path}`)
          .sort()
      );
    });

    it('puts the JWT authorizer with the context issuer and audience on every tenant route', () => {
      // Prepare
      const tenantKeys = routes
        .filter((r) => r.access === 'tenant')
        .map((r) => `${r.method} ${r.path}`);
      const authorizers = synth.template.findResources('AWS::ApiGatewayV2::Authorizer');
      // Assess
      for (const route of Object.values(synth.template.findResources('AWS::ApiGatewayV2::Route'))) {
        if (!tenantKeys.includes(route.Properties.RouteKey)) continue;
        expect(route.Properties.AuthorizationType).toBe('JWT');
        const authorizer = authorizers[route.Properties.AuthorizerId.Ref];
        expect(authorizer?.Properties.JwtConfiguration).toEqual({
          Issuer: TEST_CONTEXT.jwtIssuer,
          Audience: [TEST_CONTEXT.jwtAudience],
        });
      }
    });

    it('logs every request as JSON and throttles the default stage', () => {
      synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: {
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
        },
        AccessLogSettings: {
          DestinationArn: Match.anyValue(),
          Format: Match.serializedJson(Match.objectLike({ requestId: '$context.requestId' })),
        },
      });
    });

    it('throttles every route in its own bucket, Meta’s webhooks well above a public route', () => {
      // Prepare
      const [stage] = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Stage'));
      const settings = stage?.Properties.RouteSettings as Record<
        string,
        { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
      >;
      // Act
      const keys = Object.keys(settings).sort();
      // Assess
      expect(keys).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
      const webhooks = settings['POST /webhooks/meta'];
      const callback = settings['GET /oauth/callback'];
      expect(webhooks?.ThrottlingRateLimit).toBeGreaterThanOrEqual(
        10 * (callback?.ThrottlingRateLimit ?? Number.POSITIVE_INFINITY)
      );
      expect(settings['GET /links']).toEqual({
        ThrottlingRateLimit: 50,
        ThrottlingBurstLimit: 100,
      });
      // The stage names routes that must exist before it.
      expect(stage?.DependsOn).toEqual(
        expect.arrayContaining([expect.stringMatching(/POSTwebhooksmeta/)])
      );
    });

    it('has no CORS configuration', () => {
      synth.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.absent(),
      });
    });
  });

  describe('DynamoDB tables', () => {
    it.each(Object.entries(tables))(
      'builds %s with the keys, indexes and TTL of its spec',
      (name, spec) => {
        // Prepare
        const table =
          synth.template.toJSON().Resources[
            logicalIdOf(synth.stack.data.tables[name as keyof typeof tables].table)
          ].Properties;
        const keySchema = (pk: { name: string }, sk?: { name: string }) => [
          { AttributeName: pk.name, KeyType: 'HASH' },
          ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : []),
        ];
        // Assess
        expect(table.KeySchema).toEqual(
          keySchema(spec.partitionKey, 'sortKey' in spec ? spec.sortKey : undefined)
        );
        expect(
          (table.GlobalSecondaryIndexes ?? []).map(
            (index: { IndexName: string; KeySchema: unknown }) => [index.IndexName, index.KeySchema]
          )
        ).toEqual(
          spec.indexes.map((index) => [index.name, keySchema(index.partitionKey, index.sortKey)])
        );
        expect(table.TimeToLiveSpecification).toEqual(
          'ttlAttribute' in spec ? { AttributeName: spec.ttlAttribute, Enabled: true } : undefined
        );
      }
    );

    it('bills on demand with point-in-time recovery and server-side encryption', () => {
      for (const table of Object.values(synth.template.findResources('AWS::DynamoDB::Table'))) {
        expect(table.Properties).toMatchObject({
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
        });
      }
    });

    it('leaves deletion protection off in dev', () => {
      for (const table of Object.values(synth.template.findResources('AWS::DynamoDB::Table'))) {
        expect(table.Properties.DeletionProtectionEnabled).toBe(false);
      }
    });
  });

  describe('SQS', () => {
    it('redrives the sync queue to its DLQ after maxReceiveCount receives', () => {
      synth.template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: {
          deadLetterTargetArn: {
            'Fn::GetAtt': [logicalIdOf(synth.stack.queues.syncDeadLetters), 'Arn'],
          },
          maxReceiveCount: queues.sync.maxReceiveCount,
        },
      });
    });

    it('keeps the sync queue visibility at least six times the worker timeout', () => {
      // Prepare
      const queue = synth.template.toJSON().Resources[logicalIdOf(synth.stack.queues.syncQueue)];
      const worker = synth.template.toJSON().Resources[fnId('worker')];
      // Assess
      expect(queue.Properties.VisibilityTimeout).toBe(queues.sync.visibilityTimeoutSeconds);
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
        6 * worker.Properties.Timeout
      );
    });

    it('encrypts every queue and denies requests without TLS', () => {
      // Prepare
      const queueIds = Object.keys(synth.template.findResources('AWS::SQS::Queue'));
      const policies = Object.values(synth.template.findResources('AWS::SQS::QueuePolicy'));
      // Assess
      for (const id of queueIds) {
        synth.template.hasResource('AWS::SQS::Queue', {
          Properties: Match.objectLike({ SqsManagedSseEnabled: true }),
        });
        const policy = policies.find(
          (p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: id }])
        );
        expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          })
        );
      }
    });

    it('keeps dead letters for the retention the spec asks', () => {
      const dlq =
        synth.template.toJSON().Resources[logicalIdOf(synth.stack.queues.syncDeadLetters)];
      expect(dlq.Properties.MessageRetentionPeriod).toBe(queues.sync.dlqRetentionDays * 86_400);
    });

    it('wires the worker to the sync queue with partial batch failures and a concurrency cap', () => {
      synth.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fnId('worker') },
        EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(synth.stack.queues.syncQueue), 'Arn'] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: queues.sync.batchSize,
        MaximumBatchingWindowInSeconds: queues.sync.maxBatchingWindowSeconds,
        ScalingConfig: { MaximumConcurrency: 10 },
      });
    });

    it('wires the delivery worker to its own deliveries queue, redriven to its own DLQ', () => {
      synth.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fnId('deliveryWorker') },
        EventSourceArn: {
          'Fn::GetAtt': [logicalIdOf(synth.stack.queues.deliveriesQueue), 'Arn'],
        },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: queues.deliveries.batchSize,
      });
      const queue =
        synth.template.toJSON().Resources[logicalIdOf(synth.stack.queues.deliveriesQueue)];
      expect(queue.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: {
          'Fn::GetAtt': [logicalIdOf(synth.stack.queues.deliveriesDeadLetters), 'Arn'],
        },
        maxReceiveCount: queues.deliveries.maxReceiveCount,
      });
    });

    it('alarms when any dead-letter queue holds a message', () => {
      for (const dlq of [
        synth.stack.queues.syncDeadLetters,
        synth.stack.queues.reconcileDeadLetters,
        synth.stack.queues.statsDeadLetters,
        synth.stack.queues.deliveriesDeadLetters,
      ]) {
        synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [
            { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(dlq), 'QueueName'] } },
          ],
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
        });
      }
    });
  });

  describe('Reconcile schedule', () => {
    it('starts a reconcile run at the shared rate', () => {
      // Prepare
      const [schedule] = Object.values(synth.template.findResources('AWS::Scheduler::Schedule'));
      const UNIT_MINUTES: Record<string, number> = { minute: 1, hour: 60, day: 1440 };
      // Act
      const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(
        schedule?.Properties.ScheduleExpression
      );
      // Assess
      expect(match).not.toBeNull();
      expect(Number(match?.[1]) * (UNIT_MINUTES[match?.[2] ?? ''] ?? 0)).toBe(
        reconcileSchedule.rateMinutes
      );
    });

    it('invokes the reconciler with retries and a dead-letter queue', () => {
      synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [fnId('reconciler'), 'Arn'] },
          DeadLetterConfig: {
            Arn: { 'Fn::GetAtt': [logicalIdOf(synth.stack.queues.reconcileDeadLetters), 'Arn'] },
          },
          RetryPolicy: { MaximumRetryAttempts: Match.anyValue() },
          Input: Match.serializedJson(
            Match.objectLike({
              'detail-type': 'Scheduled Event',
              time: '<aws.scheduler.scheduled-time>',
            })
          ),
        },
      });
    });

    it('sends the reconciler failed asynchronous invocations to the reconcile DLQ', () => {
      synth.template.hasResourceProperties('AWS::Lambda::Function', {
        DeadLetterConfig: {
          TargetArn: {
            'Fn::GetAtt': [logicalIdOf(synth.stack.queues.reconcileDeadLetters), 'Arn'],
          },
        },
        Description: functionSpecs.reconciler.description,
      });
    });
  });

  describe('Outputs', () => {
    it('publishes the API URL, the table names and the queue URLs', () => {
      // Prepare
      const outputs = Object.keys(synth.template.findOutputs('*'));
      // Assess
      expect(outputs).toEqual(
        expect.arrayContaining([
          'ApiUrl',
          'SyncQueueUrl',
          'SyncDeadLetterQueueUrl',
          ...Object.values(tables).map((spec) => `${spec.id}TableName`),
        ])
      );
    });
  });
});

describe('Stack: TandemConsoleStack', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = tandem();
  });

  it("deploys the console built, with a config.json naming the context's OIDC provider", () => {
    // Prepare
    const staged = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? staged(path.join(dir, entry.name)) : [path.join(dir, entry.name)]
      );
    const files = staged(synth.outdir);
    const config = files.find((file) => path.basename(file) === 'config.json');

    // Assess
    expect(JSON.parse(readFileSync(config ?? '', 'utf8'))).toEqual({
      apiBaseUrl: '',
      auth: {
        kind: 'oidc',
        issuer: TEST_CONTEXT.jwtIssuer,
        clientId: TEST_CONTEXT.consoleOidcClientId,
        scope: 'openid',
      },
    });
    expect(files.some((file) => /assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
    synth.consoleTemplate.hasOutput('ConsoleUrl', Match.anyValue());
  });
});
