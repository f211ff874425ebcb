import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from './batch.js';
import { queryAll } from './query.js';

/**
 * A link's records in the idempotency table's sparse `byLink` index (ad and story operations, each
 * under its own `linkKey`), whole or only `projection`.
 */
const queryByLink = (
  client: DynamoDBDocumentClient,
  tableName: string,
  linkKey: string,
  projection?: string
) =>
  queryAll(client, {
    TableName: tableName,
    IndexName: 'byLink',
    KeyConditionExpression: 'linkKey = :linkKey',
    ExpressionAttributeValues: { ':linkKey': linkKey },
    ...(projection ? { ProjectionExpression: projection } : {}),
  });

/** Deletes a link's records under `linkKey` (unlink, Meta's callbacks); answers how many. */
const deleteByLink = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  linkKey: string
): Promise<number> => {
  const items = await queryByLink(client, tableName, linkKey, 'id');
  await batchWriteAll(
    client,
    tableName,
    items.map((item) => ({ DeleteRequest: { Key: { id: item.id } } }))
  );
  return items.length;
};

export { deleteByLink, queryByLink };
