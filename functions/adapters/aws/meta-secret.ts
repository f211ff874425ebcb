import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '../../core/errors.js';
import { loadConfig, metaSecretConfig, systemUserTokenConfig } from '../config.js';

/**
 * Tandem's two Meta secrets. In AWS they live in Secrets Manager (an `_ARN` variable) and are fetched
 * once per execution environment, then cached: they change only when an operator replaces them, and
 * a new deploy or cold start picks that up. In the embedded default they come from the environment.
 * A failed fetch is not cached, so the next invocation tries again.
 *
 * - The Meta app secret (META_APP_SECRET_ARN / META_APP_SECRET): signatures, appsecret_proof, the
 *   token exchange.
 * - The token of the app's own system user (META_SYSTEM_USER_TOKEN_ARN / META_SYSTEM_USER_TOKEN): a
 *   user with an administrator or developer role on the app, which Resumable Upload sessions require
 *   (https://developers.facebook.com/docs/graph-api/reference/application/uploads/); a customer's
 *   token has no role on Tandem's app.
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

/** A cached reader of one secret: its value, or its ARN to fetch; `empty` says what to do if blank. */
const secretReader = (
  source: { value: string } | { arn: string },
  empty: string,
  fetch: Fetch
): (() => Promise<string>) => {
  if ('value' in source) {
    const value = source.value;
    return async () => value;
  }
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= fetch(source.arn).then((value) => {
      const secret = value?.trim();
      if (!secret) throw new ConfigError(empty);
      return secret;
    });
    cached.catch(() => {
      cached = undefined;
    });
    return cached;
  };
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
  return secretReader(
    'META_APP_SECRET' in config
      ? { value: config.META_APP_SECRET }
      : { arn: config.META_APP_SECRET_ARN },
    'The Meta app secret in Secrets Manager is empty; put the value from the App Dashboard in it.',
    fetch
  );
};

/**
 * Builds a reader of the system user token. A deployment without one still syncs text fields; each
 * picture sync then fails with this reader's message, which says what the operator must do.
 */
const metaSystemUserToken = (
  env: Record<string, string | undefined> = process.env,
  fetch: Fetch = fromSecretsManager
): (() => Promise<string>) => {
  const config = loadConfig(systemUserTokenConfig, env);
  const missing =
    "No Meta system user token is configured: profile pictures cannot be uploaded. Create a system user with an admin role on the app in Business Manager, generate its token and put it in Tandem's system user token secret.";
  if ('META_SYSTEM_USER_TOKEN' in config) {
    return secretReader({ value: config.META_SYSTEM_USER_TOKEN }, missing, fetch);
  }
  if ('META_SYSTEM_USER_TOKEN_ARN' in config) {
    return secretReader({ arn: config.META_SYSTEM_USER_TOKEN_ARN }, missing, fetch);
  }
  return () => Promise.reject(new ConfigError(missing));
};

export { metaAppSecret, metaSystemUserToken };
