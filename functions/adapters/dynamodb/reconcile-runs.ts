import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { LINK_ID } from '../../core/linking/model.js';
import { HEALTH_STATUSES, META_LINK_STATES } from '../../core/linking/whatsapp-side.js';
import {
  expiryFor,
  type RunCounts,
  type RunScope,
  type RunSummary,
  type ShardCheckpoint,
} from '../../core/reconcile/model.js';
import type {
  LinkPageSource,
  LockName,
  LockState,
  ReconcileRunStore,
  SourcedLink,
} from '../../core/reconcile/ports.js';
import { epochSeconds } from '../../core/time.js';
import * as z from '../../core/zod.js';
import { cancellationCodes, isConditionalCheckFailed } from './errors.js';
import { encodeCursor, LINK_PREFIX, linkKey, stripKeys, tenantPk } from './keys.js';
import { queryAllPrefix } from './query.js';
import { transactWrite } from './writes.js';

/**
 * Reconcile runs in the drift-reports table:
 * - `LOCK` / `RECONCILE`: the scheduled runs' lock; `LOCK` / `RECONCILE#TENANT#<t>`: a tenant's
 *   on-demand runs' lock, kept after the run as a cool-down. Held by one run, with a lease.
 * - `RUN#<runId>` / `SUMMARY`: the run summary, to which every committed page adds its counts.
 * - `RUN#<runId>` / `SHARD#<nnnn>`: the shard's checkpoint (next page, its cursor, done), advanced
 *   in the same transaction as the counts, conditionally on the page it expects.
 * - `RUNS#ALL` / `RUN#<runId>` and `RUNS#TENANT#<t>` / `RUN#<runId>`: the run index ("latest").
 * Every item carries `expiresAt` (epoch seconds) for TTL.
 */

const LOCK_PK = 'LOCK';
/**
 * Tries at a page commit that only lost a race on the run summary (up to 16+ shards at once): more
 * than a transaction's default, about 7 s of waiting at most under the shared backoff.
 */
const SUMMARY_CONFLICT_ATTEMPTS = 8;
const lockKey = (lock: LockName) => ({
  pk: LOCK_PK,
  sk: lock.kind === 'all' ? 'RECONCILE' : `RECONCILE#TENANT#${lock.tenantId}`,
});
const runPk = (runId: string) => `RUN#${runId}`;
const summaryKey = (runId: string) => ({ pk: runPk(runId), sk: 'SUMMARY' });
const SHARD_PREFIX = 'SHARD#';
const shardKey = (runId: string, shard: number) => ({
  pk: runPk(runId),
  sk: `${SHARD_PREFIX}${String(shard).padStart(4, '0')}`,
});
/** Where runs are listed newest-last: scheduled runs together, each tenant's on-demand runs apart. */
const runIndexPk = (scope: RunScope) =>
  scope.kind === 'all' ? 'RUNS#ALL' : `RUNS#TENANT#${scope.tenantId}`;
const runIndexKey = (summary: Pick<RunSummary, 'runId' | 'scope'>) => ({
  pk: runIndexPk(summary.scope),
  sk: `RUN#${summary.runId}`,
});

/** A lock outlives its lease by a day before TTL removes it (a crashed run's lock). */
const LOCK_TTL_EXTRA_SECONDS = 86_400;

/**
 * The WhatsApp-side counters are flat attributes (`metaLink_linked`, `health_BLOCKED`) added with
 * ADD, which creates a missing attribute: a run created before they existed still takes them.
 */
const FLAT_COUNTS = [
  { map: 'metaLink', names: META_LINK_STATES },
  { map: 'health', names: HEALTH_STATUSES },
] as const;

const toSummary = (item: Record<string, unknown>): RunSummary => {
  const { pk: _pk, sk: _sk, ...summary } = item;
  for (const { map, names } of FLAT_COUNTS) {
    const counts: Record<string, number> = {};
    for (const name of names) {
      const value = summary[`${map}_${name}`];
      delete summary[`${map}_${name}`];
      if (typeof value === 'number' && value > 0) counts[name] = value;
    }
    summary[map] = counts;
  }
  summary.dailyChecks = Number(summary.dailyChecks ?? 0);
  return summary as unknown as RunSummary;
};

const toCheckpoint = (item: Record<string, unknown>): ShardCheckpoint => ({
  shard: Number(item.shard),
  nextSeq: Number(item.nextSeq ?? 0),
  ...(typeof item.cursor === 'string' ? { cursor: item.cursor } : {}),
  done: item.done === true,
});

