import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../../shared/functions.js';
import { type RouteSpec, type RouteThrottle, THROTTLES } from '../../shared/routes.js';

/** Props of {@link Api}. */
interface ApiProps {
  /** The route table (infra/shared/routes.ts). */
  routes: readonly RouteSpec[];
  functions: Record<FunctionName, IFunction>;
  /** Issuer of tenant JWTs; API Gateway fetches its OIDC discovery document and keys. */
  jwtIssuer: string;
  /** Accepted `aud` values of tenant JWTs. */
  jwtAudience: string[];
  /**
   * The throttle of every tenant route (and the stage default). HTTP APIs have no per-client
   * throttling, so this protects the account's Lambda concurrency; per-tenant quotas are Tandem's
   * own. Public routes carry their own throttle in the route table.
   * @default THROTTLES.tenant (infra/shared/routes.ts)
   */
  throttle?: RouteThrottle;
  /**
   * @default RetentionDays.ONE_MONTH
   */
  accessLogRetention?: RetentionDays;
  /**
   * @default - the log group's default (RETAIN)
   */
  accessLogRemovalPolicy?: RemovalPolicy;
}

/**
 * The access log line: one JSON object (cdk-nag Serverless APIGWStructuredLogging) with what an
 * incident needs, and nothing from the request body or the Authorization header.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userAgent: '$context.identity.userAgent',
};

/**
 * The HTTP API (payload format 2.0), built route by route from the route table. `tenant` routes sit
 * behind a JWT authorizer; `public` routes have none, and each one's cdk-nag APIG4 acknowledgement is
 * the route's own `publicReason`. One `$default` stage with access logs and a throttle per route
 * (the route table's for public routes, `throttle` for tenant routes). No API Gateway CORS: its one
 * static allow-list cannot tell one tenant's origins from another's, so the functions answer CORS
 * per tenant, preflights included (`OPTIONS /{proxy+}`), when the deployment turns it on
 * (docs/security.md).
 */
class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Tandem: keeps Facebook Pages and WhatsApp Business profiles in step',
      // The default stage cannot take throttling or access logs: this construct makes its own.
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.ONE_MONTH,
      ...(props.accessLogRemovalPolicy ? { removalPolicy: props.accessLogRemovalPolicy } : {}),
    });
    const throttle = props.throttle ?? THROTTLES.tenant;
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle,
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    this.url = this.stage.url;

    const authorizer = new HttpJwtAuthorizer('TenantJwt', props.jwtIssuer, {
      jwtAudience: props.jwtAudience,
    });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (fn: FunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${fn}Integration`, props.functions[fn], {
          timeout: Duration.seconds(29),
        });
        integrations.set(fn, integration);
      }
      return integration;
    };

    // One bucket per route key: a flood of one route throttles that route alone. The stage must be
    // created after the routes its settings name.
    const routeSettings: Record<string, unknown> = {};
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    for (const route of props.routes) {
      const { rateLimit, burstLimit } = route.access === 'public' ? route.throttle : throttle;
      routeSettings[`${route.method} ${route.path}`] = {
        ThrottlingRateLimit: rateLimit,
        ThrottlingBurstLimit: burstLimit,
      };
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationFor(route.fn),
        authorizer: route.access === 'tenant' ? authorizer : new HttpNoneAuthorizer(),
      });
      if (!httpRoute) throw new Error(`No route was created for ${route.method} ${route.path}`);
      cfnStage.node.addDependency(httpRoute);
      if (route.access === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: route.publicReason,
        });
      }
    }
    cfnStage.routeSettings = routeSettings;
  }
}

export type { ApiProps };
export { ACCESS_LOG_FIELDS, Api };
