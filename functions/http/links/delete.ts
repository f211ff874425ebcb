import { httpRoute } from '../../adapters/http/route.js';
import { unlinkDeps } from '../../adapters/wiring/linking.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { unlink } from '../../core/linking/links.js';
import { linkDeleteRoute } from './routes.js';

const deps = unlinkDeps();

/**
 * DELETE /links/{linkId} (tenant): unlinks, unsubscribes the Page's webhooks and deletes the link's ad
 * operations, then deletes the grant's tokens if no other link uses them and revokes the app on Meta
 * if it was the user's last link. Answers what it did.
 */
export const handler = httpRoute(
  { ...linkDeleteRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, log }) => {
    const result = await unlink(deps, tenant, params.linkId);
    if (result.revocation === 'failed') log.warn('revocation on Meta failed', { ...result });
    return { status: 200, json: result };
  }
);
