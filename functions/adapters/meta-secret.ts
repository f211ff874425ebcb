import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '../core/errors.js';
import { loadConfig, metaSecretConfig } from './config.js';

/**
 * The Meta app secret. In AWS it lives in Secrets Manager (META_APP_SECRET_ARN) and is fetched once
 * per execution environment, then cached: the secret changes only when an operator resets it in the
 * App Dashboard, and a new deploy or cold start picks that up. In the embedded default it comes from
 * META_APP_SECRET. A failed fetch is not cached, so the next invocation tries again.
 */

type Fetch = (arn: string) => Promise<string | undefined>;

const fromSecretsManager: Fetch = async (arn) => {
  const client = new SecretsManagerClient({});
  try {
    return (await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString;
  } finally {
    client.destroy();
  }
};

/**
 * Builds a reader of the app secret for this environment; reads the configuration now (fail fast).
 *
 * @example
 * const appSecret = metaAppSecret();   // module scope
 * const graph = createGraphClient({ ..., appSecret: await appSecret() });
 */
const metaAppSecret = (
  env: Record<string, string | undefined> = process.env,
  fetch: Fetch = fromSecretsManager
): (() => Promise<string>) => {
  const config = loadConfig(metaSecretConfig, env);
  if ('META_APP_SECRET' in config) {
    const secret = config.META_APP_SECRET;
    return async () => secret;
  }
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= fetch(config.META_APP_SECRET_ARN).then((value) => {
      const secret = value?.trim();
      if (!secret) {
        throw new ConfigError(
          'The Meta app secret in Secrets Manager is empty; put the value from the App Dashboard in it.'
        );
      }
      return secret;
    });
    cached.catch(() => {
      cached = undefined;
    });
    return cached;
  };
};

export { metaAppSecret };
