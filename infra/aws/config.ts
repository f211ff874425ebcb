import * as z from 'zod';

/**
 * Deployment configuration, read once from CDK context (`cdk.json` or `-c key=value`) and validated
 * with zod, so a typo in a stage name or a malformed issuer fails the synth with a message naming it.
 */

const STAGES = ['dev', 'prod'] as const;
type Stage = (typeof STAGES)[number];

/**
 * Stand-ins that let `cdk synth` run with no context at all (CI, tests, a first look). They are
 * deliberately unusable: `.invalid` is a reserved TLD, so a stack deployed with the placeholder issuer
 * rejects every tenant token instead of trusting something by accident.
 */
const PLACEHOLDERS = {
  jwtIssuer: 'https://jwt-issuer.placeholder.invalid/',
  jwtAudience: 'tandem-placeholder-audience',
  // Numeric because the functions' config schema insists META_APP_ID is a numeric Meta app id.
  metaAppId: '000000000000000',
  // The Facebook Login for Business configuration id; numeric for the same reason.
  metaLoginConfigId: '000000000000000',
  consoleOidcClientId: 'tandem-console-placeholder-client',
} as const;

type PlaceholderKey = keyof typeof PLACEHOLDERS;

interface TandemConfig {
  stage: Stage;
  /** Issuer (`iss`) of the tenant JWTs, an https URL with an OIDC discovery document. */
  jwtIssuer: string;
  /** Accepted audiences (`aud`) of tenant JWTs. */
  jwtAudience: string[];
  /** The numeric Meta app id. */
  metaAppId: string;
  /**
   * `business` (the default): Tandem is a Facebook Login for Business app and logs users in with the
   * saved configuration `metaLoginConfigId`. `classic`: a classic app, which logs in with `scope`.
   */
  metaLoginMode: 'business' | 'classic';
  /** CORS for the tenants' registered origins (functions' `CORS_ENABLED`); off by default. */
  corsEnabled: boolean;
  /** The Facebook Login for Business configuration id (business mode only). */
  metaLoginConfigId?: string;
  /**
   * The second Login for Business configuration, asked for only when a tenant turns story consent
   * on (linking's permissions plus pages_manage_posts, instagram_basic, instagram_content_publish).
   * Optional: without it, stories cannot be turned on in business mode.
   */
  metaStoriesLoginConfigId?: string;
  /** Graph API origin; the sandbox or graph.facebook.com. */
  graphApiBaseUrl: string;
  /** Public origin of the API (custom domain), used to build OAuth redirect URIs. */
  publicBaseUrl?: string;
  /** Whether functions get their reserved concurrency (infra/shared/functions.ts). */
  reserveConcurrency: boolean;
  /**
   * The console's sign-in at the identity provider that issues the tenant JWTs (jwtIssuer): its
   * public OIDC client, the scopes to ask for, the `audience` some providers need to issue an
   * access token for the API, and other origins the browser must reach (a token endpoint on another
   * host than the issuer, as with Cognito's hosted domain).
   */
  console: {
    oidcClientId: string;
    oidcScope: string;
    oidcAudience?: string;
    connectOrigins: string[];
  };
  /** Context keys that were missing and fell back to a placeholder. */
  placeholders: PlaceholderKey[];
}

/** Context values arrive as strings from `-c` or as JSON values from cdk.json; accept both. */
const optionalString = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value) => {
    const text = value === undefined ? '' : String(value).trim();
    return text === '' ? undefined : text;
  });

