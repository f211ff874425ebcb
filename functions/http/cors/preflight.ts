import { corsEnabled } from '../../adapters/http/cors.js';
import { httpRoute } from '../../adapters/http/route.js';
import { tenantSettingsRepository } from '../../adapters/wiring/shared.js';
import { preflightHeaders } from '../../core/linking/cors.js';
import { originOf } from '../../core/linking/origins.js';
import { corsPreflightRoute } from './routes.js';
import { isTenantPath } from './tenant-paths.js';

const enabled = corsEnabled();
const settings = enabled ? tenantSettingsRepository() : undefined;

/**
 * OPTIONS /{proxy+} (public: a browser's CORS preflight carries no token): allows a registered
 * origin to call a tenant route. The preflight names no tenant, so it only asks whether some tenant
 * registered the origin; the actual answer allows it only for the caller's own tenant. 204 always,
 * without any allowance when CORS is off, the origin is not registered (never reflected), or the
 * path, method or headers are not the API's.
 */
export const handler = httpRoute(corsPreflightRoute, async ({ headers, event }) => {
  const origin = headers.origin;
  const registered =
    settings !== undefined &&
    origin !== undefined &&
    originOf(origin) === origin &&
    isTenantPath(event.rawPath) &&
    (await settings.isRegistered(origin));
  return {
    status: 204,
    headers: enabled
      ? preflightHeaders(
          {
            origin,
            method: headers['access-control-request-method'],
            headers: headers['access-control-request-headers'],
          },
          registered
        )
      : {},
  };
});
