import { httpRoute } from '../../adapters/http/route.js';
import { linkCreateDeps } from '../../adapters/wiring/linking.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { createLink } from '../../core/linking/links.js';
import { toLinkView } from '../../core/linking/model.js';
import { linkCreateRoute } from './routes.js';
import { etagOf } from './schemas.js';

const deps = linkCreateDeps();

/**
 * POST /links (tenant): links a Page to a WhatsApp number with one of the tenant's grants. 201 with
 * the link and whether Meta now sends its Page's webhooks, or 404 (grant, Page or number out of
 * reach), 409 (Page or number already linked).
 */
export const handler = httpRoute(
  { ...linkCreateRoute, quotaCounter: quotaCounter() },
  async ({ tenant, body }) => {
    const link = await createLink(deps, tenant, body);
    return {
      status: 201,
      json: { ...toLinkView(link), webhooks: link.webhooks },
      headers: { location: `/links/${link.linkId}`, etag: etagOf(link.version) },
    };
  }
);
