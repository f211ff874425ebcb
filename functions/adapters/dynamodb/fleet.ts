import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mapConcurrently } from '../../core/batching.js';
import type { InstagramAccount, Link } from '../../core/linking/model.js';
import type { LinkDriftWriter } from '../../core/reconcile/ports.js';
import { type FleetReader, type LastSyncReader, matchesFilter } from '../../core/sync/fleet.js';
import type { SyncRecord } from '../../core/sync/state.js';
import { batchGetAll } from './batch.js';
import { isConditionalCheckFailed } from './errors.js';
import {
  decodeCursor,
  encodeCursor,
  LINK_PREFIX,
  linkKey,
  pageGuardKey,
  stripKeys,
  syncStateKey,
  tenantPk,
} from './keys.js';

/**
 * Fleet reads over the links table.
 *
 * Access design: one Query of the tenant's own partition (`TENANT#<id>`, `begins_with(sk, LINK#)`),
 * the filter applied to each page as it is read; no Scan, no index per state. Why not a sparse GSI
 * per state (paused, a pause reason, a drift class): the filters combine (status x sync x drift), so
 * one index per combination or a filter on the index anyway; drift classes change with every
 * reconcile run, and each change would be an index write on top of the item's; and the set a
 * client asks for is often most of the fleet (sync on, in sync), where an index saves nothing. The
 * cost of reading the partition: a Query bills the items it reads, filtered or not, at 0.5 read
 * request units per 4 KB (eventually consistent). A link item is about 1.5 KB, so a tenant of
 * 5,000 links is about 7.5 MB, about 940 RRU for a full walk: a summary, a bulk action, or a filter
 * that matches little. At on-demand prices ($0.125 per million RRU in us-east-1) that is about
 * $0.0001 per walk; what bounds it is latency (about 8 pages of 1 MB), so a request reads at most
 * MAX_READ_PER_REQUEST items and hands back a cursor. A Page id is answered exactly from its
 * uniqueness guard (`PAGE#<id>`), two GetItems whatever the fleet's size.
 */

/** Items read per Query page while filtering: small enough to stop soon after `limit` matches. */
const READ_PAGE = 200;
/**
 * Items one request reads at most (about 3 MB, under a second): a filter matching few links answers
 * a short page with a cursor rather than walking thousands of items in one request.
 */
const MAX_READ_PER_REQUEST = 2000;

const toLink = (item: Record<string, unknown>): Link => stripKeys(item) as unknown as Link;

const createFleetReader = (client: DynamoDBDocumentClient, tableName: string): FleetReader => {
  const linkOfPage = async (tenantId: string, pageId: string): Promise<Link | undefined> => {
    const guard = await client.send(
      new GetCommand({ TableName: tableName, Key: pageGuardKey(pageId), ConsistentRead: true })
    );
    // Another tenant's Page is reported as no link at all.
    if (!guard.Item || guard.Item.tenantId !== tenantId) return undefined;
    const link = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: linkKey(tenantId, String(guard.Item.linkId)),
        ConsistentRead: true,
      })
    );
    return link.Item ? toLink(link.Item) : undefined;
  };

  const queryPage = (tenantId: string, start: Record<string, unknown> | undefined, limit: number) =>
    client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': LINK_PREFIX },
        Limit: limit,
        ExclusiveStartKey: start,
      })
    );

  return {
    listWhere: async (tenantId, filter, { limit, cursor }) => {
      const pk = tenantPk(tenantId);
      const start = decodeCursor(cursor, pk, LINK_PREFIX);
      if (filter.pageId !== undefined) {
        // One Page is in one link at most: the whole answer fits on the first page.
        if (start) return { items: [] };
        const link = await linkOfPage(tenantId, filter.pageId);
        return { items: link && matchesFilter(link, filter) ? [link] : [] };
      }
      const items: Link[] = [];
      let from: Record<string, unknown> | undefined = start;
      let read = 0;
      while (read < MAX_READ_PER_REQUEST) {
        const page = await queryPage(
          tenantId,
          from,
          Math.min(READ_PAGE, MAX_READ_PER_REQUEST - read)
        );
        const found = page.Items ?? [];
        read += found.length;
        for (const item of found) {
          const link = toLink(item);
          if (!matchesFilter(link, filter)) continue;
          items.push(link);
          if (items.length === limit) {
            // The cursor names the last link answered: the next page starts right after it.
            return { items, nextCursor: encodeCursor(linkKey(tenantId, link.linkId)) as string };
          }
        }
        from = page.LastEvaluatedKey;
        if (!from) return { items };
      }
      return { items, nextCursor: encodeCursor(from) as string };
    },

    forEachLink: async (tenantId, visit) => {
      let from: Record<string, unknown> | undefined;
      do {
        const page = await queryPage(tenantId, from, 1000);
        visit((page.Items ?? []).map(toLink));
        from = page.LastEvaluatedKey;
      } while (from);
    },
  };
};

