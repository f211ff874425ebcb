import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../infra/shared/functions.js';
import { routes } from '../../infra/shared/routes.js';
import { type Synthesized, synthTandem } from './helpers.js';

/** Every acknowledgement in the tree, as "construct path: rule id" -> reason. */
const acknowledgements = (root: IConstruct): Map<string, string> => {
  const found = new Map<string, string>();
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.set(`${construct.node.path}: ${id.replace(/^annotation::/i, '')}`, reason);
      }
    }
  }
  return found;
};

const findings = (pack: AwsSolutionsChecks | ServerlessChecks, scope: IConstruct): string[] =>
  pack
    .validateScope(scope)
    .violations.flatMap((violation) =>
      violation.violatingResources.map((r) => `${violation.ruleName} at ${r.constructPath}`)
    );

describe('Stack: TandemStack', () => {
  describe('cdk-nag', () => {
    let synth: Synthesized;
    beforeAll(() => {
      synth = synthTandem();
    });

    it('reports no unacknowledged AwsSolutions finding, error or warning', () => {
      expect(findings(new AwsSolutionsChecks(), synth.app)).toEqual([]);
    });

    it('reports no unacknowledged Serverless finding, error or warning', () => {
      expect(findings(new ServerlessChecks(), synth.app)).toEqual([]);
    });

    it('fails synthesis on a finding nobody acknowledged', () => {
      // Prepare: the same wiring as the real app, plus a queue that breaks SQS2/SQS3/SQS4.
      const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
      const stack = new Stack(app, 'Broken');
      new Queue(stack, 'Plain', { encryption: QueueEncryption.UNENCRYPTED });
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
      // Act + Assess
      expect(findings(new AwsSolutionsChecks(), app)).toContain(
        'AwsSolutions-SQS2 at Broken/Plain/Resource'
      );
      expect(() => app.synth()).toThrow(/AwsSolutions-SQS2/);
    });

    it('acknowledges only the reviewed rules, each with a specific reason', () => {
      // Prepare
      const s = synth.stack.stackName;
      const c = synth.consoleStack.stackName;
      const deployer = `^${c}/Custom::CDKBucketDeployment[0-9A-F]{32}256MiB`;
      const functionIds = Object.values(functions).map((spec) => spec.id);
      const expected = [
        `${s}/Queues/SyncJobsDLQ: Serverless-SQSRedrivePolicy`,
        `${s}/Queues/ReconcileDLQ: Serverless-SQSRedrivePolicy`,
        `${s}/Queues/StatsDLQ: Serverless-SQSRedrivePolicy`,
        `${s}/Queues/EventDeliveriesDLQ: Serverless-SQSRedrivePolicy`,
        `${s}/Secrets/MetaAppSecret: AwsSolutions-SMG4`,
        `${s}/Secrets/MetaSystemUserToken: AwsSolutions-SMG4`,
        `${s}/Media/Bucket: AwsSolutions-S1`,
        // Each function the story media bucket is bound to, on its `stories/` prefix only.
        ...Object.values(functions)
          .filter((spec) => (spec.needs as { mediaBucket?: string }).mediaBucket)
          .map((spec) =>
            expect.stringMatching(
              new RegExp(
                `^${s}/Functions/${spec.id}Role: AwsSolutions-IAM5\\[Resource::<MediaBucket[0-9A-F]{8}\\.Arn>/stories/\\*\\]$`
              )
            )
          ),
        ...functionIds.map((fn) => `${s}/Functions/${fn}Role: AwsSolutions-IAM5[Resource::*]`),
        // Every function but the two scheduled ones (reconciler, statistics) is invoked
        // synchronously (API, SQS mapping); those two have a dead-letter queue of their own.
        ...functionIds
          .filter((fn) => fn !== functions.reconciler.id && fn !== functions.statsScheduler.id)
          .map((fn) => `${s}/Functions/${fn}: Serverless-LambdaDLQ`),
        ...[functions.worker.id, functions.deliveryWorker.id].map((fn) =>
          expect.stringMatching(
            new RegExp(
              `^${s}/Functions/${fn}/SqsEventSource[^/]*: Serverless-LambdaEventSourceMappingDestination$`
            )
          )
        ),
        expect.stringMatching(
          new RegExp(
            `^${s}/Reconcile/InvokeRole: AwsSolutions-IAM5\\[Resource::<FunctionsReconciler[0-9A-F]{8}\\.Arn>:\\*\\]$`
          )
        ),
        expect.stringMatching(
          new RegExp(
            `^${s}/Stats/InvokeRole: AwsSolutions-IAM5\\[Resource::<FunctionsStatsScheduler[0-9A-F]{8}\\.Arn>:\\*\\]$`
          )
        ),
        ...routes
          .filter((route) => route.access === 'public')
          .map((route) =>
            expect.stringMatching(
              new RegExp(`^${s}/Api/HttpApi/${route.method}--.*: AwsSolutions-APIG4$`)
            )
          ),
        // The console: CloudFront's choices, and CDK's own BucketDeployment handler.
        ...['CFR1', 'CFR2', 'CFR4'].map(
          (rule) => `${c}/Console/Distribution: AwsSolutions-${rule}`
        ),
        ...[
          'AwsSolutions-IAM4\\[Policy::.*AWSLambdaBasicExecutionRole\\]',
          ...Array.from({ length: 8 }, () => 'AwsSolutions-IAM5\\[.*\\]'),
        ].map((rule) => expect.stringMatching(new RegExp(`${deployer}/ServiceRole: ${rule}$`))),
        ...[
          'AwsSolutions-L1',
          'Serverless-LambdaLatestVersion',
          'Serverless-LambdaDLQ',
          'Serverless-LambdaTracing',
        ].map((rule) => expect.stringMatching(new RegExp(`${deployer}: ${rule}$`))),
      ];
      // Act
      const acks = acknowledgements(synth.app);
      // Assess
      expect([...acks.keys()].sort()).toEqual(expect.arrayContaining(expected));
      expect(acks.size).toBe(expected.length);
      for (const reason of acks.values()) expect(reason.length).toBeGreaterThan(60);
    });

    it("uses each public route's publicReason as its APIG4 acknowledgement", () => {
      // Prepare
      const acks = acknowledgements(synth.app);
      const apig4 = [...acks.entries()].filter(([key]) => key.endsWith('AwsSolutions-APIG4'));
      // Assess
      expect(apig4.map(([, reason]) => reason).sort()).toEqual(
        routes.flatMap((route) => (route.access === 'public' ? [route.publicReason] : [])).sort()
      );
    });
  });
});
