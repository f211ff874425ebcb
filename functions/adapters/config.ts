import { ConfigError } from '../core/errors.js';
import type { LoginMethod } from '../core/linking/deps.js';
import { type BreakerPolicy, DEFAULT_POLICY } from '../core/outages/breaker.js';
import * as z from '../core/zod.js';

/**
 * Configuration is read once, at module load, through a zod schema per concern; a function composes
 * the fragments it needs. A missing or malformed variable fails the cold start with a message naming it.
 */

const graphConfig = z.object({
  GRAPH_API_BASE_URL: z._default(z.url(), 'https://graph.facebook.com'),
  META_APP_ID: z.string().check(z.regex(/^\d+$/, 'META_APP_ID must be the numeric Meta app id')),
  /** How long one Graph request may take; 10 s unless set (the tests' local system sets less). */
  GRAPH_TIMEOUT_MS: z.optional(z.coerce.number().check(z.int(), z.minimum(500), z.maximum(29_000))),
  /**
   * Comma-separated origins the guarded fetch may reach without its public-address rule. Only the
   * embedded default sets it, to its Meta sandbox's origin; AWS deployments never do.
   */
  TRUSTED_FETCH_ORIGINS: z.optional(
    z.pipe(
      z.string(),
      z.transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      )
    )
  ),
});

const seconds = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);

/**
 * The Meta breakers' thresholds (functions/core/outages/breaker.ts); the defaults are the production
 * values and docs/outages.md says why.
 */
const breakerConfig = z.object({
  BREAKERS_TABLE: z.string().check(z.minLength(1)),
  BREAKER_WINDOW_SECONDS: seconds(10, 3600, DEFAULT_POLICY.windowSeconds),
  BREAKER_MIN_TENANTS: seconds(2, 1000, DEFAULT_POLICY.minCallers),
  BREAKER_COOL_DOWN_SECONDS: seconds(1, 3600, DEFAULT_POLICY.coolDownSeconds),
  BREAKER_MAX_COOL_DOWN_SECONDS: seconds(1, 3600, DEFAULT_POLICY.maxCoolDownSeconds),
  BREAKER_PROBE_TIMEOUT_SECONDS: seconds(1, 600, DEFAULT_POLICY.probeTimeoutSeconds),
});

const breakerPolicy = (config: z.output<typeof breakerConfig>): BreakerPolicy => ({
  windowSeconds: config.BREAKER_WINDOW_SECONDS,
  minCallers: config.BREAKER_MIN_TENANTS,
  coolDownSeconds: config.BREAKER_COOL_DOWN_SECONDS,
  maxCoolDownSeconds: Math.max(
    config.BREAKER_COOL_DOWN_SECONDS,
    config.BREAKER_MAX_COOL_DOWN_SECONDS
  ),
  probeTimeoutSeconds: config.BREAKER_PROBE_TIMEOUT_SECONDS,
});

const base64Key = z
  .string()
  .check(
    z.refine(
      (value) => Buffer.from(value, 'base64').length === 32,
      'must be 32 bytes, base64-encoded'
    )
  );

/**
 * Where the Meta app secret comes from: Secrets Manager in AWS, or the environment in the embedded
 * default (which has no Secrets Manager).
 */
const metaSecretConfig = z.union([
  z.object({ META_APP_SECRET_ARN: z.string().check(z.startsWith('arn:')) }),
  z.object({
    META_APP_SECRET: z
      .string()
      .check(z.minLength(16, 'META_APP_SECRET must be at least 16 characters')),
  }),
]);

/**
 * Where the app's system user token comes from (Resumable Upload sessions need a user with a role
 * on the app): Secrets Manager in AWS, the environment in the embedded default, or nowhere yet.
 */
const systemUserTokenConfig = z.union([
  z.object({ META_SYSTEM_USER_TOKEN_ARN: z.string().check(z.startsWith('arn:')) }),
  z.object({ META_SYSTEM_USER_TOKEN: z.string().check(z.minLength(1)) }),
  z.object({}),
]);

/** How tokens are encrypted: a KMS key in AWS, or a local key in the embedded default. */
const tokenKeyConfig = z.union([
  z.object({ TOKEN_KEY_ARN: z.string().check(z.startsWith('arn:')) }),
  z.object({ TOKEN_KEY_LOCAL: base64Key }),
]);

