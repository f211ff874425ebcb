import { httpRoute } from '../../adapters/http/route.js';
import { tenantSettingsRepository } from '../../adapters/wiring/shared.js';
import { getOrigins } from '../../core/linking/origins.js';
import { settingsOriginsGetRoute } from './routes.js';

const deps = { settings: tenantSettingsRepository() };

/** GET /settings/origins (tenant): the tenant's registered origins. */
export const handler = httpRoute(settingsOriginsGetRoute, async ({ tenant }) => ({
  status: 200,
  json: await getOrigins(deps, tenant),
}));
