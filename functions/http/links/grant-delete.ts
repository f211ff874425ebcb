import { httpRoute } from '../../adapters/http/route.js';
import { grantDeps, quotaCounter } from '../../adapters/wiring/shared.js';
import { deleteGrant } from '../../core/linking/grants.js';
import { grantDeleteRoute } from './routes.js';

const deps = grantDeps();

/**
 * DELETE /grants/{grantId} (tenant): deletes a sign-in no link uses, with its sealed token, and
 * revokes the app on Meta unless the Meta user still has links. 409 `grant_in_use` while links use
 * it; 404 once it is gone, so a retry after success is a 404.
 */
export const handler = httpRoute(
  { ...grantDeleteRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, log }) => {
    const result = await deleteGrant(deps, tenant, params.grantId);
    if (result.revocation === 'failed') log.warn('revocation on Meta failed', { ...result });
    return { status: 200, json: result };
  }
);
