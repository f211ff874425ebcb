import { httpRoute } from '../../adapters/http/route.js';
import { consentReadDeps } from '../../adapters/wiring/stories.js';
import { getConsent } from '../../core/stories/consent.js';
import { storyConsentGetRoute } from './routes.js';

const deps = consentReadDeps();

/** GET /links/{linkId}/stories/consent (tenant): the link's story consent; calls nothing at Meta. */
export const handler = httpRoute(storyConsentGetRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getConsent(deps, tenant, params.linkId),
}));
