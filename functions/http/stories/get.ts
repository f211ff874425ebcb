import { httpRoute } from '../../adapters/http/route.js';
import { storyReadDeps } from '../../adapters/wiring/stories.js';
import { getStory } from '../../core/stories/publish.js';
import { storyGetRoute } from './routes.js';

const deps = storyReadDeps();

/**
 * GET /links/{linkId}/stories/{operationId} (tenant): one story's outcome per target and the ids
 * Meta gave it, by operation id or by the Idempotency-Key that started it.
 */
export const handler = httpRoute(storyGetRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getStory(deps, tenant, params.linkId, params.operationId),
}));
