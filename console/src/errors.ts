import { limitWords } from './limits.js';

/**
 * API errors in plain words, each with what to do. The API's own messages are written for
 * developers (they name routes and fields), so known error codes get the console's words; the
 * API's message stays as the detail, and the request id goes along for support.
 */

interface Problem {
  title: string;
  /** What to do about it. */
  action: string;
  /** The API's own message, when it adds something. */
  detail?: string;
  code?: string;
  requestId?: string;
  /** Per-field messages of a 400, keyed by the field's path in the body (`creative.headline`). */
  fields?: Record<string, string>;
  /** The API's `error.details`, for a screen that places them (the origins an invalid_origin names). */
  details?: Record<string, unknown>;
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    requestId?: string;
    /** On a 429: the limit hit (a quota's name, reconcile_cooldown, meta_rate_limit). */
    limit?: string;
    details?: Record<string, unknown>;
  };
  /** API Gateway's own answers (401, 404, 429, 500). */
  message?: string;
}

const seconds = (details: Record<string, unknown> | undefined): string => {
  const value = Number(details?.retryAfterSeconds);
  return Number.isFinite(value) && value > 0 ? `${Math.ceil(value)} seconds` : 'a minute';
};

const byCode: Record<
  string,
  (details: Record<string, unknown> | undefined) => Omit<Problem, 'code' | 'requestId'>
> = {
  unauthenticated: () => ({ title: 'Your session has ended', action: 'Sign in again.' }),
  tenant_claim_missing: () => ({
    title: 'Your account is not set up for Tandem',
    action: 'Ask your administrator to add your organisation (tenant) to your sign-in.',
  }),
  link_not_found: () => ({
    title: 'This link does not exist',
    action: 'It may have been unlinked. Go back to the links and pick another.',
  }),
  quota_exceeded: (details) => ({
    title: 'Too many requests for now',
    action: `Your organisation reached one of its limits. Try again in ${seconds(details)}.`,
  }),
  rate_limited: (details) => ({
    title: 'Too many requests for now',
    action: `Try again in ${seconds(details)}.`,
  }),
  link_paused: () => ({
    title: 'Sync is paused for this link',
    action: 'Resume it first: choose whether the Page or WhatsApp keeps its values.',
  }),
  sync_disabled: () => ({ title: 'Sync is off for this link', action: 'Turn sync on first.' }),
  version_mismatch: () => ({
    title: 'This link changed in the meantime',
    action: 'The page now shows the latest state; make your change again.',
  }),
  not_paused: () => ({
    title: 'This link is not paused',
    action: 'There is nothing to resume; the page now shows the latest state.',
  }),
  relink_required: () => ({
    title: 'Facebook no longer accepts the sign-in behind this link',
    action: 'Link the Page again with Facebook; resuming cannot fix this.',
  }),
  meta_token_invalid: () => ({
    title: 'Facebook no longer accepts the sign-in behind this link',
    action: 'Link the Page again with Facebook, then try again.',
  }),
  grant_not_found: () => ({
    title: 'The Facebook sign-in behind this link is gone',
    action: 'Link the Page again with Facebook, then try again.',
  }),
  ads_permission_missing: () => ({
    title: 'The Facebook sign-in does not allow ads',
    action: 'Link the Page again and leave the ads permissions ticked in the Facebook dialog.',
  }),
  page_not_linked_to_whatsapp: () => ({
    title: 'The Page is not connected to this WhatsApp number on Facebook',
    action:
      "Connect the number to the Page in Meta Business Suite (the Page's Linked accounts > WhatsApp), then try again.",
  }),
  instagram_account_missing: () => ({
    title: 'The Page has no Instagram professional account',
    action:
      'Connect one to the Page in its settings (Linked accounts > Instagram), then turn Instagram stories on again.',
  }),
  stories_login_unavailable: () => ({
    title: 'This Tandem cannot ask Facebook for the story permissions',
    action: 'Ask whoever runs your Tandem to set up its Facebook login for stories.',
  }),
  ad_account_not_found: () => ({
    title: 'That ad account cannot be used',
    action:
      'Check the ad account id in Meta Ads Manager, or ask an admin of the account to add you.',
  }),
  ad_account_inactive: () => ({
    title: 'That ad account cannot run ads right now',
    action: 'Resolve its status in Meta Ads Manager (Account overview), then try again.',
  }),
  ad_not_created: () => ({
    title: 'This ad has no results yet',
    action: 'Its creation has not finished; results appear once the ad exists.',
  }),
  ad_operation_not_found: () => ({
    title: 'There is no such ad on this link',
    action: 'Check the operation id or Idempotency-Key.',
  }),
  run_not_found: () => ({
    title: 'No check has covered your links yet',
    action: 'Run a check now to see how your Pages and WhatsApp profiles compare.',
  }),
  invalid_date_range: () => ({
    title: 'That date range cannot be shown',
    action: 'Pick a range of at most 93 days within the last 37 months.',
  }),
  dsa_required: () => ({
    title: 'Ads reaching the EU must say who benefits and who pays',
    action:
      "Fill in both (Meta's recommendations are under the fields), or set the ad account's defaults in Ads Manager.",
  }),
  invalid_origin: () => ({
    title: 'Some origins cannot be registered',
    action:
      'Give each as scheme://host or scheme://host:port with nothing after it: https, or http on localhost, 127.0.0.1 or [::1].',
  }),
  invalid_request: () => ({
    title: 'Some fields need attention',
    action: 'Correct them and try again.',
  }),
  meta_outage: (details) => ({
    title: 'Facebook is failing for many businesses right now',
    action: `Tandem is holding its calls until it recovers; nothing was lost. Try again in ${seconds(details)}.`,
  }),
  upstream_unavailable: () => ({
    title: 'Facebook is not answering right now',
    action: 'Nothing was lost. Try again in a minute.',
  }),
};

