import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  LockResult,
  ReconcileRunStore,
  RunSummary,
  ShardLink,
  ShardLinkSource,
} from '../../core/reconcile-run.js';

/**
 * The reconcile run in the drift-reports table:
 * - `LOCK` / `RECONCILE`: the run lock, held by one run until it completes or its lease runs out.
 * - `RUN#<runId>` / `SUMMARY`: the run summary, to which every shard adds its counts.
 * - `RUN#<runId>` / `SHARD#<n>`: one marker per shard, written in the same transaction as the counts,
 *   so a redelivered shard job cannot count twice.
 */
const LOCK_KEY = { pk: 'LOCK', sk: 'RECONCILE' } as const;
const summaryKey = (runId: string) => ({ pk: `RUN#${runId}`, sk: 'SUMMARY' });
const shardKey = (runId: string, shard: number) => ({ pk: `RUN#${runId}`, sk: `SHARD#${shard}` });

const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error &&
    (error.name === 'ConditionalCheckFailedException' ||
      (error.name === 'TransactionCanceledException' &&
        error.message.includes('ConditionalCheckFailed'))));

const toSummary = (item: Record<string, unknown>): RunSummary => {
  const { pk: _pk, sk: _sk, ...summary } = item;
  return summary as unknown as RunSummary;
};

const createReconcileRunStore = (
  client: DynamoDBDocumentClient,
  tableName: string,
  retentionDays: number
): ReconcileRunStore => ({
  acquireLock: async (runId, now, leaseUntil): Promise<LockResult> => {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...LOCK_KEY,
            runId,
            acquiredAt: now.toISOString(),
            leaseUntil: epochSeconds(leaseUntil),
            // TTL cleans up a lock whose run crashed, long after the lease stopped mattering.
            expiresAt: epochSeconds(leaseUntil) + 86_400,
          },
          // Free, or held by a run whose lease has run out (it crashed or stalled).
          ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil < :now',
          ExpressionAttributeValues: { ':now': epochSeconds(now) },
        })
      );
      return { acquired: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const held = await client.send(
        new GetCommand({ TableName: tableName, Key: LOCK_KEY, ConsistentRead: true })
      );
      return {
        acquired: false,
        heldBy: String(held.Item?.runId ?? 'unknown'),
        leaseUntil: new Date(Number(held.Item?.leaseUntil ?? 0) * 1000).toISOString(),
      };
    }
  },

  releaseLock: async (runId) => {
    try {
      await client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: LOCK_KEY,
          // Only the holder releases: a run whose lease was taken over must not free the new run's lock.
          ConditionExpression: 'runId = :runId',
          ExpressionAttributeValues: { ':runId': runId },
        })
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },

  createSummary: async (summary) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...summaryKey(summary.runId), ...summary },
        ConditionExpression: 'attribute_not_exists(pk)',
      })
    );
  },

  recordShard: async (runId, shard, counts, now) => {
    const driftNames = Object.keys(counts.drift);
    const names: Record<string, string> = { '#drift': 'drift' };
    const values: Record<string, unknown> = {
      ':links': counts.linksChecked,
      ':one': 1,
    };
    // ADD only works on top-level attributes; nested drift counters are incremented with SET.
    const sets = driftNames.map((name, index) => {
      names[`#d${index}`] = name;
      values[`:d${index}`] = counts.drift[name as keyof typeof counts.drift];
      return `#drift.#d${index} = if_not_exists(#drift.#d${index}, :zero) + :d${index}`;
    });
    if (sets.length > 0) values[':zero'] = 0;
    const update = `${sets.length > 0 ? `SET ${sets.join(', ')} ` : ''}ADD linksChecked :links, shardsDone :one`;
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: {
                  ...shardKey(runId, shard),
                  ...counts,
                  recordedAt: now.toISOString(),
                  expiresAt: epochSeconds(now) + retentionDays * 86_400,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: summaryKey(runId),
                UpdateExpression: update,
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeNames: sets.length > 0 ? names : undefined,
                ExpressionAttributeValues: values,
              },
            },
          ],
        })
      );
    } catch (error) {
      // Already recorded (a redelivery) or the run is gone: either way, report what is stored.
      if (!isConditionFailure(error)) throw error;
    }
    const stored = await client.send(
      new GetCommand({ TableName: tableName, Key: summaryKey(runId), ConsistentRead: true })
    );
    return stored.Item ? toSummary(stored.Item) : undefined;
  },

  finishRun: async (runId, status, at, reason) => {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: summaryKey(runId),
          UpdateExpression:
            reason === undefined
              ? 'SET #status = :status, finishedAt = :at'
              : 'SET #status = :status, finishedAt = :at, failureReason = :reason',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': status,
            ':at': at.toISOString(),
            ':running': 'running',
            ...(reason === undefined ? {} : { ':reason': reason }),
          },
        })
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },
});

/** The links of one shard, from the sparse `byShard` index of the links table. */
const createShardLinkSource = (
  client: DynamoDBDocumentClient,
  tableName: string,
  indexName = 'byShard'
): ShardLinkSource => ({
  pages: async function* (shard) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: indexName,
          KeyConditionExpression: '#shard = :shard',
          ExpressionAttributeNames: { '#shard': 'shard' },
          ExpressionAttributeValues: { ':shard': shard },
          ExclusiveStartKey: startKey,
        })
      );
      yield (page.Items ?? []) as ShardLink[];
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  },
});

export { createReconcileRunStore, createShardLinkSource };
