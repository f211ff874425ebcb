import { httpRoute } from '../../adapters/http/route.js';
import {
  ids,
  oauthSettings,
  publicBaseUrl,
  quotaCounter,
  sessionRepository,
  tenantSettingsRepository,
} from '../../adapters/wiring/shared.js';
import * as wiring from '../../adapters/wiring/stories.js';
import { startLinking } from '../../core/linking/oauth.js';
import { setConsent } from '../../core/stories/consent.js';
import { storyConsentPutRoute } from './routes.js';

const signInDeps = {
  sessions: sessionRepository(),
  settings: tenantSettingsRepository(),
  clock: wiring.clock,
  ids,
  oauth: oauthSettings(),
  publicBaseUrl: publicBaseUrl(),
};
const deps = {
  links: wiring.linkRepository(),
  grants: wiring.grantRepository(),
  vault: wiring.tokenVault(),
  meta: wiring.metaGateway(),
  clock: wiring.clock,
};

/**
 * PUT /links/{linkId}/stories/consent (tenant): turns story cross-posting on or off per target,
 * recording who and when; answers a sign-in for the story permissions when the grant lacks them.
 */
export const handler = httpRoute(
  { ...storyConsentPutRoute, quotaCounter: quotaCounter() },
  async ({ tenant, tenantName, subject, params, body }) => ({
    status: 200,
    json: await setConsent(
      {
        ...deps,
        signIn: () =>
          startLinking(signInDeps, { tenantId: tenant, tenantName, purpose: 'stories' }),
      },
      tenant,
      params.linkId,
      subject,
      body.targets
    ),
  })
);
