import { ValidationError } from '../errors.js';

/**
 * A tenant's registered origins: where a sign-in may send the user's browser back to when it ends
 * (`returnUrl`), and, where the deployment turns CORS on, which browser apps call the API. Exact
 * origins (scheme, host, port), never patterns: a wildcard would let any look-alike host receive
 * the browser with its outcome.
 */

/** Origins a tenant may register; a client app has a few (production, staging, local). */
const MAX_ORIGINS = 10;

interface TenantOrigins {
  origins: string[];
  updatedAt: string;
}

interface TenantSettingsRepository {
  getOrigins(tenantId: string): Promise<TenantOrigins | undefined>;
  /** Replaces the tenant's origins and keeps the index of registered origins in step. */
  putOrigins(tenantId: string, origins: TenantOrigins): Promise<void>;
  /** Whether any tenant registered `origin` (a CORS preflight names no tenant). */
  isRegistered(origin: string): Promise<boolean>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin of `value` if it is an acceptable one: https, or http on a loopback host (a developer's
 * machine); no credentials. Answers undefined otherwise.
 */
const originOf = (value: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  return secure ? url.origin : undefined;
};

/** PUT /settings/origins: each must be exactly an origin (no path, query or fragment). */
const normalizeOrigins = (values: readonly string[]): string[] => {
  const bad = values.filter((value) => originOf(value) !== value.replace(/\/$/, ''));
  if (bad.length > 0) {
    throw new ValidationError(
      `Not an origin Tandem accepts: ${bad.join(', ')}. Give each as scheme://host[:port] with nothing after it, https (or http on localhost, 127.0.0.1 or [::1]).`,
      { invalid: bad },
      'invalid_origin'
    );
  }
  return [...new Set(values.map((value) => value.replace(/\/$/, '')))];
};

const setOrigins = async (
  deps: { settings: TenantSettingsRepository; clock: { now(): Date } },
  tenantId: string,
  values: readonly string[]
): Promise<TenantOrigins> => {
  const record = { origins: normalizeOrigins(values), updatedAt: deps.clock.now().toISOString() };
  await deps.settings.putOrigins(tenantId, record);
  return record;
};

const getOrigins = async (
  deps: { settings: TenantSettingsRepository },
  tenantId: string
): Promise<TenantOrigins> =>
  (await deps.settings.getOrigins(tenantId)) ?? { origins: [], updatedAt: '' };

/**
 * POST /links/oauth/start's `returnUrl`: it must be on one of the tenant's registered origins.
 *
 * @throws ValidationError `return_url_not_registered` otherwise.
 */
const checkReturnUrl = async (
  deps: { settings: TenantSettingsRepository },
  tenantId: string,
  returnUrl: string
): Promise<string> => {
  const origin = originOf(returnUrl);
  const registered = (await deps.settings.getOrigins(tenantId))?.origins ?? [];
  if (!origin || !registered.includes(origin)) {
    throw new ValidationError(
      `returnUrl must be on one of this tenant's registered origins (${registered.length ? registered.join(', ') : 'none registered'}). Register the client app's origin with PUT /settings/origins first.`,
      { returnUrl, registeredOrigins: registered },
      'return_url_not_registered'
    );
  }
  return new URL(returnUrl).toString();
};

/**
 * How a sign-in that began with a returnUrl ended, as `tandem_outcome` tells the client app:
 * `linked` (with `link_id`); `cancelled` (the user cancelled at Meta); `failed` (Meta ended the
 * sign-in with another error, or sent no code); `expired` (the sign-in or its picker form timed out);
 * `nothing_selectable` (every Page or every number the sign-in reaches is linked already, or it
 * reaches none).
 */
const SIGN_IN_OUTCOMES = [
  'linked',
  'cancelled',
  'failed',
  'expired',
  'nothing_selectable',
] as const;
type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

/** Where the last page sends the browser: the returnUrl with the sign-in's outcome added. */
const returnUrlWithOutcome = (
  returnUrl: string,
  outcome: { outcome: 'linked'; linkId: string } | { outcome: Exclude<SignInOutcome, 'linked'> }
): string => {
  const url = new URL(returnUrl);
  url.searchParams.set('tandem_outcome', outcome.outcome);
  if ('linkId' in outcome) url.searchParams.set('link_id', outcome.linkId);
  return url.toString();
};

export type { SignInOutcome, TenantOrigins, TenantSettingsRepository };
export {
  checkReturnUrl,
  getOrigins,
  MAX_ORIGINS,
  normalizeOrigins,
  originOf,
  returnUrlWithOutcome,
  SIGN_IN_OUTCOMES,
  setOrigins,
};
