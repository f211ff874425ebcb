import { statusOf } from '../../adapters/http/error-response.js';
import type { RouteResult } from '../../adapters/http/route.js';
import type { Logger } from '../../adapters/observability/logger.js';
import type { CreateAdOutcome } from '../../core/ads/create.js';

/**
 * How ad-creation outcomes become responses: 201 / 200 (replay) with the operation, or a failed
 * operation's report under its error's status (from the shared mapping). Errors that mean "come back
 * later" (503, 409 in progress, 429) are thrown and mapped, Retry-After included, by the shared mapping.
 */

/** 201 created (200 on replay, marked Idempotent-Replayed), or the failure report with its status. */
const outcomeResponse = (outcome: CreateAdOutcome, linkId: string, log: Logger): RouteResult => {
  const replay: Record<string, string> = outcome.replayed ? { 'idempotent-replayed': 'true' } : {};
  if (outcome.kind === 'failed') {
    if (!outcome.replayed) {
      log.warn('ad creation failed', {
        operationId: outcome.operation.operationId,
        errorCode: outcome.error.code,
        cleanedUp: outcome.operation.cleanedUp,
        leftBehind: outcome.operation.leftBehind,
      });
    }
    return { status: statusOf(outcome.error), json: outcome.operation, headers: replay };
  }
  return {
    status: outcome.replayed ? 200 : 201,
    json: outcome.operation,
    headers: { location: `/links/${linkId}/ads/${outcome.operation.operationId}`, ...replay },
  };
};

export { outcomeResponse };
