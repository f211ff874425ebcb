import { statusOf } from '../../adapters/http/error-response.js';
import type { RouteResult } from '../../adapters/http/route.js';
import type { Logger } from '../../adapters/observability/logger.js';
import { TandemError } from '../../core/errors.js';
import type { SignInEnded } from '../../core/linking/oauth.js';
import { returnUrlWithOutcome } from '../../core/linking/origins.js';
import { errorPage } from './pages.js';

/** Page titles for the refusals a browser user meets in the linking journey. */
const TITLES: Record<string, string> = {
  oauth_state_invalid: 'This sign-in link is no longer valid',
  oauth_state_expired: 'This sign-in expired',
  oauth_code_missing: 'The sign-in did not complete',
  consent_denied: 'Nothing was linked',
  token_rejected: 'The sign-in did not complete',
  selection_invalid: 'This form was already used',
  selection_expired: 'This form expired',
  nothing_selectable: 'Nothing to link',
  oauth_browser_mismatch: 'This sign-in belongs to another browser',
  meta_token_invalid: 'Facebook no longer accepts this sign-in',
  deletion_request_not_found: 'Unknown deletion request',
};

/**
 * Renders a typed error as an HTML page with the status the one HTTP mapping gives it
 * (functions/adapters/http/error-response.ts). Anything else is re-thrown to the route wrapper, which
 * answers a generic 500 without details.
 */
const htmlError = (error: unknown, requestId: string, log: Logger): RouteResult => {
  if (!(error instanceof TandemError)) throw error;
  const status = statusOf(error);
  if (status >= 500) log.error('page failed', { error, errorCode: error.code });
  else log.info('page refused', { status, errorCode: error.code });
  return {
    status,
    html: errorPage({
      title: TITLES[error.code] ?? 'Linking did not complete',
      message: error.message,
      code: error.code,
      requestId,
    }),
  };
};

/**
 * A sign-in that began with a returnUrl and ended badly: 303 to the client app with
 * `tandem_outcome`, so the user lands back in the app rather than on Tandem's error page. The body
 * says the same, with the link, for a client that does not follow redirects.
 */
const backToApp = (ended: SignInEnded, requestId: string, log: Logger): RouteResult => {
  const returnTo = returnUrlWithOutcome(ended.returnUrl, { outcome: ended.outcome });
  log.info('sign-in ended, browser sent back to the client app', {
    outcome: ended.outcome,
    errorCode: ended.error.code,
  });
  return {
    status: 303,
    headers: { location: returnTo },
    html: errorPage({
      title: TITLES[ended.error.code] ?? 'Linking did not complete',
      message: ended.error.message,
      code: ended.error.code,
      requestId,
      returnTo,
    }),
  };
};

export { backToApp, htmlError };