/**
 * Counter updates: top-level numbers with ADD, drift classes nested in `drift` with SET, the
 * WhatsApp-side counters as flat attributes with ADD.
 */
const countUpdate = (counts: RunCounts, extra: Record<string, number>) => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {
    ':links': counts.linksChecked,
    ':errors': counts.errors,
    ':syncs': counts.syncsEnqueued,
  };
  const sets = Object.entries(counts.drift).map(([name, count], index) => {
    names[`#d${index}`] = name;
    values[`:d${index}`] = count;
    return `#drift.#d${index} = if_not_exists(#drift.#d${index}, :zero) + :d${index}`;
  });
  // DynamoDB refuses names and values an expression does not use.
  if (sets.length > 0) {
    names['#drift'] = 'drift';
    values[':zero'] = 0;
  }
  const adds = ['linksChecked :links', 'errors :errors', 'syncsEnqueued :syncs'];
  let flat = 0;
  for (const { map, names: counted } of FLAT_COUNTS) {
    for (const name of counted) {
      const value = (counts[map] as Partial<Record<string, number>>)[name];
      if (!value) continue;
      names[`#c${flat}`] = `${map}_${name}`;
      values[`:c${flat}`] = value;
      adds.push(`#c${flat} :c${flat}`);
      flat += 1;
    }
  }
  const added = counts.dailyChecks > 0 ? { ...extra, dailyChecks: counts.dailyChecks } : extra;
  for (const [name, value] of Object.entries(added)) {
    values[`:${name}`] = value;
    adds.push(`${name} :${name}`);
  }
  return { names, values, sets, adds };
};

/** The summary as stored: its WhatsApp-side counts live in flat attributes (FLAT_COUNTS). */
const withoutFlatMaps = (summary: RunSummary): Record<string, unknown> => {
  const { metaLink: _m, health: _h, ...rest } = summary;
  return rest;
};

/**
 * The run store over the drift-reports table.
 *
 * @example
 * const store = createReconcileRunStore(dynamoDocumentClient(), config.DRIFT_REPORTS_TABLE, 30);
 */
