import { httpRoute } from '../../adapters/http/route.js';
import {
  clock,
  linkObserver,
  linkRepository,
  quotaCounter,
  syncStateRepository,
} from '../../adapters/wiring/shared.js';
import { compareProfiles } from '../../core/reconcile/compare.js';
import { linkParams } from '../links/schemas.js';

const deps = {
  links: linkRepository(),
  state: syncStateRepository(),
  observer: linkObserver(),
  clock,
};

/**
 * GET /links/{linkId}/profiles (tenant): the link's Page (as sync would map it) and its WhatsApp
 * profile, read from Meta now, field by field with the differences and the drift class.
 */
export const handler = httpRoute(
  { access: 'tenant', params: linkParams, quotaCounter: quotaCounter() },
  async ({ tenant, params }) => ({
    status: 200,
    json: await compareProfiles(deps, tenant, params.linkId),
  })
);
