import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BaselineSource, SyncBaseline } from '../../core/reconcile/ports.js';
import { batchGetAll } from './batch.js';
import { SYNC_PREFIX, syncStateKey } from './keys.js';

/**
 * The sync baselines (what Tandem last wrote to each link's WhatsApp profile, and the writes it sent
 * without seeing their outcome), read for a whole page of links with BatchGetItem from the
 * sync-state items (`TENANT#<t>` / `SYNC#<linkId>`, attributes `lastWritten` and `unconfirmed`)
 * that sync writes. Eventually consistent: half the read cost, and a baseline written
 * a moment ago only makes the reconciler see a change sync is already handling.
 */
const createBaselineSource = (
  client: DynamoDBDocumentClient,
  tableName: string
): BaselineSource => ({
  read: async (links) => {
    const items = await batchGetAll(
      client,
      tableName,
      links.map((link) => syncStateKey(link.tenantId, link.linkId)),
      { ProjectionExpression: 'sk, lastWritten, unconfirmed' }
    );
    const found = new Map<string, SyncBaseline>();
    for (const item of items) {
      const linkId = String(item.sk).slice(SYNC_PREFIX.length);
      const { lastWritten, unconfirmed } = item as SyncBaseline;
      if (lastWritten || unconfirmed) found.set(linkId, { lastWritten, unconfirmed });
    }
    return found;
  },
});

export { createBaselineSource };
