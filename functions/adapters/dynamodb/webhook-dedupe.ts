import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { WebhookDedupe } from '../../core/sync/ports.js';
import { epochSeconds } from '../../core/time.js';
import { batchGetAll, batchWriteAll } from './batch.js';

/** Meta retries a failed delivery for days; a week outlasts that (TTL deletion lags anyway). */
const WEBHOOK_DEDUPE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Webhook de-duplication in the idempotency table: one item per change, read with consistent
 * BatchGetItem and written with BatchWriteItem, so a 1,000-entry delivery costs ten reads and forty
 * writes instead of a thousand conditional puts. An expired key that TTL has not deleted yet counts as
 * absent (TTL is best effort). Two deliveries of one change processed at the same moment may both
 * enqueue it; sync jobs are idempotent, and a lost change would be worse than a duplicate run.
 */
const createWebhookDedupe = (
  client: DynamoDBDocumentClient,
  tableName: string,
  now: () => Date = () => new Date()
): WebhookDedupe => ({
  recorded: async (keys) => {
    const seconds = epochSeconds(now());
    const items = await batchGetAll(
      client,
      tableName,
      [...new Set(keys)].map((id) => ({ id })),
      { ConsistentRead: true, ProjectionExpression: 'id, expiration' }
    );
    return new Set(
      items.filter((item) => Number(item.expiration) >= seconds).map((item) => String(item.id))
    );
  },
  record: async (keys) => {
    const expiration = epochSeconds(now()) + WEBHOOK_DEDUPE_TTL_SECONDS;
    await batchWriteAll(
      client,
      tableName,
      [...new Set(keys)].map((id) => ({
        PutRequest: { Item: { id, kind: 'webhook', expiration } },
      }))
    );
  },
});

export { createWebhookDedupe };
