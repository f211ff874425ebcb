import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DeletionRequest, DeletionRequestRepository } from '../../core/linking/ports.js';
import { deletionKey, stripKeys } from './keys.js';

/**
 * Data-deletion requests in the links table, kept so the status URL Meta shows the user keeps
 * working. They hold counts and times only: no Meta user id survives the deletion.
 */
const createDeletionRequestRepository = (
  client: DynamoDBDocumentClient,
  tableName: string
): DeletionRequestRepository => ({
  put: async (request) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...deletionKey(request.confirmationCode), kind: 'deletion', ...request },
      })
    );
  },
  get: async (code) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: deletionKey(code) })
    );
    return Item ? (stripKeys(Item) as unknown as DeletionRequest) : undefined;
  },
});

export { createDeletionRequestRepository };
