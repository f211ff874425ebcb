import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../functions/adapters/observability/logger.js';
import type { AdOperationView } from '../../../../functions/core/ads/operation.js';
import { PermissionError } from '../../../../functions/core/errors.js';
import { outcomeResponse } from '../../../../functions/http/ads/respond.js';

const failedOperation: AdOperationView = {
  operationId: 'adop_0123456789abcdef0123456789abcdef',
  idempotencyKey: 'key-00000001',
  linkId: 'lnk_1',
  status: 'failed',
  adAccountId: 'act_1',
  adStatus: 'PAUSED',
  created: {},
  notes: [],
  error: { code: 'ads_permission_missing', message: 'The grant lacks ads_management.' },
  cleanedUp: [],
  leftBehind: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('Function: outcomeResponse', () => {
  it("logs a failed ad's error code under errorCode, with its status", () => {
    // Prepare
    const lines: string[] = [];
    const log = createLogger({}, 'debug', (line) => lines.push(line));
    const error = new PermissionError(
      'The grant lacks ads_management.',
      undefined,
      'ads_permission_missing'
    );

    // Act
    const result = outcomeResponse(
      { kind: 'failed', replayed: false, operation: failedOperation, error },
      'lnk_1',
      log
    );

    // Assess
    expect(result.status).toBe(403);
    const entry = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({
      message: 'ad creation failed',
      errorCode: 'ads_permission_missing',
      operationId: failedOperation.operationId,
    });
    expect(entry).not.toHaveProperty('code');
  });
});