/** The fields a 400 names (`body.creative.headline` -> `creative.headline`). */
const fieldsOf = (details: Record<string, unknown> | undefined): Record<string, string> => {
  const issues = Array.isArray(details?.issues) ? details.issues : [];
  const fields: Record<string, string> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    const path = issue.path.replace(/^(body|query|params)\.?/, '');
    fields[path] ??= issue.message;
  }
  return fields;
};

/** What to tell the user about an answer with `status` and `body`. */
const describeError = (status: number, body: unknown): Problem => {
  const parsed = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const { code, message, requestId, details, limit } = parsed.error ?? {};
  const ids = {
    ...(code ? { code } : {}),
    ...(requestId ? { requestId } : {}),
  };
  const known = code ? byCode[code] : undefined;
  if (known) {
    const fields = fieldsOf(details);
    const problem = known(details);
    const limited = status === 429 ? limitWords(limit) : undefined;
    return {
      ...problem,
      ...(limited ? { action: `${limited}. ${problem.action}` } : {}),
      ...(message ? { detail: message } : {}),
      ...ids,
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      ...(details ? { details } : {}),
    };
  }
  if (status === 401) return byCode.unauthenticated?.(undefined) as Problem;
  if (status === 429) return { ...(byCode.rate_limited?.(details) as Problem), ...ids };
  if (status >= 500) {
    return {
      title: status === 503 ? 'Tandem is busy right now' : 'Something went wrong on our side',
      action: requestId
        ? `Try again. If it keeps happening, contact support with request id ${requestId}.`
        : 'Try again in a minute.',
      ...(message ? { detail: message } : {}),
      ...ids,
    };
  }
  return {
    title: message ?? parsed.message ?? `The request was refused (${status})`,
    action: 'Check what you entered and try again.',
    ...ids,
  };
};

/** A request that never got an answer (offline, DNS, CORS). */
const unreachable = (): Problem => ({
  title: 'Tandem cannot be reached',
  action: 'Check your connection, then try again.',
});

export type { Problem };
export { describeError, unreachable };