const contextSchema = z.object({
  stage: z.enum(STAGES, { error: `stage must be one of ${STAGES.join('|')}` }).default('dev'),
  jwtIssuer: optionalString.pipe(
    z.url({ protocol: /^https$/, error: 'jwtIssuer must be an https URL' }).optional()
  ),
  jwtAudience: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : (value ?? '').split(','))
        .map((audience) => audience.trim())
        .filter((audience) => audience !== '')
    ),
  metaAppId: optionalString.pipe(
    z.string().regex(/^\d+$/, 'metaAppId must be the numeric Meta app id').optional()
  ),
  metaLoginMode: optionalString.pipe(
    z
      .enum(['business', 'classic'], { error: 'metaLoginMode must be business or classic' })
      .default('business')
  ),
  metaLoginConfigId: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'metaLoginConfigId must be the numeric Login for Business configuration id')
      .optional()
  ),
  metaStoriesLoginConfigId: optionalString.pipe(
    z
      .string()
      .regex(
        /^\d+$/,
        'metaStoriesLoginConfigId must be the numeric Login for Business configuration id'
      )
      .optional()
  ),
  graphApiBaseUrl: optionalString.pipe(
    z.url({ protocol: /^https$/ }).default('https://graph.facebook.com')
  ),
  publicBaseUrl: optionalString.pipe(
    z.url({ protocol: /^https$/, error: 'publicBaseUrl must be an https URL' }).optional()
  ),
  reserveConcurrency: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((value) => value !== false && value !== 'false'),
  /** CORS for the tenants' registered origins (docs/security.md); off unless set. */
  corsEnabled: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((value) => value === true || value === 'true'),
  consoleOidcClientId: optionalString,
  consoleOidcScope: optionalString.pipe(z.string().default('openid')),
  consoleOidcAudience: optionalString,
  consoleConnectOrigins: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : (value ?? '').split(','))
        .map((origin) => origin.trim())
        .filter((origin) => origin !== '')
    )
    .pipe(
      z.array(
        z.url({
          protocol: /^https$/,
          error: 'consoleConnectOrigins must be https origins, comma-separated',
        })
      )
    ),
});

/** The context keys this app reads. */
const CONTEXT_KEYS = Object.keys(contextSchema.shape) as (keyof typeof contextSchema.shape)[];

/**
 * Validates raw context values and fills placeholders for the deploy-time identity settings.
 * A `prod` stage never accepts placeholders: it throws instead.
 *
 * @param read - returns the raw context value for a key (`app.node.tryGetContext`).
 * @example
 * const config = readConfig((key) => app.node.tryGetContext(key));
 */
const readConfig = (read: (key: string) => unknown): TandemConfig => {
  const raw = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, read(key) ?? undefined]));
  const result = contextSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid CDK context: ${issues}`);
  }
  const context = result.data;
  const placeholders: PlaceholderKey[] = [];
  const orPlaceholder = (key: PlaceholderKey, value: string | undefined): string => {
    if (value !== undefined) return value;
    placeholders.push(key);
    return PLACEHOLDERS[key];
  };

  const config: TandemConfig = {
    stage: context.stage,
    jwtIssuer: orPlaceholder('jwtIssuer', context.jwtIssuer),
    jwtAudience:
      context.jwtAudience.length > 0
        ? context.jwtAudience
        : [orPlaceholder('jwtAudience', undefined)],
    metaAppId: orPlaceholder('metaAppId', context.metaAppId),
    metaLoginMode: context.metaLoginMode,
    ...(context.metaLoginMode === 'business'
      ? { metaLoginConfigId: orPlaceholder('metaLoginConfigId', context.metaLoginConfigId) }
      : {}),
    ...(context.metaLoginMode === 'business' && context.metaStoriesLoginConfigId
      ? { metaStoriesLoginConfigId: context.metaStoriesLoginConfigId }
      : {}),
    graphApiBaseUrl: context.graphApiBaseUrl,
    reserveConcurrency: context.reserveConcurrency,
    corsEnabled: context.corsEnabled,
    console: {
      oidcClientId: orPlaceholder('consoleOidcClientId', context.consoleOidcClientId),
      oidcScope: context.consoleOidcScope,
      ...(context.consoleOidcAudience ? { oidcAudience: context.consoleOidcAudience } : {}),
      connectOrigins: context.consoleConnectOrigins.map((origin) => new URL(origin).origin),
    },
    placeholders,
    ...(context.publicBaseUrl ? { publicBaseUrl: context.publicBaseUrl } : {}),
  };

  if (config.stage === 'prod' && placeholders.length > 0) {
    throw new Error(
      `Stage prod needs real values for: ${placeholders.join(', ')} (pass -c key=value or set them in cdk.json)`
    );
  }
  return config;
};

export type { PlaceholderKey, Stage, TandemConfig };
export { CONTEXT_KEYS, PLACEHOLDERS, readConfig, STAGES };
