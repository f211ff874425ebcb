import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PROBE_KEY } from '../../../functions/adapters/aws/probes.js';
import type { TableName } from '../../../functions/adapters/dynamodb/tables.js';
import type { QueueSpec } from '../../../functions/adapters/sqs/queues.js';
import {
  type FunctionName,
  type FunctionSpec,
  functions as functionSpecs,
} from '../../shared/functions.js';
import { type Grant, grantsOf } from '../../shared/needs.js';
import type { TandemTable } from './data.js';
import { HouseFunction } from './house-function.js';
import { MEDIA_PREFIX } from './media-bucket.js';

/** The repository root, which the specs' `entry` paths are relative to. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * SQS wants the visibility timeout to be at least six times the consumer's timeout, so a batch that
 * is still running (with retries inside it) is not handed to a second worker.
 */
const VISIBILITY_FACTOR = 6;

/**
 * How many delivery worker invocations may run at once: deliveries wait on the tenants' endpoints,
 * not on Meta, so they may run wider than the sync worker; the cap keeps a burst of events (a
 * reconcile run's drift) from taking the account's concurrency.
 */
const DELIVERY_MAX_CONCURRENCY = 20;

/** Props of {@link Functions}. */
interface FunctionsProps {
  tables: Record<TableName, TandemTable>;
  syncQueue: { queue: IQueue; deadLetters: IQueue; spec: QueueSpec };
  /** Webhook event fan-outs and deliveries, consumed by the delivery worker. */
  deliveriesQueue: { queue: IQueue; deadLetters: IQueue; spec: QueueSpec };
  tokenKey: IKey;
  /** Story uploads (MediaBucket); functions reach only its `stories/` prefix. */
  mediaBucket: IBucket;
  metaAppSecret: ISecret;
  metaSystemUserToken: ISecret;
  /** Environment every function gets (GRAPH_API_BASE_URL, META_APP_ID, STAGE, LOG_LEVEL, ...). */
  environment: Record<string, string>;
  /**
   * Functions that are invoked asynchronously, and where their failed events go.
   * @default {} (no function is invoked asynchronously)
   */
  asyncDeadLetters?: Partial<Record<FunctionName, IQueue>>;
  /**
   * How many worker invocations may run at once. Caps the fan-out against Meta's rate limits
   * (the event source mapping's MaximumConcurrency; 2 is the minimum SQS allows).
   * @default 10
   */
  workerMaxConcurrency?: number;
  /**
   * @default RetentionDays.ONE_MONTH (the house function's default)
   */
  logRetention?: RetentionDays;
  /**
   * @default RemovalPolicy.DESTROY (the house function's default)
   */
  logRemovalPolicy?: RemovalPolicy;
  /**
   * The function descriptions to build.
   * @default the shared specs in infra/shared/functions.ts
   */
  specs?: Record<FunctionName, FunctionSpec>;
  /**
   * Whether the specs' reserved concurrency is applied. Off only for an account whose concurrency
   * limit is too low to reserve any (new accounts may start at 10; Lambda keeps 100 unreserved).
   * @default true
   */
  reserveConcurrency?: boolean;
  /**
   * CORS for the tenants' registered origins: every function serving a tenant route then reads the
   * caller tenant's origins, so it may read the links table.
   * @default false
   */
  corsEnabled?: boolean;
}

/**
 * One house function per entry in the shared function specs, each bound to exactly what its `needs`
 * name. The consumer of the sync queue is wired to it with partial batch failures; every function has
 * an alarm on errors.
 */
