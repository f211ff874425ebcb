import { httpRoute } from '../../adapters/http/route.js';
import { linkRepository } from '../../adapters/wiring/shared.js';
import { listLinks } from '../../core/linking/links.js';
import { toLinkView } from '../../core/linking/model.js';
import { pageQuery } from './schemas.js';

const deps = { links: linkRepository() };

/** GET /links?limit&cursor (tenant): the tenant's links, a page at a time. */
export const handler = httpRoute(
  { access: 'tenant', query: pageQuery },
  async ({ tenant, query }) => {
    const page = await listLinks(deps, tenant, query);
    return {
      status: 200,
      json: {
        items: page.items.map(toLinkView),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      },
    };
  }
);
