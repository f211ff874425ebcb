import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../core/errors.js';
import type { SyncLease, SyncStateRepository } from '../../core/sync/ports.js';
import type { SyncRecord } from '../../core/sync/state.js';
import { isConditionalCheckFailed } from './errors.js';
import { stripKeys, syncStateKey } from './keys.js';
import { conditionalWrite } from './writes.js';

/**
 * Sync's items in the links table, beside the link they belong to:
 * `TENANT#<tenantId>` / `SYNC#<linkId>`: the baseline last written, when the Page was last read, the
 * last result, the writes Meta did not answer, and while a run is under way its lease. The item carries no `pageId`, `metaUserId` or
 * `shard`, so it never appears in the links table's indexes.
 */

/** Condition fragments, named for what they guarantee. */
/** The lease is free: never taken, released, or expired (a crashed run cannot block a link). */
const LEASE_FREE = 'attribute_not_exists(#lease) OR #lease.#until < :now';
/** Only the run holding the lease may store its outcome. */
const LEASE_MINE = '#lease.#owner = :owner';
/** Time only moves forward: an older Page snapshot never replaces a newer one. */
const NEWER_OBSERVATION = 'attribute_not_exists(lastObservedAt) OR lastObservedAt < :observedAt';

const toRecord = (item: Record<string, unknown>): SyncRecord => {
  const { lease: _lease, ...rest } = stripKeys(item);
  return rest as unknown as SyncRecord;
};

/**
 * The sync state repository.
 *
 * @example
 * const state = createSyncStateRepository(dynamoDocumentClient(), config.LINKS_TABLE);
 */
const createSyncStateRepository = (
  client: DynamoDBDocumentClient,
  tableName: string
): SyncStateRepository => {
  /** Updates guarded by the caller's lease; a lost lease means another run took over: no-op. */
  const ifLeaseMine = async (run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  };

  return {
    get: async (tenantId, linkId) => {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: syncStateKey(tenantId, linkId),
          ConsistentRead: true,
        })
      );
      return Item ? toRecord(Item) : undefined;
    },

    acquire: async (tenantId, linkId, lease: SyncLease, now) => {
      const taken = await conditionalWrite(client, {
        Update: {
          TableName: tableName,
          Key: syncStateKey(tenantId, linkId),
          UpdateExpression: 'SET #lease = :lease, kind = :kind, tenantId = :tenant, linkId = :link',
          ConditionExpression: LEASE_FREE,
          ExpressionAttributeNames: { '#lease': 'lease', '#until': 'until' },
          ExpressionAttributeValues: {
            ':lease': lease,
            ':now': now,
            ':kind': 'sync',
            ':tenant': tenantId,
            ':link': linkId,
          },
          ReturnValues: 'ALL_NEW',
        },
      });
      if (!taken.written) {
        // The lease another run holds came back with the refusal, already as plain values.
        const held = taken.existing?.lease as SyncLease | undefined;
        if (!held) throw new Error(`The sync lease of link ${linkId} was refused but not held`);
        return { acquired: false, lease: held };
      }
      const record = taken.attributes ? toRecord(taken.attributes) : undefined;
      // A record that only ever held a lease has nothing to say yet.
      return {
        acquired: true,
        record: record?.lastObservedAt || record?.lastWritten ? record : undefined,
      };
    },

    complete: async (record, owner) => {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...syncStateKey(record.tenantId, record.linkId), kind: 'sync', ...record },
            ConditionExpression: `${LEASE_MINE} AND (${NEWER_OBSERVATION})`,
            ExpressionAttributeNames: { '#lease': 'lease', '#owner': 'owner' },
            ExpressionAttributeValues: {
              ':owner': owner,
              ':observedAt': record.lastObservedAt ?? '',
            },
          })
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        throw new ConflictError(
          `A newer sync of link ${record.linkId} was stored first; this run's result was dropped.`,
          { linkId: record.linkId },
          'sync_superseded',
          { cause: error }
        );
      }
    },

    recordUnconfirmed: async (tenantId, linkId, writes, owner) => {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: syncStateKey(tenantId, linkId),
            UpdateExpression:
              writes.length > 0 ? 'SET unconfirmed = :writes' : 'REMOVE unconfirmed',
            ConditionExpression: LEASE_MINE,
            ExpressionAttributeNames: { '#lease': 'lease', '#owner': 'owner' },
            ExpressionAttributeValues: {
              ':owner': owner,
              ...(writes.length > 0 ? { ':writes': writes } : {}),
            },
          })
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        throw new ConflictError(
          `Another sync of link ${linkId} took over; this run sends nothing.`,
          { linkId },
          'sync_superseded',
          { cause: error }
        );
      }
    },

    finish: (tenantId, linkId, result, owner) =>
      ifLeaseMine(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: syncStateKey(tenantId, linkId),
            UpdateExpression: 'SET lastResult = :result REMOVE #lease',
            ConditionExpression: LEASE_MINE,
            ExpressionAttributeNames: { '#lease': 'lease', '#owner': 'owner' },
            ExpressionAttributeValues: { ':result': result, ':owner': owner },
          })
        )
      ),

    release: (tenantId, linkId, owner) =>
      ifLeaseMine(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: syncStateKey(tenantId, linkId),
            UpdateExpression: 'REMOVE #lease',
            ConditionExpression: LEASE_MINE,
            ExpressionAttributeNames: { '#lease': 'lease', '#owner': 'owner' },
            ExpressionAttributeValues: { ':owner': owner },
          })
        )
      ),

    forgetPicture: async (tenantId, linkId) => {
      // A refused condition is a link never synced: no baseline, nothing to forget.
      await conditionalWrite(client, {
        Update: {
          TableName: tableName,
          Key: syncStateKey(tenantId, linkId),
          UpdateExpression: 'REMOVE lastWritten.pictureSha256',
          // No item to create for a link never synced.
          ConditionExpression: 'attribute_exists(lastWritten)',
        },
      });
    },

    adoptBaseline: async (tenantId, linkId, baseline) => {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: syncStateKey(tenantId, linkId),
          UpdateExpression: baseline
            ? 'SET lastWritten = :baseline, kind = :kind, tenantId = :tenant, linkId = :link'
            : 'REMOVE lastWritten',
          ExpressionAttributeValues: baseline
            ? { ':baseline': baseline, ':kind': 'sync', ':tenant': tenantId, ':link': linkId }
            : undefined,
        })
      );
    },
  };
};

export { createSyncStateRepository };
