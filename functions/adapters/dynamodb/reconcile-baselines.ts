import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BaselineSource } from '../../core/reconcile/ports.js';
import type { WrittenProfile } from '../../core/sync/plan.js';
import { batchGetAll } from './batch.js';
import { SYNC_PREFIX, syncStateKey } from './keys.js';

/**
 * The sync baselines (what Tandem last wrote to each link's WhatsApp profile), read for a whole page
 * of links with BatchGetItem from the sync-state items (`TENANT#<t>` / `SYNC#<linkId>`, attribute
 * `lastWritten`) that sync writes. Eventually consistent: half the read cost, and a baseline written
 * a moment ago only makes the reconciler see a change sync is already handling.
 */
const createBaselineSource = (
  client: DynamoDBDocumentClient,
  tableName: string
): BaselineSource => ({
  lastWritten: async (links) => {
    const items = await batchGetAll(
      client,
      tableName,
      links.map((link) => syncStateKey(link.tenantId, link.linkId)),
      { ProjectionExpression: 'sk, lastWritten' }
    );
    const found = new Map<string, WrittenProfile>();
    for (const item of items) {
      const linkId = String(item.sk).slice(SYNC_PREFIX.length);
      if (item.lastWritten) found.set(linkId, item.lastWritten as WrittenProfile);
    }
    return found;
  },
});

export { createBaselineSource };
