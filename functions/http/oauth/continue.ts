import { signInCookie } from '../../adapters/http/cookies.js';
import { signInPageDeps } from '../../adapters/wiring/linking.js';
import { continueSignIn, otherBrowser } from '../../core/linking/oauth.js';
import { htmlRoute } from '../html/respond.js';
import { oauthContinueRoute } from './routes.js';

const deps = signInPageDeps();
const cookie = signInCookie(deps.publicBaseUrl);

/**
 * POST /oauth/begin (public: the begin page's form): binds the sign-in to this browser's cookie and
 * sends the browser on to Meta's login dialog (303). Without the cookie (another site's form post,
 * which SameSite=Lax keeps it from, or a browser refusing cookies) nothing is bound.
 */
export const handler = htmlRoute(oauthContinueRoute, async ({ body, cookies }) => {
  const browserKey = cookie.read(cookies);
  if (!browserKey) throw otherBrowser();
  const dialogUrl = await continueSignIn(deps, body.state, browserKey);
  return { status: 303, headers: { location: dialogUrl } };
});
