import { httpRoute } from '../../adapters/http/route.js';
import { fleetListDeps } from '../../adapters/wiring/linking.js';
import { toLinkView } from '../../core/linking/model.js';
import { listFleet } from '../../core/sync/fleet.js';
import { linksListRoute } from './routes.js';
import { toLinkFilter } from './schemas.js';

const deps = fleetListDeps();

/**
 * GET /links?status&syncEnabled&drift&pageId&limit&cursor (tenant): the tenant's links that pass
 * every filter given, in link-id order, each with its pause (reason) and last sync outcome. A page
 * may hold fewer than `limit` links (a filter that matches few reads a bounded share of the fleet
 * per request): follow `nextCursor` until it is absent.
 */
export const handler = httpRoute(linksListRoute, async ({ tenant, query }) => {
  const { limit, cursor, ...filter } = query;
  const page = await listFleet(deps, tenant, toLinkFilter(filter), { limit, cursor });
  return {
    status: 200,
    json: {
      items: page.items.map((item) => ({ ...toLinkView(item), lastSync: item.lastSync })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    },
  };
});
