import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Construct } from 'constructs';
import type { TandemConfig } from './config.js';
import { Console } from './constructs/console.js';

/** Props of {@link TandemConsoleStack}. */
interface TandemConsoleStackProps extends StackProps {
  config: TandemConfig;
  /** The API the console calls, behind the same distribution. */
  httpApi: HttpApi;
}

/**
 * The console, in a stack of its own beside Tandem's: it depends on the API, nothing depends on it,
 * and its deploy-time parts (CDK's BucketDeployment handler) stay apart from the system's functions.
 */
class TandemConsoleStack extends Stack {
  readonly console: Console;

  constructor(scope: Construct, id: string, props: TandemConsoleStackProps) {
    super(scope, id, props);
    const { config } = props;
    const prod = config.stage === 'prod';
    this.console = new Console(this, 'Console', {
      httpApi: props.httpApi,
      config: {
        apiBaseUrl: '',
        auth: {
          kind: 'oidc',
          issuer: config.jwtIssuer,
          clientId: config.console.oidcClientId,
          scope: config.console.oidcScope,
          ...(config.console.oidcAudience ? { audience: config.console.oidcAudience } : {}),
        },
      },
      connectOrigins: [new URL(config.jwtIssuer).origin, ...config.console.connectOrigins],
      protect: prod,
      logRetentionDays: prod ? 90 : 14,
    });
    new CfnOutput(this, 'ConsoleUrl', {
      value: this.console.url,
      description:
        "The console (the API answers on the same domain): register it as a redirect URI of the console's OIDC client",
    });
  }
}

export type { TandemConsoleStackProps };
export { TandemConsoleStack };
