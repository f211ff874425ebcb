import { setTimeout as sleep } from 'node:timers/promises';
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BaselineSource } from '../../core/reconcile/ports.js';
import type { WrittenProfile } from '../../core/sync/plan.js';
import { SYNC_PREFIX, syncStateKey } from './keys.js';

/** BatchGetItem reads at most 100 keys; unprocessed keys are asked for again with backoff. */
const BATCH_GET_MAX = 100;
const MAX_ATTEMPTS = 8;

/**
 * The sync baselines (what Tandem last wrote to each link's WhatsApp profile), read for a whole page
 * of links in one BatchGetItem from the sync-state items (`TENANT#<t>` / `SYNC#<linkId>`, attribute
 * `lastWritten`) that sync writes. Eventually consistent: half the read cost, and a baseline written
 * a moment ago only makes the reconciler see a change sync is already handling.
 */
const createBaselineSource = (
  client: DynamoDBDocumentClient,
  tableName: string
): BaselineSource => ({
  lastWritten: async (links) => {
    const found = new Map<string, WrittenProfile>();
    for (let start = 0; start < links.length; start += BATCH_GET_MAX) {
      let keys: Record<string, unknown>[] = links
        .slice(start, start + BATCH_GET_MAX)
        .map((link) => syncStateKey(link.tenantId, link.linkId));
      for (let attempt = 1; keys.length > 0; attempt += 1) {
        const result = await client.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: {
                Keys: keys,
                ProjectionExpression: 'sk, lastWritten',
              },
            },
          })
        );
        for (const item of result.Responses?.[tableName] ?? []) {
          const linkId = String(item.sk).slice(SYNC_PREFIX.length);
          if (item.lastWritten) found.set(linkId, item.lastWritten as WrittenProfile);
        }
        keys = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
        if (keys.length === 0) break;
        if (attempt >= MAX_ATTEMPTS) {
          throw new Error(`DynamoDB left ${keys.length} sync baselines unread`);
        }
        await sleep(Math.random() * Math.min(2_000, 50 * 2 ** attempt));
      }
    }
    return found;
  },
});

export { createBaselineSource };
