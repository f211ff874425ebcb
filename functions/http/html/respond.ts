import type { ErrorPage } from '../../adapters/http/error-response.js';
import { type RouteResult, routeWith } from '../../adapters/http/route.js';
import type { Logger } from '../../adapters/observability/logger.js';
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

/** Tandem's error page for a refusal or failure, with the title the browser user reads. */
const problemPage: ErrorPage = (error) =>
  errorPage({
    title: TITLES[error.code] ?? 'Linking did not complete',
    message: error.message,
    code: error.code,
    requestId: error.requestId,
  });

/**
 * Wraps a route a browser user reads (the sign-in's pages, the data-deletion status): every error,
 * a typed refusal, an unexpected failure or the deadline, is answered by the one error map
 * (functions/adapters/http/error-response.ts) with its status and headers, as a page.
 */
const htmlRoute = routeWith(problemPage);

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

export { backToApp, htmlRoute };
