import { signInCookie } from '../../adapters/http/cookies.js';
import { signInPageDeps } from '../../adapters/wiring/linking.js';
import { viewSignIn } from '../../core/linking/oauth.js';
import { signInPage } from '../html/pages.js';
import { htmlRoute } from '../html/respond.js';
import { oauthBeginRoute } from './routes.js';

const deps = signInPageDeps();
const cookie = signInCookie(deps.publicBaseUrl);
/** The page's form posts here, and is answered with a redirect to Meta's dialog: both allowed. */
const formTargets = `'self' ${new URL(deps.oauth.dialogBaseUrl).origin}`;

/**
 * GET /oauth/begin (public: the client app sends the user's browser here): names the tenant the
 * Pages will be linked to and gives this browser its sign-in cookie; the form continues to Meta.
 */
export const handler = htmlRoute(oauthBeginRoute, async ({ query, cookies }) => {
  const browserKey = cookie.read(cookies);
  const view = await viewSignIn(deps, query.state, browserKey);
  return {
    status: 200,
    html: signInPage({ ...view, action: `${deps.publicBaseUrl}/oauth/begin` }),
    headers: {
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formTargets}`,
    },
    // A browser keeps its key across sign-ins, so two tabs do not undo each other.
    cookies: [cookie.set(browserKey ?? deps.ids.sessionId())],
  };
});
