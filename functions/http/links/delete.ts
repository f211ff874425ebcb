import { httpRoute } from '../../adapters/http/route.js';
import { createMetaGateway } from '../../adapters/meta/meta-gateway.js';
import { eventPublisher } from '../../adapters/wiring/events.js';
import {
  grantRepository,
  graphClient,
  linkRepository,
  messageStatsRemoval,
  operationStore,
  quotaCounter,
  storyOperationStore,
  tokenVault,
} from '../../adapters/wiring/shared.js';
import { storyUploadRemoval } from '../../adapters/wiring/stories.js';
import { unlink } from '../../core/linking/links.js';
import { linkDeleteRoute } from './routes.js';

const deps = {
  events: eventPublisher(),
  links: linkRepository(),
  grants: grantRepository(),
  vault: tokenVault(),
  meta: createMetaGateway(graphClient()),
  adOperations: operationStore(),
  storyOperations: storyOperationStore(),
  storyUploads: storyUploadRemoval(),
  messageStats: messageStatsRemoval(),
};

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
