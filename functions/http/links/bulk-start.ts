import { httpRoute } from '../../adapters/http/route.js';
import { bulkDeps, quotaCounter } from '../../adapters/wiring/shared.js';
import { startBulkAction } from '../../core/sync/bulk.js';
import { linksBulkStartRoute } from './routes.js';
import { toLinkFilter } from './schemas.js';

const deps = bulkDeps();

/**
 * POST /links/bulk (tenant) `{ action, filter, overwrite? }`: resumes, or turns sync on or off for,
 * every link that passes the filter, as a queued job; 202 with the operation to poll.
 */
export const handler = httpRoute(
  { ...linksBulkStartRoute, quotaCounter: quotaCounter() },
  async ({ tenant, body }) => {
    const operation = await startBulkAction(deps, tenant, {
      action: body.action,
      filter: toLinkFilter(body.filter),
      ...(body.overwrite !== undefined ? { overwrite: body.overwrite } : {}),
    });
    return {
      status: 202,
      json: operation,
      headers: { location: `/links/bulk/${operation.operationId}` },
    };
  }
);
