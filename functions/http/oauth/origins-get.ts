import { httpRoute } from '../../adapters/http/route.js';
import { originsDeps } from '../../adapters/wiring/linking.js';
import { getOrigins } from '../../core/linking/origins.js';
import { settingsOriginsGetRoute } from './routes.js';

const deps = originsDeps();

/** GET /settings/origins (tenant): the tenant's registered origins. */
export const handler = httpRoute(settingsOriginsGetRoute, async ({ tenant }) => ({
  status: 200,
  json: await getOrigins(deps, tenant),
}));
