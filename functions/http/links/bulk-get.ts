import { httpRoute } from '../../adapters/http/route.js';
import { bulkOperationStore } from '../../adapters/wiring/shared.js';
import { getBulkAction } from '../../core/sync/bulk.js';
import { bulkParams } from './schemas.js';

const deps = { operations: bulkOperationStore() };

/** GET /links/bulk/{operationId} (tenant): a bulk operation's status and progress. */
export const handler = httpRoute(
  { access: 'tenant', params: bulkParams },
  async ({ tenant, params }) => ({
    status: 200,
    json: await getBulkAction(deps, tenant, params.operationId),
  })
);
