import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './keys.js';

/** Runs a query to its last page (pages are 1 MB at most) and answers every item. */
const queryAll = async (
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

/** The items of one partition whose sort key (`sk`) starts with `prefix`. */
type PrefixQuery = {
  tableName: string;
  /** The value of the partition key. */
  pk: string;
  prefix: string;
  /** A global index and its partition-key attribute; the table and its `pk` when absent. */
  index?: { name: string; partitionKey: string };
};

const prefixCondition = ({ tableName, pk, prefix, index }: PrefixQuery) => ({
  TableName: tableName,
  ...(index ? { IndexName: index.name } : {}),
  KeyConditionExpression: `${index?.partitionKey ?? 'pk'} = :pk AND begins_with(sk, :prefix)`,
  ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
});

/** Every item of a partition with a sort-key prefix, to the last page. */
const queryAllPrefix = (
  client: DynamoDBDocumentClient,
  input: PrefixQuery & { consistentRead?: boolean }
): Promise<Record<string, unknown>[]> =>
  queryAll(client, {
    ...prefixCondition(input),
    ...(input.consistentRead ? { ConsistentRead: true } : {}),
  });

/**
 * One page of the items of partition `pk` whose sort key starts with `prefix`, from an opaque cursor
 * that must point into that same partition and prefix (keys.ts `decodeCursor`), so a crafted cursor
 * reads nothing else.
 */
const queryPrefixPage = async (
  client: DynamoDBDocumentClient,
  input: Omit<PrefixQuery, 'index'> & { newestFirst?: boolean },
  page: { limit: number; cursor?: string | undefined }
): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> => {
  const result = await client.send(
    new QueryCommand({
      ...prefixCondition(input),
      ...(input.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, input.pk, input.prefix),
    })
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: result.Items ?? [], ...(nextCursor ? { nextCursor } : {}) };
};

export { queryAll, queryAllPrefix, queryPrefixPage };
