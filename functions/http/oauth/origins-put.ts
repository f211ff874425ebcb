import { httpRoute } from '../../adapters/http/route.js';
import { originsDeps } from '../../adapters/wiring/linking.js';
import { setOrigins } from '../../core/linking/origins.js';
import { settingsOriginsPutRoute } from './routes.js';

const deps = originsDeps();

/**
 * PUT /settings/origins (tenant) `{ origins }`: replaces the tenant's registered origins, where a
 * sign-in's returnUrl may send the browser back to. Exact https origins (http on loopback only).
 */
export const handler = httpRoute(settingsOriginsPutRoute, async ({ tenant, body }) => ({
  status: 200,
  json: await setOrigins(deps, tenant, body.origins),
}));
