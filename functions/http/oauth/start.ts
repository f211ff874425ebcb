import { httpRoute } from '../../adapters/http/route.js';
import {
  clock,
  ids,
  oauthSettings,
  publicBaseUrl,
  sessionRepository,
} from '../../adapters/wiring.js';
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
 * the dialog URL to send the user's browser to.
 */
export const handler = httpRoute(
  { access: 'tenant', maxBodyBytes: MAX_BODY_BYTES },
  async ({ tenant }) => ({ status: 200, json: await startLinking(deps, tenant) })
);
