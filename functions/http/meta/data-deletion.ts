import { httpRoute } from '../../adapters/http/route.js';
import { eventPublisher } from '../../adapters/wiring/events.js';
import {
  callbackLedger,
  clock,
  deletionRepository,
  grantRepository,
  ids,
  linkRepository,
  messageStatsRemoval,
  metaAppSecret,
  operationStore,
  publicBaseUrl,
  storyOperationStore,
} from '../../adapters/wiring/shared.js';
import { storyUploadRemoval } from '../../adapters/wiring/stories.js';
import { requestDataDeletion } from '../../core/linking/meta-callbacks.js';
import { metaDataDeletionRoute } from './routes.js';

const deps = {
  events: eventPublisher(),
  links: linkRepository(),
  grants: grantRepository(),
  adOperations: operationStore(),
  storyOperations: storyOperationStore(),
  storyUploads: storyUploadRemoval(),
  messageStats: messageStatsRemoval(),
  deletions: deletionRepository(),
  callbacks: callbackLedger(),
  ids,
  clock,
  publicBaseUrl: publicBaseUrl(),
};
const appSecret = metaAppSecret();

/**
 * POST /meta/data-deletion (public: Meta calls it with signed_request): deletes the user's data and
 * answers Meta's `{ url, confirmation_code }`. 400 for a bad signature.
 */
export const handler = httpRoute(metaDataDeletionRoute, async ({ body }) => ({
  status: 200,
  json: await requestDataDeletion({ ...deps, appSecret: await appSecret() }, body.signed_request),
}));
