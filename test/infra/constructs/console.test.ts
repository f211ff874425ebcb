import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { beforeAll, describe, expect, it } from 'vitest';
import { Console } from '../../../infra/aws/constructs/console.js';
import { CONSOLE_EXTRA_HEADERS, consoleCsp } from '../../../infra/shared/console.js';
import { bareStack } from '../helpers.js';

const ISSUER = 'https://auth.tandem.example.com/';

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('Construct: Console', () => {
  let construct: Console;
  let template: Template;
  let resources: Record<string, Resource>;

  // A bare stack (no asset is built): cdk-nag and the app's wiring are checked on the whole app in
  // cdk-nag.test.ts.
  beforeAll(() => {
    const stack = bareStack();
    construct = new Console(stack, 'Console', {
      httpApi: new HttpApi(stack, 'Api'),
      config: {
        apiBaseUrl: '',
        auth: { kind: 'oidc', issuer: ISSUER, clientId: 'tandem-console', scope: 'openid' },
      },
      connectOrigins: [new URL(ISSUER).origin],
      protect: false,
      logRetentionDays: 14,
    });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources;
  });

  const ofType = (type: string) =>
    Object.entries(resources).filter(([, resource]) => resource.Type === type);

  it('keeps the assets in a private, encrypted bucket that only the distribution may read', () => {
    // Prepare
    const assets = construct.bucket.stack.getLogicalId(
      construct.bucket.node.defaultChild as CfnElement
    );

    // Assess
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: Match.anyValue(),
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/' }),
      }),
    });
    const policy = ofType('AWS::S3::BucketPolicy').find(
      ([, resource]) =>
        JSON.stringify(resource.Properties.Bucket) === JSON.stringify({ Ref: assets })
    );
    const statements = JSON.stringify(policy?.[1].Properties.PolicyDocument);
    expect(statements).toContain('"Service":"cloudfront.amazonaws.com"');
    expect(statements).toContain('AWS:SourceArn');
    expect(statements).toContain('"aws:SecureTransport":"false"');
    expect(ofType('AWS::CloudFront::OriginAccessControl')).toHaveLength(1);
  });

  it('serves /console from the bucket and every other path from the HTTP API, on one domain', () => {
    // Prepare
    const [, distribution] = ofType('AWS::CloudFront::Distribution')[0] ?? [];
    const config = distribution?.Properties.DistributionConfig as {
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Record<string, unknown>[];
      Origins: {
        Id: string;
        S3OriginConfig?: unknown;
        CustomOriginConfig?: Record<string, unknown>;
      }[];
      Logging: unknown;
    };

    // Assess
    expect(config.CacheBehaviors.map((behavior) => behavior.PathPattern)).toEqual([
      '/console/assets/*',
      '/console*',
    ]);
    const api = config.Origins.find((origin) => origin.CustomOriginConfig);
    expect(api?.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(config.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: api?.Id,
      ViewerProtocolPolicy: 'https-only',
      // Managed policies: CachingDisabled, AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      AllowedMethods: expect.arrayContaining(['POST', 'PATCH', 'DELETE']),
    });
    for (const behavior of config.CacheBehaviors) {
      expect(behavior.TargetOriginId).not.toBe(api?.Id);
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    }
    expect(config.Logging).toBeDefined();
  });

  it('sends the console under the same CSP the local gateway sends, with HSTS and no framing', () => {
    // Prepare
    const policies = ofType('AWS::CloudFront::ResponseHeadersPolicy').map(
      ([, resource]) =>
        resource.Properties.ResponseHeadersPolicyConfig as Record<string, Record<string, unknown>>
    );
    const console = policies.filter(
      (policy) => policy.SecurityHeadersConfig?.ContentSecurityPolicy
    );

    // Assess
    expect(console).toHaveLength(2);
    for (const policy of console) {
      expect(policy.SecurityHeadersConfig).toMatchObject({
        ContentSecurityPolicy: {
          ContentSecurityPolicy: consoleCsp([new URL(ISSUER).origin]),
          Override: true,
        },
        StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, Preload: true },
        FrameOptions: { FrameOption: 'DENY' },
        ReferrerPolicy: { ReferrerPolicy: 'no-referrer' },
        ContentTypeOptions: { Override: true },
      });
      const custom = JSON.stringify(policy.CustomHeadersConfig);
      for (const [header, value] of Object.entries(CONSOLE_EXTRA_HEADERS)) {
        expect(custom).toContain(`"Header":"${header}","Override":true,"Value":"${value}"`);
      }
    }
  });

  it('deploys the build and its sign-in configuration under console/, then clears the cache', () => {
    // Prepare
    const [, deployment] = ofType('Custom::CDKBucketDeployment')[0] ?? [];

    // Assess
    expect(deployment?.Properties).toMatchObject({
      DestinationBucketKeyPrefix: 'console/',
      DistributionPaths: ['/console/*'],
      Prune: true,
    });
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(2);
    expect(JSON.stringify(deployment?.Properties.SourceMarkers ?? {})).not.toContain('placeholder');
  });

  it('rewrites the console path to its index page at the edge', () => {
    // Prepare
    const [, fn] = ofType('AWS::CloudFront::Function')[0] ?? [];

    // Assess
    expect(String(fn?.Properties.FunctionCode)).toContain("request.uri += 'index.html'");
  });
});
