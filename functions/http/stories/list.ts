import { httpRoute } from '../../adapters/http/route.js';
import { storyReadDeps } from '../../adapters/wiring/stories.js';
import { listStories } from '../../core/stories/publish.js';
import { storiesListRoute } from './routes.js';

const deps = storyReadDeps();

/** GET /links/{linkId}/stories (tenant): the link's story operations and their outcomes. */
export const handler = httpRoute(storiesListRoute, async ({ tenant, params, query }) => ({
  status: 200,
  json: await listStories(deps, tenant, params.linkId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  }),
}));
