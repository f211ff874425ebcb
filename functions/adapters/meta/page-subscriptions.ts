import { openGrantToken } from '../../core/linking/grants.js';
import { PAGE_WEBHOOK_FIELDS } from '../../core/linking/model.js';
import type { GrantRepository, TokenVault } from '../../core/linking/ports.js';
import type { PageSubscriptions } from '../../core/reconcile/ports.js';
import type { GraphClient } from '../graph/index.js';
import type { Logger } from '../observability/logger.js';

/**
 * The reconciler's way of putting back a Page's webhook subscription: the grant's user token fetches
 * the Page token, which subscribes the app to the fields sync reads. One link's failure does not stop
 * the others; the next run finds it lost again and tries again.
 */

interface PageSubscriptionsDeps {
  graph: () => Promise<GraphClient>;
  grants: GrantRepository;
  vault: TokenVault;
  log: Logger;
}

const createPageSubscriptions = (deps: PageSubscriptionsDeps): PageSubscriptions => ({
  restore: async (links) => {
    const client = await deps.graph();
    for (const link of links) {
      try {
        const grant = await deps.grants.get(link.tenantId, link.grantId);
        if (!grant) continue;
        await client.subscribePage(
          await openGrantToken(deps, grant),
          link.pageId,
          PAGE_WEBHOOK_FIELDS
        );
        deps.log.info('restored the Page webhook subscription', {
          tenantId: link.tenantId,
          linkId: link.linkId,
        });
      } catch (error) {
        deps.log.warn('could not restore the Page webhook subscription', {
          tenantId: link.tenantId,
          linkId: link.linkId,
          error,
        });
      }
    }
  },
});

export type { PageSubscriptionsDeps };
export { createPageSubscriptions };
