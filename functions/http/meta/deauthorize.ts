import { httpRoute } from '../../adapters/http/route.js';
import { eventPublisher } from '../../adapters/wiring/events.js';
import {
  callbackLedger,
  clock,
  grantRepository,
  linkRepository,
  messageStatsRemoval,
  metaAppSecret,
  operationStore,
  storyOperationStore,
} from '../../adapters/wiring/shared.js';
import { storyUploadRemoval } from '../../adapters/wiring/stories.js';
import { handleDeauthorize } from '../../core/linking/meta-callbacks.js';
import { metaDeauthorizeRoute } from './routes.js';

const deps = {
  events: eventPublisher(),
  links: linkRepository(),
  grants: grantRepository(),
  adOperations: operationStore(),
  storyOperations: storyOperationStore(),
  storyUploads: storyUploadRemoval(),
  messageStats: messageStatsRemoval(),
  callbacks: callbackLedger(),
  clock,
};
const appSecret = metaAppSecret();

/**
 * POST /meta/deauthorize (public: Meta calls it, proving itself with signed_request): the user removed
 * the app, so their links (with their ad operations) and grants go, in every tenant. 400 for a bad
 * signature or a request older than the replay window; a repeat answers the first result.
 */
export const handler = httpRoute(metaDeauthorizeRoute, async ({ body, log }) => {
  const result = await handleDeauthorize(
    { ...deps, appSecret: await appSecret() },
    body.signed_request
  );
  log.info('Meta user deauthorized the app', { ...result });
  return { status: 200, json: { status: 'deauthorized', ...result } };
});
