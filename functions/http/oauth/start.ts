import { httpRoute } from '../../adapters/http/route.js';
import {
  clock,
  ids,
  oauthSettings,
  publicBaseUrl,
  quotaCounter,
  sessionRepository,
} from '../../adapters/wiring/shared.js';
import { startLinking } from '../../core/linking/oauth.js';
import { MAX_BODY_BYTES } from '../links/schemas.js';

const deps = {
  sessions: sessionRepository(),
  clock,
  ids,
  oauth: oauthSettings(),
  publicBaseUrl: publicBaseUrl(),
};

/**
 * POST /links/oauth/start (tenant): opens a sign-in with Facebook for the caller's tenant and answers
 * Tandem's begin URL to send the user's browser to (which names the tenant and leads on to Meta).
 */
export const handler = httpRoute(
  { access: 'tenant', maxBodyBytes: MAX_BODY_BYTES, quotaCounter: quotaCounter() },
  async ({ tenant, tenantName }) => ({
    status: 200,
    json: await startLinking(deps, { tenantId: tenant, tenantName }),
  })
);