/** The last sync result of a page of links: one BatchGetItem of their sync state items. */
const createLastSyncReader = (
  client: DynamoDBDocumentClient,
  tableName: string
): LastSyncReader => ({
  lastResults: async (tenantId, linkIds) => {
    const items = await batchGetAll(
      client,
      tableName,
      linkIds.map((linkId) => syncStateKey(tenantId, linkId)),
      { ProjectionExpression: 'linkId, lastResult' }
    );
    const results = new Map();
    for (const item of items) {
      const result = (item as Partial<SyncRecord>).lastResult;
      if (!result) continue;
      results.set(String(item.linkId), {
        outcome: result.outcome,
        at: result.at,
        ...(result.reason ? { reason: result.reason } : {}),
      });
    }
    return results;
  },
});

/** Link items written at once by one reconcile page. */
const DRIFT_WRITES_IN_FLIGHT = 10;

/**
 * Writes the reconciler's latest drift class onto link items. Conditioned on the link still being
 * there (never resurrects an unlinked one) and on no later run having written already (run ids sort
 * by start time), so a redelivered or slow page never puts an older class back.
 */
/** Updates link items a few at a time; one whose condition fails (gone, or newer) is skipped. */
const updateLinks = async <E extends { tenantId: string; linkId: string }>(
  client: DynamoDBDocumentClient,
  tableName: string,
  entries: readonly E[],
  updateOf: (entry: E) => Omit<UpdateCommandInput, 'TableName' | 'Key'>
): Promise<void> => {
  await mapConcurrently(entries, DRIFT_WRITES_IN_FLIGHT, async (entry: E) => {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: linkKey(entry.tenantId, entry.linkId),
          ...updateOf(entry),
        })
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  });
};

/**
 * The Instagram account the reconciler read replaces the stored one, or removes it when the Page has
 * none now; conditioned on the link still being there.
 */
const instagramUpdate = (account: InstagramAccount | undefined) => {
  const names = { '#id': 'instagramAccountId', '#name': 'instagramUsername' };
  const exists = { ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeNames: names };
  if (!account) return { ...exists, UpdateExpression: 'REMOVE #id, #name' };
  return account.username
    ? {
        ...exists,
        UpdateExpression: 'SET #id = :id, #name = :name',
        ExpressionAttributeValues: { ':id': account.id, ':name': account.username },
      }
    : {
        ...exists,
        UpdateExpression: 'SET #id = :id REMOVE #name',
        ExpressionAttributeValues: { ':id': account.id },
      };
};

const createLinkDriftWriter = (
  client: DynamoDBDocumentClient,
  tableName: string
): LinkDriftWriter => ({
  record: (entries) =>
    updateLinks(client, tableName, entries, (entry) => ({
      UpdateExpression: 'SET #drift = :drift',
      ConditionExpression:
        'attribute_exists(pk) AND (attribute_not_exists(#drift) OR #drift.runId <= :runId)',
      ExpressionAttributeNames: { '#drift': 'drift' },
      ExpressionAttributeValues: { ':drift': entry.drift, ':runId': entry.drift.runId },
    })),
  instagram: (entries) =>
    updateLinks(client, tableName, entries, (entry) => instagramUpdate(entry.account)),
});

export { createFleetReader, createLastSyncReader, createLinkDriftWriter, MAX_READ_PER_REQUEST };
