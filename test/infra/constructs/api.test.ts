import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, type IFunction, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { Api } from '../../../infra/aws/constructs/api.js';
import { type FunctionName, functions } from '../../../infra/shared/functions.js';
import { type RouteSpec, THROTTLES } from '../../../infra/shared/routes.js';
import { bareStack } from '../helpers.js';

const ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/links',
    fn: 'worker',
    access: 'tenant',
    summary: 'List links',
    throttle: THROTTLES.tenant,
    responses: {},
  },
  {
    method: 'POST',
    path: '/links/{linkId}/sync',
    fn: 'worker',
    access: 'tenant',
    summary: 'Sync',
    throttle: THROTTLES.tenant,
    responses: {},
  },
  {
    method: 'POST',
    path: '/webhooks/meta',
    fn: 'health',
    access: 'public',
    summary: 'Meta webhooks',
    publicReason:
      'Called by Meta; authenticated by the X-Hub-Signature-256 HMAC over the raw body.',
    throttle: { rateLimit: 300, burstLimit: 600 },
    responses: {},
  },
];

const build = () => {
  const stack = bareStack();
  const fn = (id: string) =>
    new LambdaFunction(stack, id, {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('export const handler = async () => ({});'),
    });
  const allFunctions = {} as Record<FunctionName, IFunction>;
  for (const name of Object.keys(functions) as FunctionName[]) allFunctions[name] = fn(name);
  const api = new Api(stack, 'Api', {
    routes: ROUTES,
    functions: allFunctions,
    jwtIssuer: 'https://issuer.example.com/',
    jwtAudience: ['aud-1', 'aud-2'],
    throttle: { rateLimit: 7, burstLimit: 9 },
  });
  return { stack, api, template: Template.fromStack(stack) };
};

describe('Construct: Api', () => {
  it('creates one JWT authorizer with the given issuer and audiences', () => {
    // Act
    const { template } = build();
    // Assess
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: 'https://issuer.example.com/', Audience: ['aud-1', 'aud-2'] },
    });
  });

  it('puts the authorizer on tenant routes and none on public routes', () => {
    // Act
    const { template } = build();
    // Assess
    for (const key of ['GET /links', 'POST /links/{linkId}/sync']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: key,
        AuthorizationType: 'JWT',
        AuthorizerId: Match.anyValue(),
      });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /webhooks/meta',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
  });

  it("acknowledges APIG4 on each public route only, with the route's publicReason", () => {
    // Prepare
    const { api } = build();
    // Act
    const acked = api.node
      .findAll()
      .flatMap((construct) =>
        construct.node.metadata
          .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .map((entry) => [construct.node.path, entry.data])
      );
    // Assess
    expect(acked).toEqual([
      [
        expect.stringContaining('/HttpApi/POST--webhooks--meta'),
        {
          'Annotation::AwsSolutions-APIG4':
            ROUTES[2]?.access === 'public' ? ROUTES[2].publicReason : '',
        },
      ],
    ]);
  });

  it('applies the stage throttle', () => {
    build().template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 7, ThrottlingBurstLimit: 9 },
    });
  });

  it('shares one integration per function across its routes', () => {
    build().template.resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
  });
});
