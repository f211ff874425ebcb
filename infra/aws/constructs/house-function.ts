import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type ILogGroup, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { bundling } from '../../shared/bundling.js';

type TableAccess = 'read' | 'readWrite';
type QueueAccess = 'send' | 'consume';
type KeyAccess = 'encrypt' | 'decrypt' | 'encryptDecrypt';

/**
 * Item-level reads. No Scan: every read names its partition (a tenant, a Page, a shard), so a
 * compromised function cannot page through every tenant's items; the reconciler walks the sparse
 * byShard index with Query. No PartiQL and no stream actions: nothing in Tandem uses them.
 */
const TABLE_READ = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
/** Item-level writes; TransactWriteItems is authorised through these per-item actions. */
const TABLE_WRITE = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
/** Only what the token vault's envelope encryption calls; no ReEncrypt*, no GenerateDataKey* wildcard. */
const KEY_ACTIONS: Record<KeyAccess, string[]> = {
  encrypt: ['kms:GenerateDataKey', 'kms:Encrypt'],
  decrypt: ['kms:Decrypt'],
  encryptDecrypt: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'],
};

/** Props of {@link HouseFunction}. */
interface HouseFunctionProps {
  /** Absolute path of the module that exports `handler`. */
  entry: string;
  description: string;
  /**
   * @default Duration.seconds(30)
   */
  timeout?: Duration;
  /**
   * @default 256
   */
  memorySize?: number;
  /**
   * The log group to write to, shared with other functions (Lambda names each stream after the
   * function: `YYYY/MM/DD/<function>[<version>]<instance>`). Without it the function gets its own.
   * @default - a log group of its own, with `logRetention` and `logRemovalPolicy`
   */
  logGroup?: ILogGroup;
  /**
   * How long the function's logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  logRetention?: RetentionDays;
  /**
   * What happens to the log group when the stack is deleted.
   * @default RemovalPolicy.DESTROY
   */
  logRemovalPolicy?: RemovalPolicy;
  /**
   * Reserved concurrency, to cap what the function can take from the account pool.
   * @default - none, the function scales within the account's unreserved concurrency
   */
  reservedConcurrentExecutions?: number;
  /**
   * Where Lambda puts events of asynchronous invocations that failed all retries. Only meaningful for
   * functions invoked asynchronously (the scheduler's target); API and SQS invocations are synchronous.
   * @default - no dead-letter queue
   */
  deadLetterQueue?: IQueue;
  /**
   * Extra environment variables; the `bind*` helpers add their own.
   * @default {}
   */
  environment?: Record<string, string>;
}

/**
 * Tandem's house Lambda function: every function in the stack is one of these, so the defaults live in
 * one place.
 *
 * - Node.js 24 on ARM64 (Graviton: cheaper per GB-second) with active X-Ray tracing.
 * - An explicit log group with a retention period (the stack's one shared group, or its own), and a
 *   role that may write only to that group
 *   (instead of the AWS managed AWSLambdaBasicExecutionRole, which may write to any group).
 * - esbuild bundling with the local esbuild (never Docker): ESM output, minified, with source maps
 *   and `--enable-source-maps`, targeting node24. The AWS SDK is bundled rather than taken from the
 *   runtime, so the version that ran the tests is the version that runs in Lambda.
 * - `bind*` helpers that add a resource's environment variable and its least-privilege grant together,
 *   so a function can never have the variable without the permission, or the permission without a use.
 */
class HouseFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    // The log group and role are created beside the function (not under it) because they must exist
    // before `super()` runs; their ids keep them next to it in the construct tree.
    const logGroup =
      props.logGroup ??
      new LogGroup(scope, `${id}Logs`, {
        retention: props.logRetention ?? RetentionDays.ONE_MONTH,
        removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
      });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${id} function`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: props.memorySize ?? 256,
      logGroup,
      role,
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      environment: {
        // Stack traces point at the TypeScript source, through the bundled source map.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        // Offline and Docker-free: bundle with the esbuild in node_modules.
        forceDockerBundling: false,
        // The shared options, so `npm run bench` measures exactly the bundle that ships.
        format: OutputFormat.ESM,
        target: bundling.target,
        mainFields: [...bundling.mainFields],
        banner: bundling.banner,
        minify: bundling.minify,
        sourceMap: bundling.sourceMap,
        // Keep the map small: it maps lines back to files; the sources are in the repository.
        sourcesContent: false,
        // Bundle everything, the AWS SDK included, so its version is pinned by package-lock.json.
        externalModules: [],
        // Bundle sizes on every synth are noise; warnings and errors still show.
        logLevel: LogLevel.WARNING,
      },
    });

    // Tracing.ACTIVE adds xray:PutTraceSegments and xray:PutTelemetryRecords on Resource '*';
    // X-Ray offers no resource-level permissions for them, so '*' is the only possible resource.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray PutTraceSegments/PutTelemetryRecords statement added by Tracing.ACTIVE uses Resource *; X-Ray has no resource-level permissions (a test asserts no other statement uses *).',
    });
  }

  /**
   * Gives the function the table's name in `envVar` and item-level access to the table and to the
   * named indexes (by name, not `index/*`, so an index added later is not readable by default).
   *
   * @example
   * fn.bindTable(linksTable, 'readWrite', 'LINKS_TABLE', ['byShard']);
   */
  bindTable(
    table: ITable,
    access: TableAccess,
    envVar: string,
    indexNames: readonly string[] = []
  ): this {
    this.addEnvironment(envVar, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: access === 'read' ? TABLE_READ : [...TABLE_READ, ...TABLE_WRITE],
        resources: [table.tableArn],
      })
    );
    if (indexNames.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: indexNames.map((name) => `${table.tableArn}/index/${name}`),
        })
      );
    }
    return this;
  }

  /**
   * Gives the function the table's name in `envVar` and PutItem only: it may add items (an event it
   * publishes) but read, change or delete none, so it cannot see what else the table holds.
   */
  bindTablePut(table: ITable, envVar: string): this {
    this.addEnvironment(envVar, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table.tableArn] })
    );
    return this;
  }

  /**
   * Gives the function the table's name in `envVar` and a GetItem of one key only, for a readiness
   * probe: the grant is conditioned on the partition key being `probeKey`, so nothing else is read.
   */
  bindTableProbe(table: ITable, envVar: string, probeKey: string): this {
    this.addEnvironment(envVar, table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [probeKey] } },
      })
    );
    return this;
  }

  /** Gives the function the queue URL in `envVar` and only GetQueueAttributes, for a probe. */
  bindQueueProbe(queue: IQueue, envVar: string): this {
    this.addEnvironment(envVar, queue.queueUrl);
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['sqs:GetQueueAttributes'], resources: [queue.queueArn] })
    );
    return this;
  }

  /**
   * Gives the function the queue URL in `envVar` and the right to send to it, or to consume it.
   * A consumer may also be given the dead-letter queue: it can then park a message that can never
   * succeed (a malformed job) without waiting for maxReceiveCount.
   */
  bindQueue(
    queue: IQueue,
    access: QueueAccess,
    envVar: string,
    dlq?: { queue: IQueue; envVar: string }
  ): this {
    this.addEnvironment(envVar, queue.queueUrl);
    if (access === 'send') queue.grantSendMessages(this);
    else {
      queue.grantConsumeMessages(this);
      // A consumer also sends: reconcile continuations and story jobs waiting for Instagram's quota.
      queue.grantSendMessages(this);
    }
    if (dlq) {
      this.addEnvironment(dlq.envVar, dlq.queue.queueUrl);
      dlq.queue.grantSendMessages(this);
    }
    return this;
  }

  /** Gives the function the token key's ARN in `envVar` and only the KMS calls `access` needs. */
  bindKey(key: IKey, access: KeyAccess, envVar = 'TOKEN_KEY_ARN'): this {
    this.addEnvironment(envVar, key.keyArn);
    key.grant(this, ...KEY_ACTIONS[access]);
    return this;
  }

  /**
   * Gives the function the bucket's name in `envVar` (MEDIA_BUCKET) and only what `access` needs under
   * `prefix`: `presign` s3:PutObject (what a presigned PUT is authorised by), `read` s3:GetObject
   * (HeadObject and the GET URLs Meta fetches), `delete` listing the prefix and deleting under it.
   * No role may list the bucket beyond the prefix, nor read what it may not write or delete.
   */
  bindBucket(
    bucket: IBucket,
    access: 'presign' | 'read' | 'delete',
    prefix: string,
    envVar: string
  ): this {
    this.addEnvironment(envVar, bucket.bucketName);
    const objects = bucket.arnForObjects(`${prefix}*`);
    if (access === 'presign') {
      this.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:PutObject'], resources: [objects] })
      );
    } else if (access === 'read') {
      this.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:GetObject'], resources: [objects] })
      );
    } else {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
        })
      );
      this.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [objects] })
      );
    }
    const bucketId = Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnBucket);
    Validations.of(this.role ?? this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
      reason: `The wildcard ranges over the story uploads under ${prefix} only, whose keys Tandem makes per tenant and link; the core checks the tenant's own prefix before any use, and no grant reaches the bucket beyond it.`,
    });
    return this;
  }

  /**
   * Gives the function a secret's ARN in `envVar` (the Meta app secret's by default) and the right to
   * read it.
   */
  bindSecret(secret: ISecret, envVar = 'META_APP_SECRET_ARN'): this {
    this.addEnvironment(envVar, secret.secretArn);
    secret.grantRead(this);
    return this;
  }
}

export type { HouseFunctionProps, KeyAccess, QueueAccess, TableAccess };
export { HouseFunction };
