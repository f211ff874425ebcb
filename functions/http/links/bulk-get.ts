import { httpRoute } from '../../adapters/http/route.js';
import { bulkGetDeps } from '../../adapters/wiring/linking.js';
import { getBulkAction } from '../../core/sync/bulk.js';
import { linksBulkGetRoute } from './routes.js';

const deps = bulkGetDeps();

/** GET /links/bulk/{operationId} (tenant): a bulk operation's status and progress. */
export const handler = httpRoute(linksBulkGetRoute, async ({ tenant, params }) => ({
  status: 200,
  json: await getBulkAction(deps, tenant, params.operationId),
}));
