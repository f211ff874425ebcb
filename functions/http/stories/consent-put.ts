import { httpRoute } from '../../adapters/http/route.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { consentDeps } from '../../adapters/wiring/stories.js';
import { startLinking } from '../../core/linking/oauth.js';
import { setConsent } from '../../core/stories/consent.js';
import { storyConsentPutRoute } from './routes.js';

const deps = consentDeps();

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
        ...deps.consent,
        signIn: () =>
          startLinking(deps.signIn, { tenantId: tenant, tenantName, purpose: 'stories' }),
      },
      tenant,
      params.linkId,
      subject,
      body.targets
    ),
  })
);
