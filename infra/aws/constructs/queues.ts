import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type QueueSpec, queues as queueSpecs } from '../../../functions/adapters/sqs/queues.js';

/** Props of {@link Queues}. */
interface QueuesProps {
  /**
   * The sync queue's description.
   * @default the queue spec in functions/adapters/sqs/queues.ts
   */
  syncSpec?: QueueSpec;
}

/** Why a dead-letter queue has no redrive policy of its own (cdk-nag Serverless SQSRedrivePolicy). */
const DLQ_REDRIVE_REASON =
  'This queue is itself a dead-letter queue: a DLQ of a DLQ would only move letters to a second dead end. Letters are inspected and redriven with SQS StartMessageMoveTask; an alarm fires on the first one.';

/**
 * The sync queue and the dead-letter queues, with an alarm on every dead letter.
 *
 * - Sync jobs: SSE-SQS, TLS-only, redriven to its DLQ after the spec's maxReceiveCount, with the
 *   spec's visibility timeout (which the worker's timeout must fit six times).
 * - Event deliveries: the same settings, apart so webhook deliveries and syncs never wait on each
 *   other.
 * - Reconcile dead letters: where a reconcile start goes when the scheduler cannot invoke the
 *   reconciler or the reconciler fails all its asynchronous retries.
 *
 * SSE-SQS rather than a KMS key: Lambda, EventBridge Scheduler and the Lambda DLQ all write to these
 * queues, and SSE-SQS needs no key policy for them; the messages carry ids, never tokens.
 */
class Queues extends Construct {
  readonly syncQueue: Queue;
  readonly syncDeadLetters: Queue;
  readonly reconcileDeadLetters: Queue;
  /** Daily statistics pull starts the scheduler could not deliver. */
  readonly statsDeadLetters: Queue;
  readonly syncSpec: QueueSpec;
  readonly deliveriesQueue: Queue;
  readonly deliveriesDeadLetters: Queue;
  readonly deliveriesSpec: QueueSpec;

  constructor(scope: Construct, id: string, props: QueuesProps = {}) {
    super(scope, id);
    const spec = props.syncSpec ?? queueSpecs.sync;
    this.syncSpec = spec;

    this.syncDeadLetters = this.deadLetterQueue(`${spec.id}DLQ`, spec.dlqRetentionDays);
    this.syncQueue = new Queue(this, spec.id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(spec.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.syncDeadLetters, maxReceiveCount: spec.maxReceiveCount },
    });
    this.reconcileDeadLetters = this.deadLetterQueue('ReconcileDLQ', spec.dlqRetentionDays);
    this.statsDeadLetters = this.deadLetterQueue('StatsDLQ', spec.dlqRetentionDays);

    const deliveries = queueSpecs.deliveries;
    this.deliveriesSpec = deliveries;
    this.deliveriesDeadLetters = this.deadLetterQueue(
      `${deliveries.id}DLQ`,
      deliveries.dlqRetentionDays
    );
    this.deliveriesQueue = new Queue(this, deliveries.id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(deliveries.visibilityTimeoutSeconds),
      deadLetterQueue: {
        queue: this.deliveriesDeadLetters,
        maxReceiveCount: deliveries.maxReceiveCount,
      },
    });
  }

  private deadLetterQueue(id: string, retentionDays: number): Queue {
    const queue = new Queue(this, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(retentionDays),
    });
    Validations.of(queue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: DLQ_REDRIVE_REASON,
    });
    new Alarm(this, `${id}NotEmpty`, {
      alarmDescription: `A message reached ${id}: a job failed every attempt and needs a look.`,
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    return queue;
  }
}

export type { QueuesProps };
export { Queues };
