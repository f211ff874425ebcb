import { httpRoute } from '../../adapters/http/route.js';
import { adCreateDeps } from '../../adapters/wiring/ads.js';
import { quotaCounter } from '../../adapters/wiring/shared.js';
import { createClickToWhatsAppAd } from '../../core/ads/create.js';
import { outcomeResponse } from './respond.js';
import { adCreateRoute } from './routes.js';
import { parseIdempotencyKey } from './schemas.js';

const deps = adCreateDeps();

/**
 * POST /links/{linkId}/ads (tenant, Idempotency-Key required): creates a Click-to-WhatsApp ad.
 * 201 created, 200 replay, 4xx refused or failed (with what exists), 409/429/503 + Retry-After.
 */
export const handler = httpRoute(
  { ...adCreateRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, body, headers, log, remainingMs }) => {
    const key = parseIdempotencyKey(headers['idempotency-key']);
    const outcome = await createClickToWhatsAppAd(deps, tenant, params.linkId, key, body, {
      remainingMs,
    });
    return outcomeResponse(outcome, params.linkId, log);
  }
);
