import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LinkAdOperations } from '../../core/linking/ports.js';
import { addDays, type StatsDay } from '../../core/stats/model.js';
import type { StatsStore } from '../../core/stats/ports.js';
import { epochSeconds } from '../../core/time.js';
import { batchWriteAll } from './batch.js';
import { queryAll } from './query.js';
import { conditionalWrite } from './writes.js';

/**
 * Message statistics in their own table (functions/adapters/dynamodb/tables.ts `messageStats`):
 * - `LINK#<tenantId>#<linkId>` / `DAY#<yyyy-mm-dd>`: one link's figures for one UTC day, also in the
 *   sparse `byTenant` index under (`tenantId`, `<day>#<linkId>`) for the tenant-wide rollup.
 * - `LINK#<tenantId>#<linkId>` / `PULLED`: the last day a pull stored, where the next one resumes.
 * Every day expires (TTL) a little after Meta's one-year lookback, when no range may ask for it.
 */

const RETENTION_DAYS = 400;

const linkPk = (tenantId: string, linkId: string) => `LINK#${tenantId}#${linkId}`;
const DAY_PREFIX = 'DAY#';
const PULLED_SK = 'PULLED';

const toDay = (item: Record<string, unknown>): StatsDay => ({
  day: String(item.day),
  sent: Number(item.sent ?? 0),
  delivered: Number(item.delivered ?? 0),
  byCategory: (item.byCategory ?? {}) as StatsDay['byCategory'],
  cost: typeof item.cost === 'number' ? item.cost : null,
  currency: typeof item.currency === 'string' ? item.currency : null,
  ads: (item.ads ?? null) as StatsDay['ads'],
  adCurrency: typeof item.adCurrency === 'string' ? item.adCurrency : null,
});

const createStatsStore = (client: DynamoDBDocumentClient, tableName: string): StatsStore => ({
  pulledThrough: async (tenantId, linkId) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: linkPk(tenantId, linkId), sk: PULLED_SK },
        ConsistentRead: true,
      })
    );
    return typeof Item?.pulledThrough === 'string' ? Item.pulledThrough : undefined;
  },

  saveDays: async (tenantId, linkId, days, pulledThrough) => {
    const pk = linkPk(tenantId, linkId);
    await batchWriteAll(
      client,
      tableName,
      days.map((day) => ({
        PutRequest: {
          // null stays an explicit null: a cost Meta did not report is not a 0.
          Item: {
            pk,
            sk: `${DAY_PREFIX}${day.day}`,
            tenantId,
            linkId,
            tenantDay: `${day.day}#${linkId}`,
            ...day,
            expiresAt: epochSeconds(new Date(`${addDays(day.day, RETENTION_DAYS)}T00:00:00Z`)),
          },
        },
      }))
    );
    // Forward only: a late continuation of an older chunk must not send the next pull back.
    await conditionalWrite(client, {
      Put: {
        TableName: tableName,
        Item: { pk, sk: PULLED_SK, pulledThrough },
        ConditionExpression: 'attribute_not_exists(pulledThrough) OR pulledThrough < :day',
        ExpressionAttributeValues: { ':day': pulledThrough },
      },
    });
  },

  linkDays: async (tenantId, linkId, since, until) =>
    (
      await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': linkPk(tenantId, linkId),
          ':from': `${DAY_PREFIX}${since}`,
          ':to': `${DAY_PREFIX}${until}`,
        },
        ConsistentRead: true,
      })
    ).map(toDay),

  tenantDays: async (tenantId, since, until, maxItems) => {
    const days: (StatsDay & { linkId: string })[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'byTenant',
          KeyConditionExpression: 'tenantId = :tenant AND tenantDay BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':tenant': tenantId,
            ':from': `${since}#`,
            // '~' sorts after every link id character.
            ':to': `${until}#~`,
          },
          ExclusiveStartKey: start,
        })
      );
      for (const item of page.Items ?? [])
        days.push({ ...toDay(item), linkId: String(item.linkId) });
      if (days.length > maxItems) return 'too_many';
      start = page.LastEvaluatedKey;
    } while (start);
    return days;
  },
});

/**
 * Unlink and Meta's deauthorize and data-deletion callbacks remove a link's statistics with it: every
 * day and the pull marker, one partition. Answers how many days went.
 */
const createLinkStatsRemoval = (
  client: DynamoDBDocumentClient,
  tableName: string
): LinkAdOperations => ({
  removeForLink: async (tenantId, linkId) => {
    const items = await queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': linkPk(tenantId, linkId) },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    await batchWriteAll(
      client,
      tableName,
      items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } }))
    );
    return items.filter((item) => String(item.sk).startsWith(DAY_PREFIX)).length;
  },
});

export { createLinkStatsRemoval, createStatsStore };
