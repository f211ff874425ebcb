import { httpRoute } from '../../adapters/http/route.js';
import { linkReadDeps } from '../../adapters/wiring/linking.js';
import { getLink } from '../../core/linking/links.js';
import { toLinkView } from '../../core/linking/model.js';
import { linkGetRoute } from './routes.js';
import { etagOf } from './schemas.js';

const deps = linkReadDeps();

/** GET /links/{linkId} (tenant): one of the tenant's links, with its version as ETag. */
export const handler = httpRoute(linkGetRoute, async ({ tenant, params }) => {
  const link = await getLink(deps, tenant, params.linkId);
  return { status: 200, json: toLinkView(link), headers: { etag: etagOf(link.version) } };
});