/**
 * The variables the three schemas above read, by the need that grants them (infra/shared/needs.ts):
 * in AWS each carries an ARN, in the embedded default the secret or the key itself.
 */
const secretVariables = {
  metaAppSecret: { aws: 'META_APP_SECRET_ARN', local: 'META_APP_SECRET' },
  metaSystemUserToken: { aws: 'META_SYSTEM_USER_TOKEN_ARN', local: 'META_SYSTEM_USER_TOKEN' },
  tokenKey: { aws: 'TOKEN_KEY_ARN', local: 'TOKEN_KEY_LOCAL' },
} as const;

/**
 * Where uploaded story media is kept: Tandem's S3 bucket in AWS, or the local gateway's store in the
 * embedded default (its URL and the key its signed URLs are made with). The `mediaBucket` need grants
 * these variables (infra/shared/needs.ts).
 */
const mediaVariables = {
  aws: 'MEDIA_BUCKET',
  localUrl: 'MEDIA_LOCAL_URL',
  localKey: 'MEDIA_LOCAL_KEY',
} as const;
const mediaStoreConfig = z.union([
  z.object({ MEDIA_BUCKET: z.string().check(z.minLength(3)) }),
  z.object({ MEDIA_LOCAL_URL: z.url(), MEDIA_LOCAL_KEY: base64Key }),
]);

/**
 * How users log in (see LoginMethod): a Facebook Login for Business configuration by default, whose
 * id the App Dashboard shows (Facebook Login for Business > Configurations); `classic` only for a
 * classic app, which logs in with `scope`.
 */
const loginConfig = z.object({
  META_LOGIN_MODE: z._default(z.enum(['business', 'classic']), 'business'),
  META_LOGIN_CONFIG_ID: z.optional(
    z.string().check(z.regex(/^\d+$/, 'META_LOGIN_CONFIG_ID must be the numeric configuration id'))
  ),
  META_STORIES_LOGIN_CONFIG_ID: z.optional(
    z
      .string()
      .check(z.regex(/^\d+$/, 'META_STORIES_LOGIN_CONFIG_ID must be the numeric configuration id'))
  ),
});

/**
 * The login that asks for the story permissions (a second Login for Business configuration holding
 * linking's permissions plus pages_manage_posts, instagram_basic and instagram_content_publish);
 * a classic app asks for them with `scope`. Undefined: stories cannot be turned on.
 */
const storiesLoginMethod = (config: z.infer<typeof loginConfig>): LoginMethod | undefined => {
  if (config.META_LOGIN_MODE === 'classic') return { kind: 'scopes' };
  return config.META_STORIES_LOGIN_CONFIG_ID
    ? { kind: 'configuration', configId: config.META_STORIES_LOGIN_CONFIG_ID }
    : undefined;
};

const loginMethod = (config: z.infer<typeof loginConfig>): LoginMethod => {
  if (config.META_LOGIN_MODE === 'classic') return { kind: 'scopes' };
  if (!config.META_LOGIN_CONFIG_ID) {
    throw new ConfigError(
      'Invalid configuration: META_LOGIN_CONFIG_ID must name the Facebook Login for Business configuration (App Dashboard > Facebook Login for Business > Configurations), or set META_LOGIN_MODE=classic for a classic app that logs in with scope.'
    );
  }
  return { kind: 'configuration', configId: config.META_LOGIN_CONFIG_ID };
};

const formatIssues = (error: z.core.$ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');

/**
 * Parses the environment with `schema`, or throws a ConfigError that lists every bad variable.
 *
 * @example
 * const config = loadConfig(z.intersection(z.object({ LINKS_TABLE: z.string() }), graphConfig));
 */
const loadConfig = <S extends z.ZodMiniType>(
  schema: S,
  env: Record<string, string | undefined> = process.env
): z.infer<S> => {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(`Invalid configuration: ${formatIssues(result.error)}`);
  }
  return result.data;
};

export {
  breakerConfig,
  breakerPolicy,
  formatIssues,
  graphConfig,
  loadConfig,
  loginConfig,
  loginMethod,
  mediaStoreConfig,
  mediaVariables,
  metaSecretConfig,
  secretVariables,
  storiesLoginMethod,
  systemUserTokenConfig,
  tokenKeyConfig,
};
