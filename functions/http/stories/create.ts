import { httpRoute } from '../../adapters/http/route.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { storyRequestDeps } from '../../adapters/wiring/stories.js';
import { requestStory } from '../../core/stories/publish.js';
import { parseIdempotencyKey } from '../ads/schemas.js';
import { storyCreateRoute } from './routes.js';

const deps = storyRequestDeps();

/**
 * POST /links/{linkId}/stories (tenant, Idempotency-Key required): queues one story to the link's
 * Facebook Page and Instagram account. 202 with the operation; 200 when the key replays it.
 */
export const handler = httpRoute(
  { ...storyCreateRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, body, headers }) => {
    const key = parseIdempotencyKey(headers['idempotency-key']);
    const { replayed, operation } = await requestStory(deps, tenant, params.linkId, key, body);
    return {
      status: replayed ? 200 : 202,
      json: operation,
      headers: {
        location: `/links/${params.linkId}/stories/${operation.operationId}`,
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      },
    };
  }
);
