import { httpRoute } from '../../adapters/http/route.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { profileCompareDeps } from '../../adapters/wiring/sync.js';
import { compareProfiles } from '../../core/reconcile/compare.js';
import { linkProfilesRoute } from './routes.js';

const deps = profileCompareDeps();

/**
 * GET /links/{linkId}/profiles (tenant): the link's Page (as sync would map it) and its WhatsApp
 * profile, read from Meta now, field by field with the differences and the drift class.
 */
export const handler = httpRoute(
  { ...linkProfilesRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params }) => ({
    status: 200,
    json: await compareProfiles(deps, tenant, params.linkId),
  })
);