class Functions extends Construct {
  readonly functions: Record<FunctionName, HouseFunction>;
  /** Where every function logs. */
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const specs = props.specs ?? functionSpecs;
    // One log group for every function: a group per function would be 65 more resources in a stack
    // CloudFormation caps at 500, and Lambda names each stream after its function anyway.
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.functions = Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [
        name,
        this.build(name as FunctionName, spec, props),
      ])
    ) as Record<FunctionName, HouseFunction>;
  }

  private build(name: FunctionName, spec: FunctionSpec, props: FunctionsProps): HouseFunction {
    const deadLetterQueue = props.asyncDeadLetters?.[name];
    const fn = new HouseFunction(this, spec.id, {
      entry: path.join(REPO_ROOT, spec.entry),
      description: spec.description,
      timeout: Duration.seconds(spec.timeoutSeconds),
      memorySize: spec.memoryMb,
      environment: props.environment,
      ...(spec.reservedConcurrency !== undefined && props.reserveConcurrency !== false
        ? { reservedConcurrentExecutions: spec.reservedConcurrency }
        : {}),
      ...(deadLetterQueue ? { deadLetterQueue } : {}),
      logGroup: this.logGroup,
    });
    const { needs } = spec;
    for (const grant of grantsOf(name, spec, { corsEnabled: props.corsEnabled === true })) {
      this.bind(fn, grant, props);
    }
    if (needs.syncQueue === 'consume') {
      this.consume(fn, spec, props.syncQueue, props.workerMaxConcurrency ?? 10);
    }
    if (needs.deliveriesQueue === 'consume') {
      // A failed delivery's next attempt is a new, delayed message on the same queue.
      props.deliveriesQueue.queue.grantSendMessages(fn);
      this.consume(fn, spec, props.deliveriesQueue, DELIVERY_MAX_CONCURRENCY);
    }

    // A Lambda DLQ only ever receives failed asynchronous invocations; functions not listed in
    // asyncDeadLetters are invoked synchronously, where the failure goes back to the invoker.
    if (!deadLetterQueue) {
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          needs.syncQueue === 'consume' || needs.deliveriesQueue === 'consume'
            ? `${spec.id} is invoked synchronously by the SQS event source mapping; a failed message returns to the queue and after ${props.syncQueue.spec.maxReceiveCount} receives goes to its redrive DLQ, so a Lambda DLQ would never receive anything.`
            : `${spec.id} is invoked synchronously by the HTTP API (request/response): the caller receives the error, so a Lambda DLQ, which only receives asynchronous invocations, would never receive anything.`,
      });
    }

    new Alarm(this, `${spec.id}Errors`, {
      alarmDescription: `${spec.id} threw or timed out.`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    return fn;
  }

  /** Binds one grant of the function's needs: its environment variable and its IAM access. */
  private bind(fn: HouseFunction, grant: Grant, props: FunctionsProps): void {
    if ('table' in grant) {
      const { table, indexNames } = props.tables[grant.table];
      if (grant.access === 'put') fn.bindTablePut(table, grant.env);
      else if (grant.access === 'probe') fn.bindTableProbe(table, grant.env, PROBE_KEY);
      else fn.bindTable(table, grant.access, grant.env, indexNames);
    } else if ('queue' in grant) {
      const { queue, deadLetters } =
        grant.queue === 'sync' ? props.syncQueue : props.deliveriesQueue;
      if (grant.access === 'consume') {
        fn.bindQueue(queue, 'consume', grant.env, { queue: deadLetters, envVar: grant.dlqEnv });
      } else if (grant.access === 'probe') fn.bindQueueProbe(queue, grant.env);
      else fn.bindQueue(queue, 'send', grant.env);
    } else if ('tokenKey' in grant) {
      fn.bindKey(props.tokenKey, grant.tokenKey, grant.env);
    } else if ('media' in grant) {
      fn.bindBucket(props.mediaBucket, grant.media, MEDIA_PREFIX, grant.env);
    } else {
      fn.bindSecret(
        grant.secret === 'metaAppSecret' ? props.metaAppSecret : props.metaSystemUserToken,
        grant.env
      );
    }
  }

  /** Wires a queue to its consumer: partial batch failures, a concurrency cap. */
  private consume(
    fn: HouseFunction,
    spec: FunctionSpec,
    source: { queue: IQueue; spec: QueueSpec },
    maxConcurrency: number
  ): void {
    const queueSpec = source.spec;
    if (spec.timeoutSeconds * VISIBILITY_FACTOR > queueSpec.visibilityTimeoutSeconds) {
      throw new Error(
        `${spec.id} times out after ${spec.timeoutSeconds}s, so the ${queueSpec.id} visibility timeout must be at least ${spec.timeoutSeconds * VISIBILITY_FACTOR}s, not ${queueSpec.visibilityTimeoutSeconds}s`
      );
    }
    fn.addEventSource(
      new SqsEventSource(source.queue, {
        batchSize: queueSpec.batchSize,
        maxBatchingWindow: Duration.seconds(queueSpec.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
        maxConcurrency,
      })
    );
    const mapping = fn.node.children.find((child) => child instanceof EventSourceMapping);
    if (!mapping) throw new Error(`${spec.id} has no event source mapping after addEventSource`);
    Validations.of(mapping).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: `SQS event source mappings do not support on-failure destinations; a message that fails ${queueSpec.maxReceiveCount} receives is moved to the ${queueSpec.id} DLQ by the queue's redrive policy, which has an alarm.`,
    });
  }
}

export type { FunctionsProps };
export { Functions, VISIBILITY_FACTOR };
