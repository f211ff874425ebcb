import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type FunctionName,
  type FunctionSpec,
  functions,
} from '../../../infra/shared/functions.js';
import { grantedEnvOf } from '../../helpers/granted-env.js';

/**
 * Every handler starts with only what its spec grants, as Lambda starts it in AWS: each entry is
 * imported in a fresh module graph with the deployment's shared variables (infra/aws/tandem-stack.ts),
 * what the Lambda runtime sets, and the variables of its needs (infra/shared/needs.ts) in their AWS
 * form (ARNs, not the local secrets). A need missing from a spec fails here, not in a deploy.
 */

const root = resolve(import.meta.dirname, '../../..');

/** What the Lambda runtime itself sets in every function. */
const lambdaRuntime = {
  AWS_REGION: 'eu-west-1',
  AWS_DEFAULT_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'ASIATEST',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SESSION_TOKEN: 'test',
  AWS_LAMBDA_FUNCTION_NAME: 'tandem-test',
};

/** What the stack gives every function, whatever it needs. */
const deployment = {
  STAGE: 'test',
  LOG_LEVEL: 'silent',
  GRAPH_API_BASE_URL: 'https://graph.facebook.com',
  META_APP_ID: '1000000000000001',
  META_LOGIN_MODE: 'business',
  META_LOGIN_CONFIG_ID: '900000000000001',
  CORS_ENABLED: 'false',
  PUBLIC_BASE_URL: 'https://api.example.com',
};

const environmentOf = (name: FunctionName, spec: FunctionSpec): Record<string, string> => ({
  ...lambdaRuntime,
  ...deployment,
  ...grantedEnvOf(name, spec),
});

const processEnv = process.env;

/** Imports the spec's entry in a fresh module graph with exactly `env` as the environment. */
const coldStart = async (spec: FunctionSpec, env: Record<string, string>): Promise<unknown> => {
  vi.resetModules();
  process.env = { ...env };
  try {
    const module = (await import(pathToFileURL(resolve(root, spec.entry)).href)) as {
      handler?: unknown;
    };
    return module.handler;
  } finally {
    process.env = processEnv;
  }
};

afterEach(() => {
  process.env = processEnv;
});

describe('Cold start: each handler with only what its needs grant', () => {
  it.each(Object.entries(functions) as [FunctionName, FunctionSpec][])(
    '%s starts and composes its dependencies',
    async (name, spec) => {
      // Act
      const handler = await coldStart(spec, environmentOf(name, spec));

      // Assess
      expect(typeof handler).toBe('function');
    }
  );

  it('fails the start of a handler whose spec lacks a need, naming the variable', async () => {
    // Arrange: the status route without its read of the breakers table.
    const spec: FunctionSpec = { ...functions.metaStatus, needs: {} };

    // Act
    const started = coldStart(spec, environmentOf('metaStatus', spec));

    // Assess
    await expect(started).rejects.toThrow(/BREAKERS_TABLE/);
  });
});
