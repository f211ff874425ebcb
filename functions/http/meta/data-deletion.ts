import { httpRoute } from '../../adapters/http/route.js';
import { dataDeletionDeps } from '../../adapters/wiring/linking.js';
import { metaAppSecret } from '../../adapters/wiring/shared.js';
import { requestDataDeletion } from '../../core/linking/meta-callbacks.js';
import { metaDataDeletionRoute } from './routes.js';

const deps = dataDeletionDeps();
const appSecret = metaAppSecret();

/**
 * POST /meta/data-deletion (public: Meta calls it with signed_request): deletes the user's data and
 * answers Meta's `{ url, confirmation_code }`. 400 for a bad signature.
 */
export const handler = httpRoute(metaDataDeletionRoute, async ({ body }) => ({
  status: 200,
  json: await requestDataDeletion({ ...deps, appSecret: await appSecret() }, body.signed_request),
}));
