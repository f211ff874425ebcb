import { signInCookie } from '../../adapters/http/cookies.js';
import { signInDeps } from '../../adapters/wiring/linking.js';
import { completeAuthorization } from '../../core/linking/oauth.js';
import { missingScopesPage, pickerPage, storyPermissionsPage } from '../html/pages.js';
import { backToApp, htmlRoute } from '../html/respond.js';
import { oauthCallbackRoute } from './routes.js';

const deps = signInDeps();
const cookie = signInCookie(deps.publicBaseUrl);

/**
 * GET /oauth/callback (public: Meta redirects the browser here): completes the sign-in, if it came
 * back in the browser that began it (its sign-in cookie), and shows the Page and number picker, or
 * a page saying what went wrong; a sign-in that began with a returnUrl and ended badly (cancelled,
 * failed, expired, nothing to pick) sends the browser back there with `tandem_outcome` instead.
 */
export const handler = htmlRoute(oauthCallbackRoute, async ({ query, cookies, requestId, log }) => {
  const browserKey = cookie.read(cookies);
  const result = await completeAuthorization(deps, {
    browserKey,
    state: query.state,
    code: query.code,
    error: query.error,
    errorReason: query.error_reason,
    errorDescription: query.error_description,
  });
  if (result.kind === 'ended') return backToApp(result, requestId, log);
  if (result.kind === 'permissions_granted') {
    return { status: 200, html: storyPermissionsPage(result) };
  }
  if (result.kind === 'missing_scopes') {
    // A configuration without a required permission is the deployment's fault, not the user's.
    if (result.configurationIncomplete) {
      log.error('the Facebook login configuration lacks required permissions', {
        missing: result.missing,
      });
      return { status: 500, html: missingScopesPage(result) };
    }
    return { status: 403, html: missingScopesPage(result) };
  }
  return {
    status: 200,
    html: pickerPage({ ...result, action: `${deps.publicBaseUrl}/oauth/select` }),
    // Renewed so it outlives the picker, which it must be posted with.
    ...(browserKey ? { cookies: [cookie.set(browserKey)] } : {}),
  };
});
