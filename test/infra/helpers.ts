import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll } from 'vitest';
import type { TandemConfig } from '../../infra/aws/config.js';
import type { TandemConsoleStack } from '../../infra/aws/console-stack.js';
import { buildTandemApp } from '../../infra/aws/tandem-app.js';
import type { TandemStack } from '../../infra/aws/tandem-stack.js';

// The house function never uses Docker (forceDockerBundling: false and esbuild in node_modules);
// pointing CDK_DOCKER at nothing makes any accidental Docker bundling fail loudly instead of hanging.
process.env.CDK_DOCKER ??= 'tandem-tests-do-not-use-docker';

/** The context cdk.json gives the CLI (feature flags, defaults), so tests synth what `cdk synth` does. */
const CDK_JSON_CONTEXT = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')
).context as Record<string, unknown>;

/** Real-looking identity settings, so tests can tell them from the placeholders. */
const TEST_CONTEXT = {
  jwtIssuer: 'https://auth.tandem.example.com/',
  jwtAudience: 'tandem-api',
  metaAppId: '1234567890',
  metaLoginConfigId: '900000000000042',
  consoleOidcClientId: 'tandem-console',
};

interface Synthesized {
  app: App;
  stack: TandemStack;
  consoleStack: TandemConsoleStack;
  config: TandemConfig;
  template: Template;
  consoleTemplate: Template;
  /** The cloud assembly directory (bundled assets live here). */
  outdir: string;
}

/**
 * Builds and synthesizes a Tandem app the way `cdk synth` would (cdk.json context plus `context`),
 * cdk-nag included: synthesis throws on an unacknowledged finding.
 * With `bundle`, every handler is bundled for real with the local esbuild (about a minute of CPU,
 * so only {@link tandem} asks for it, once per file); templates and cdk-nag findings are the same
 * without it, because bundling only fills the assets.
 */
const synthTandem = (
  context: Record<string, unknown> = {},
  { bundle = false }: { bundle?: boolean } = {}
): Synthesized => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'tandem-cdk-'));
  outdirs.push(outdir);
  const skipBundling = bundle ? {} : { 'aws:cdk:bundling-stacks': [] };
  const app = new App({
    outdir,
    context: { ...CDK_JSON_CONTEXT, ...TEST_CONTEXT, ...context, ...skipBundling },
  });
  const { stack, consoleStack, config } = buildTandemApp(app);
  return {
    app,
    stack,
    consoleStack,
    config,
    template: Template.fromStack(stack),
    consoleTemplate: Template.fromStack(consoleStack),
    outdir,
  };
};

// Bundled assets are a few MB per synth: don't leave them behind in the temp directory.
const outdirs: string[] = [];
afterAll(() => {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
});

let cached: Synthesized | undefined;
/** The dev stack with test context, bundled and synthesized once per test file. */
const tandem = (): Synthesized => {
  cached ??= synthTandem({}, { bundle: true });
  return cached;
};

/** A bare stack for construct tests, with bundling switched off (no asset is built). */
const bareStack = (): Stack => {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
  return new Stack(app, 'Test');
};

type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
};

/** The identity-policy statements attached to the role a function runs as. */
const statementsOf = (template: Template, functionLogicalId: string): Statement[] => {
  const fn = template.toJSON().Resources[functionLogicalId];
  const roleId = fn?.Properties?.Role?.['Fn::GetAtt']?.[0] as string | undefined;
  if (!roleId) throw new Error(`${functionLogicalId} has no role`);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
    (policy.Properties.Roles as unknown[]).some(
      (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })
    )
  );
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
};

/** Every action granted to the function's role, flattened. */
const actionsOf = (template: Template, functionLogicalId: string): string[] =>
  statementsOf(template, functionLogicalId).flatMap((statement) =>
    Array.isArray(statement.Action) ? statement.Action : [statement.Action]
  );

/** The template's logical id of a construct's CloudFormation resource. */
const logicalIdOf = (construct: IConstruct): string => {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).getLogicalId(element);
};

export type { Statement, Synthesized };
export { actionsOf, bareStack, logicalIdOf, statementsOf, synthTandem, TEST_CONTEXT, tandem };
