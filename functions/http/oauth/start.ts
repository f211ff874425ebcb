import { httpRoute } from '../../adapters/http/route.js';
import { signInStartDeps } from '../../adapters/wiring/linking.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { startLinking } from '../../core/linking/oauth.js';
import { oauthStartRoute } from './routes.js';

const deps = signInStartDeps();

/**
 * POST /links/oauth/start (tenant) `{ returnUrl? }`: opens a sign-in with Facebook for the caller's
 * tenant and answers Tandem's begin URL to send the user's browser to (which names the tenant and
 * leads on to Meta). A `returnUrl` must be on one of the tenant's registered origins (400
 * `return_url_not_registered`); the last page sends the browser back there with the outcome.
 */
export const handler = httpRoute(
  { ...oauthStartRoute, quotaCounter: quotaCounter() },
  async ({ tenant, tenantName, body }) => ({
    status: 200,
    json: await startLinking(deps, {
      tenantId: tenant,
      tenantName,
      ...(body?.returnUrl !== undefined ? { returnUrl: body.returnUrl } : {}),
    }),
  })
);