const createReconcileRunStore = (
  client: DynamoDBDocumentClient,
  tableName: string,
  retentionDays: number
): ReconcileRunStore => {
  const readSummary = async (runId: string): Promise<RunSummary | undefined> => {
    const stored = await client.send(
      new GetCommand({ TableName: tableName, Key: summaryKey(runId), ConsistentRead: true })
    );
    return stored.Item ? toSummary(stored.Item) : undefined;
  };

  const swallowCondition = async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      return false;
    }
  };

  return {
    readLock: async (lock): Promise<LockState | undefined> => {
      const stored = await client.send(
        new GetCommand({ TableName: tableName, Key: lockKey(lock), ConsistentRead: true })
      );
      const item = stored.Item;
      if (!item) return undefined;
      return {
        runId: String(item.runId),
        leaseUntil: new Date(Number(item.leaseUntil)),
        released: item.released === true,
      };
    },

    acquireLock: (lock, runId, now, leaseUntil) =>
      swallowCondition(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...lockKey(lock),
              runId,
              acquiredAt: now.toISOString(),
              // Milliseconds: a lease compared in seconds could be taken a second early or late.
              leaseUntil: leaseUntil.getTime(),
              expiresAt: epochSeconds(leaseUntil) + LOCK_TTL_EXTRA_SECONDS,
            },
            // Free, or its lease (or cool-down) has run out.
            ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil <= :now',
            ExpressionAttributeValues: { ':now': now.getTime() },
          })
        )
      ),

    takeOverLock: (lock, expected, leaseUntil) =>
      swallowCondition(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: lockKey(lock),
            UpdateExpression: 'SET leaseUntil = :lease, expiresAt = :expires',
            // Compare-and-set: of two starters that saw the same lapsed lease, one takes it over.
            ConditionExpression:
              'runId = :runId AND leaseUntil = :old AND attribute_not_exists(released)',
            ExpressionAttributeValues: {
              ':lease': leaseUntil.getTime(),
              ':expires': epochSeconds(leaseUntil) + LOCK_TTL_EXTRA_SECONDS,
              ':runId': expected.runId,
              ':old': expected.leaseUntil.getTime(),
            },
          })
        )
      ),

    renewLease: async (lock, runId, leaseUntil) => {
      await swallowCondition(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: lockKey(lock),
            UpdateExpression: 'SET leaseUntil = :lease, expiresAt = :expires',
            // Only the holder, and only forwards: a short renewal never undoes a deferral's long one.
            ConditionExpression:
              'runId = :runId AND attribute_not_exists(released) AND leaseUntil < :lease',
            ExpressionAttributeValues: {
              ':lease': leaseUntil.getTime(),
              ':expires': epochSeconds(leaseUntil) + LOCK_TTL_EXTRA_SECONDS,
              ':runId': runId,
            },
          })
        )
      );
    },

    releaseLock: async (lock, runId, cooldownUntil) => {
      // Only the holder releases: a run whose lease was taken over must not free the new run's lock.
      await swallowCondition(() =>
        client.send(
          cooldownUntil
            ? new UpdateCommand({
                TableName: tableName,
                Key: lockKey(lock),
                UpdateExpression: 'SET released = :true, leaseUntil = :until, expiresAt = :expires',
                ConditionExpression: 'runId = :runId',
                ExpressionAttributeValues: {
                  ':true': true,
                  ':until': cooldownUntil.getTime(),
                  ':expires': epochSeconds(cooldownUntil) + LOCK_TTL_EXTRA_SECONDS,
                  ':runId': runId,
                },
              })
            : new DeleteCommand({
                TableName: tableName,
                Key: lockKey(lock),
                ConditionExpression: 'runId = :runId',
                ExpressionAttributeValues: { ':runId': runId },
              })
        )
      );
    },

    createRun: async (summary) => {
      await transactWrite(client, {
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { ...summaryKey(summary.runId), ...withoutFlatMaps(summary) },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...runIndexKey(summary),
                runId: summary.runId,
                startedAt: summary.startedAt,
                expiresAt: summary.expiresAt,
              },
            },
          },
        ],
      });
    },

    getRun: readSummary,

    markResumed: async (runId, at) => {
      await swallowCondition(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: summaryKey(runId),
            UpdateExpression: 'SET resumedAt = :at',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':at': at.toISOString() },
          })
        )
      );
    },

    getCheckpoint: async (runId, shard) => {
      const stored = await client.send(
        new GetCommand({ TableName: tableName, Key: shardKey(runId, shard), ConsistentRead: true })
      );
      return stored.Item ? toCheckpoint(stored.Item) : undefined;
    },

    listCheckpoints: async (runId) =>
      (
        await queryAllPrefix(client, {
          tableName,
          pk: runPk(runId),
          prefix: SHARD_PREFIX,
          consistentRead: true,
        })
      ).map(toCheckpoint),

    commitPage: async (commit) => {
      const { names, values, sets, adds } = countUpdate(commit.counts, {
        pagesDone: 1,
        ...(commit.done ? { shardsDone: 1 } : {}),
      });
      values[':running'] = 'running';
      names['#status'] = 'status';
      const expiresAt = expiryFor(commit.at, retentionDays);
      try {
        // Every shard's every page adds to the one summary item, so commits of different shards
        // meet there all the time; they are retried here rather than failing the job.
        await transactWrite(
          client,
          {
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: shardKey(commit.runId, commit.shard),
                  UpdateExpression: `SET #shard = :shard, nextSeq = :next, #done = :done, updatedAt = :at, expiresAt = if_not_exists(expiresAt, :expires)${commit.cursor ? ', #cursor = :cursor' : ''} ADD linksChecked :links${commit.cursor ? '' : ' REMOVE #cursor'}`,
                  // The page this commit is for must be the one the checkpoint expects: page 0 of a
                  // shard with no checkpoint yet, or the checkpoint's next page.
                  ConditionExpression:
                    commit.seq === 0 ? 'attribute_not_exists(pk)' : 'nextSeq = :seq',
                  // Shard, done and cursor are DynamoDB reserved words.
                  ExpressionAttributeNames: {
                    '#cursor': 'cursor',
                    '#shard': 'shard',
                    '#done': 'done',
                  },
                  ExpressionAttributeValues: {
                    ':shard': commit.shard,
                    ':next': commit.seq + 1,
                    ':done': commit.done,
                    ':at': commit.at.toISOString(),
                    ':expires': expiresAt,
                    ':links': commit.counts.linksChecked,
                    ...(commit.cursor ? { ':cursor': commit.cursor } : {}),
                    ...(commit.seq === 0 ? {} : { ':seq': commit.seq }),
                  },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: summaryKey(commit.runId),
                  UpdateExpression: `${sets.length > 0 ? `SET ${sets.join(', ')} ` : ''}ADD ${adds.join(', ')}`,
                  ConditionExpression: '#status = :running',
                  ExpressionAttributeNames: names,
                  ExpressionAttributeValues: values,
                },
              },
            ],
          },
          { maxAttempts: SUMMARY_CONFLICT_ATTEMPTS }
        );
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (codes[0] === 'ConditionalCheckFailed') return { outcome: 'already_committed' };
        if (codes[1] === 'ConditionalCheckFailed') return { outcome: 'run_not_running' };
        throw error;
      }
      if (!commit.done) return { outcome: 'committed' };
      const summary = await readSummary(commit.runId);
      return summary ? { outcome: 'committed', summary } : { outcome: 'committed' };
    },

    finishRun: async (run, status, at, reason) => {
      try {
        const updated = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: summaryKey(run.runId),
            UpdateExpression: `SET #status = :status, finishedAt = :at, durationMs = :duration${reason === undefined ? '' : ', failureReason = :reason'}`,
            ConditionExpression: '#status = :running',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':status': status,
              ':at': at.toISOString(),
              ':duration': Math.max(0, at.getTime() - Date.parse(run.startedAt)),
              ':running': 'running',
              ...(reason === undefined ? {} : { ':reason': reason }),
            },
            ReturnValues: 'ALL_NEW',
          })
        );
        return updated.Attributes ? toSummary(updated.Attributes) : undefined;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        return undefined;
      }
    },
  };
};

