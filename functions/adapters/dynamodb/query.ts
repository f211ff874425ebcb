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

/**
 * One page of the items of partition `pk` whose sort key starts with `prefix`, from an opaque cursor
 * that must point into that same partition and prefix (keys.ts `decodeCursor`).
 */
const queryPrefixPage = async (
  client: DynamoDBDocumentClient,
  input: { tableName: string; pk: string; prefix: string; newestFirst?: boolean },
  page: { limit: number; cursor?: string | undefined }
): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> => {
  const result = await client.send(
    new QueryCommand({
      TableName: input.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': input.pk, ':prefix': input.prefix },
      ...(input.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, input.pk, input.prefix),
    })
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: result.Items ?? [], ...(nextCursor ? { nextCursor } : {}) };
};

export { queryAll, queryPrefixPage };
