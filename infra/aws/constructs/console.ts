import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  AssetHashType,
  DockerImage,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import {
  CONSOLE_EXTRA_HEADERS,
  CONSOLE_PATH,
  type ConsoleConfig,
  consoleCsp,
  HSTS,
} from '../../shared/console.js';

/** Props of {@link Console}. */
interface ConsoleProps {
  /** Everything outside /console goes to this API, on the same domain. */
  httpApi: HttpApi;
  /** The runtime configuration written next to the assets as /console/config.json. */
  config: ConsoleConfig;
  /** Origins the console may fetch from besides its own: the identity provider's. */
  connectOrigins: readonly string[];
  /** prod: keep the assets bucket when the stack goes. */
  protect: boolean;
  /** How long CloudFront's and S3's access logs are kept. */
  logRetentionDays: number;
}

const CONSOLE_DIR = fileURLToPath(new URL('../../../console', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * `/console` to `/console/` (relative asset URLs), and a directory to its index.html: an S3 origin
 * behind origin access control has no index documents of its own.
 */
const INDEX_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri === '${CONSOLE_PATH}') {
    return { statusCode: 308, statusDescription: 'Permanent Redirect', headers: { location: { value: '${CONSOLE_PATH}/' } } };
  }
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`;

/** The console's build, made at synth time with the local Vite (never Docker). */
const consoleAssets = () =>
  Source.asset(CONSOLE_DIR, {
    // The output decides the hash: the build also reads the core and the OpenAPI types.
    assetHashType: AssetHashType.OUTPUT,
    exclude: ['dist', 'node_modules'],
    bundling: {
      image: DockerImage.fromRegistry('tandem-console-builds-locally'),
      local: {
        tryBundle: (outputDir) => {
          execFileSync(
            process.execPath,
            [
              fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url)),
              'build',
              '--config',
              'console/vite.config.ts',
              '--outDir',
              outputDir,
              '--emptyOutDir',
              '--logLevel',
              'warn',
            ],
            { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] }
          );
          return true;
        },
      },
    },
  });

/**
 * The console, deployed: its assets in a private S3 bucket, served by CloudFront through origin
 * access control under /console, with the API behind the same distribution for every other path.
 * One origin means no CORS (no preflight before every call with a token), a CSP of `connect-src
 * 'self'`, and cookies and redirects of the OAuth pages on the same site as the console.
 */
class Console extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleProps) {
    super(scope, id);
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    const security = {
      contentSecurityPolicy: {
        contentSecurityPolicy: consoleCsp(props.connectOrigins),
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(HSTS.maxAgeSeconds),
        includeSubdomains: HSTS.includeSubdomains,
        preload: HSTS.preload,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
    };
    const extra = Object.entries(CONSOLE_EXTRA_HEADERS).map(([header, value]) => ({
      header,
      value,
      override: true,
    }));
    const headersWith = (name: string, cacheControl: string) =>
      new ResponseHeadersPolicy(this, name, {
        comment: `Tandem console: security headers, Cache-Control ${cacheControl}`,
        securityHeadersBehavior: security,
        customHeadersBehavior: {
          customHeaders: [
            ...extra,
            { header: 'cache-control', value: cacheControl, override: true },
          ],
        },
      });
    // The API sets its own headers; CloudFront adds HSTS and nosniff where an answer lacks them.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'Tandem API behind the console distribution: HSTS and nosniff',
      securityHeadersBehavior: {
        strictTransportSecurity: { ...security.strictTransportSecurity, override: false },
        contentTypeOptions: { override: false },
      },
    });

    const site = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const rewrite = new CloudFrontFunction(this, 'IndexRewrite', {
      comment: 'Tandem console: /console/ serves index.html',
      code: FunctionCode.fromInline(INDEX_REWRITE),
    });
    const apiDomain = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Tandem: the console and, on the same domain, the API',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: new HttpOrigin(apiDomain, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        // Per-tenant answers are never cached; every header but Host (the API's own) goes through,
        // the JWT's Authorization and the sign-in cookies included.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: apiHeaders,
      },
      additionalBehaviors: {
        [`${CONSOLE_PATH}/assets/*`]: {
          origin: site,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          // File names carry their content's hash: a new build is a new name.
          responseHeadersPolicy: headersWith('AssetHeaders', 'public, max-age=31536000, immutable'),
        },
        [`${CONSOLE_PATH}*`]: {
          origin: site,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          // The page and its configuration are revalidated, so a deployment shows at once.
          responseHeadersPolicy: headersWith('PageHeaders', 'no-cache'),
          functionAssociations: [
            { function: rewrite, eventType: FunctionEventType.VIEWER_REQUEST },
          ],
        },
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}${CONSOLE_PATH}/`;

    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [consoleAssets(), Source.jsonData('config.json', props.config)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${CONSOLE_PATH.slice(1)}/`,
      distribution: this.distribution,
      distributionPaths: [`${CONSOLE_PATH}/*`],
      memoryLimit: 256,
      retainOnDelete: props.protect,
    });

    this.acknowledge(deployment);
  }

  /** cdk-nag findings that are choices, each with its reason. */
  private acknowledge(deployment: BucketDeployment): void {
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: businesses in any country use the console, and Meta decides where its APIs are available.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          "No WAF web ACL by default: abuse is bounded by API Gateway's per-route throttles, the per-tenant quotas and the JWT authorizer; a CloudFront web ACL lives in us-east-1 and is the deployer's to attach (it costs per rule and request).",
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The distribution uses CloudFront's default *.cloudfront.net certificate, whose viewer TLS policy cannot be raised; with a custom domain and an ACM certificate, set minimumProtocolVersion to TLSv1.2_2021.",
      }
    );
    Validations.of(deployment.handlerRole).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's BucketDeployment handler: the managed basic execution role only lets it write its own logs.",
      },
      ...BUCKET_DEPLOYMENT_WILDCARDS.map((evidence) => ({
        id: `AwsSolutions-IAM5[${evidence}]`,
        reason:
          "CDK's BucketDeployment handler copies the console's build from the CDK asset bucket into the console bucket (the S3 actions aws-cdk-lib grants for that, on those two buckets' objects only; object keys are wildcards by nature) and invalidates the distribution's cache (CloudFront invalidations have no resource-level permission).",
      }))
    );
    const handler = Stack.of(this).node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment')
    );
    if (!handler)
      throw new Error(
        "No BucketDeployment handler in the stack: cdk-nag's findings would go unexplained"
      );
    Validations.of(handler).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          "CDK's BucketDeployment handler: its runtime is aws-cdk-lib's choice (Python, for the AWS CLI layer) and moves with its upgrades; it runs only during deployments.",
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason:
          "CDK's BucketDeployment handler: its runtime is aws-cdk-lib's choice and moves with its upgrades; it runs only during deployments.",
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'A CloudFormation custom resource handler: CloudFormation invokes it synchronously and reports its failure on the stack, so there is nothing to retry later.',
      },
      {
        id: 'Serverless-LambdaTracing',
        reason:
          'A deploy-time custom resource handler, outside every request path: its CloudWatch logs and the stack events say what it did.',
      }
    );
  }
}

/** What aws-cdk-lib's BucketDeployment grants its handler, as cdk-nag names each wildcard. */
const BUCKET_DEPLOYMENT_WILDCARDS = [
  'Action::s3:GetBucket*',
  'Action::s3:GetObject*',
  'Action::s3:List*',
  'Action::s3:Abort*',
  'Action::s3:DeleteObject*',
  'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
  'Resource::<ConsoleAssets8400950A.Arn>/*',
  'Resource::*',
];

export type { ConsoleProps };
export { Console };
