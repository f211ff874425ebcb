import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Props of {@link ReconcileSchedule}. */
interface ReconcileScheduleProps {
  reconciler: IFunction;
  /** How often a reconcile run starts. */
  rateMinutes: number;
  /** Where a start goes if the scheduler cannot deliver it after its retries. */
  deadLetterQueue: IQueue;
  /**
   * @default true
   */
  enabled?: boolean;
  /**
   * What each start does, for the schedule's and role's descriptions.
   * @default 'starts a reconcile run'
   */
  purpose?: string;
}

/**
 * An EventBridge Scheduler schedule that starts a reconcile run every `rateMinutes`. Scheduler (not
 * an EventBridge rule) because it has its own retry policy and dead-letter queue per target, and no
 * event bus to secure. A missed start is harmless (the next run covers it), so retries are few and
 * short-lived.
 */
class ReconcileSchedule extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ReconcileScheduleProps) {
    super(scope, id);
    // Our own role (not the target's shared singleton) so it trusts only this account's schedules
    // and its one acknowledgement below sits on it alone.
    const role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `Lets EventBridge Scheduler invoke the function that ${props.purpose ?? 'starts a reconcile run'}`,
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: `Tandem: ${props.purpose ?? 'starts a reconcile run'} every ${props.rateMinutes} minutes`,
      schedule: ScheduleExpression.rate(Duration.minutes(props.rateMinutes)),
      enabled: props.enabled ?? true,
      target: new LambdaInvoke(props.reconciler, {
        // Shaped like an EventBridge Scheduled Event (the reconciler reads `time`), with the
        // scheduled time rather than the delivery time, so a retried start keeps its slot.
        input: ScheduleTargetInput.fromObject({
          version: '0',
          id: '<aws.scheduler.execution-id>',
          'detail-type': 'Scheduled Event',
          source: 'tandem.schedule',
          time: '<aws.scheduler.scheduled-time>',
          resources: ['<aws.scheduler.schedule-arn>'],
          detail: {},
        }),
        retryAttempts: 3,
        // Older than one period, a start is superseded by the next scheduled one.
        maxEventAge: Duration.minutes(Math.max(props.rateMinutes, 1)),
        deadLetterQueue: props.deadLetterQueue,
        role,
      }),
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(
        props.reconciler.node.defaultChild as CfnFunction
      )}.Arn>:*]`,
      reason:
        "LambdaInvoke's grantInvoke allows the target function's own ARN and ARN:* (its versions and aliases); the wildcard ranges over qualifiers of this one function only.",
    });
  }
}

export type { ReconcileScheduleProps };
export { ReconcileSchedule };
