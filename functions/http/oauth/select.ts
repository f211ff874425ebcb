import { signInCookie } from '../../adapters/http/cookies.js';
import { statusOf } from '../../adapters/http/error-response.js';
import { selectionDeps } from '../../adapters/wiring/linking.js';
import { returnUrlWithOutcome } from '../../core/linking/origins.js';
import { completeSelection } from '../../core/linking/selection.js';
import { linkedPage, pickerPage } from '../html/pages.js';
import { backToApp, htmlRoute } from '../html/respond.js';
import { oauthSelectRoute } from './routes.js';

const deps = selectionDeps();
const cookie = signInCookie(deps.publicBaseUrl);

/**
 * POST /oauth/select (public: the browser has no JWT; the single-use selection id, bound to the
 * browser's sign-in cookie, stands in for it): links the chosen Page and number, or shows the picker
 * again with the reason.
 */
export const handler = htmlRoute(oauthSelectRoute, async ({ body, cookies, requestId, log }) => {
  const result = await completeSelection(deps, {
    browserKey: cookie.read(cookies),
    selectionId: body.selection,
    pageId: body.pageId,
    phoneNumberId: body.phoneNumberId,
  });
  if (result.kind === 'ended') return backToApp(result, requestId, log);
  if (result.kind === 'linked') {
    const returnTo = result.returnUrl
      ? returnUrlWithOutcome(result.returnUrl, {
          outcome: 'linked',
          linkId: result.link.linkId,
        })
      : undefined;
    return { status: 201, html: linkedPage(result.link, result.tenantName, returnTo) };
  }
  return {
    status: statusOf(result.problem),
    html: pickerPage({
      ...result,
      action: `${deps.publicBaseUrl}/oauth/select`,
      problem: result.problem.message,
    }),
  };
});
