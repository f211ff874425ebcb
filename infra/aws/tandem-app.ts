import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readConfig, type TandemConfig } from './config.js';
import { TandemConsoleStack } from './console-stack.js';
import { TandemStack } from './tandem-stack.js';

/**
 * Puts Tandem into `app`: reads and validates the context, adds the stacks for the context's stage
 * (the system, and its console),
 * and registers cdk-nag's AWS Solutions and Serverless packs as validation plugins, so synthesis
 * fails on any finding that is not acknowledged (errors and warnings alike).
 * Shared by the CDK entry point and the infra tests, so the tests synthesize what `cdk synth` does.
 */
const buildTandemApp = (
  app: App
): { stack: TandemStack; consoleStack: TandemConsoleStack; config: TandemConfig } => {
  const config = readConfig((key) => app.node.tryGetContext(key));
  const stack = new TandemStack(app, `Tandem-${config.stage}`, {
    config,
    description: `Tandem (${config.stage}): keeps Facebook Pages and WhatsApp Business profiles in step`,
    tags: { app: 'tandem', stage: config.stage },
  });
  const consoleStack = new TandemConsoleStack(app, `Tandem-${config.stage}-Console`, {
    config,
    httpApi: stack.api.httpApi,
    description: `Tandem (${config.stage}): the console, and the API on its domain`,
    tags: { app: 'tandem', stage: config.stage },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { stack, consoleStack, config };
};

export { buildTandemApp };