/** What a link item must have for the reconciler to check it; anything else is an error, not a crash. */
const linkItem = z.looseObject({
  tenantId: z.string().check(z.minLength(1)),
  linkId: z.string().check(z.regex(LINK_ID)),
  grantId: z.string().check(z.minLength(1)),
  pageId: z.string().check(z.minLength(1)),
  phoneNumberId: z.string().check(z.minLength(1)),
  status: z.enum(['active', 'paused']),
  sync: z.looseObject({
    enabled: z.boolean(),
    fields: z.record(z.string(), z.boolean()),
  }),
});

const toSourced = (item: Record<string, unknown>): SourcedLink => {
  const parsed = linkItem.safeParse(item);
  if (!parsed.success) {
    return {
      ok: false,
      key: `${String(item.pk)}/${String(item.sk)}`,
      reason:
        `not a valid link item: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    };
  }
  return { ok: true, link: stripKeys(item) as never };
};

/** The cursor is DynamoDB's LastEvaluatedKey, base64url JSON; only flat string/number keys decode. */
const cursorKey = z.record(z.string(), z.union([z.string(), z.number()]));

const decode = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (cursor === undefined) return undefined;
  return cursorKey.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
};

/**
 * Links a page at a time: a shard from the sparse `byShard` index (active links only), or one
 * tenant's links (active and paused) from its partition.
 */
const createLinkPageSource = (
  client: DynamoDBDocumentClient,
  tableName: string,
  indexName = 'byShard'
): LinkPageSource => ({
  page: async (scope, cursor, limit) => {
    if (scope.kind === 'tenant' && scope.linkId) {
      const stored = await client.send(
        new GetCommand({ TableName: tableName, Key: linkKey(scope.tenantId, scope.linkId) })
      );
      return { items: stored.Item ? [toSourced(stored.Item)] : [], cursor: undefined };
    }
    const page = await client.send(
      new QueryCommand(
        scope.kind === 'shard'
          ? {
              TableName: tableName,
              IndexName: indexName,
              KeyConditionExpression: '#shard = :shard',
              ExpressionAttributeNames: { '#shard': 'shard' },
              ExpressionAttributeValues: { ':shard': scope.shard },
              Limit: limit,
              ExclusiveStartKey: decode(cursor),
            }
          : {
              TableName: tableName,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
              ExpressionAttributeValues: {
                ':pk': tenantPk(scope.tenantId),
                ':prefix': LINK_PREFIX,
              },
              Limit: limit,
              ExclusiveStartKey: decode(cursor),
            }
      )
    );
    return {
      items: (page.Items ?? []).map(toSourced),
      cursor: encodeCursor(page.LastEvaluatedKey),
    };
  },
});

export { createLinkPageSource, createReconcileRunStore, runIndexPk };
