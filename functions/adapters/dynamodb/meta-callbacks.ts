import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  CallbackLedger,
  CallbackRecord,
  DeletionRequest,
  DeletionRequestRepository,
} from '../../core/linking/ports.js';
import { conditionalWrite } from './writes.js';

/**
 * The metaCallbacks table (./tables.ts), keyed by `pk`:
 * - `CALLBACK#<key>`: one of Meta's deauthorize or data-deletion requests, by `replayKeyOf` (an HMAC
 *   of kind, Meta user and issue time), kept through the replay window (TTL `expiresAt`).
 * - `DELETION#<code>`: a data-deletion request's status, for the page Meta links the user to. Counts
 *   and times only: no Meta user id survives the deletion.
 */

const callbackKey = (key: string) => ({ pk: `CALLBACK#${key}` });
const deletionKey = (code: string) => ({ pk: `DELETION#${code}` });

/**
 * @example
 * const deletions = createDeletionRequestRepository(dynamoDocumentClient(), config.META_CALLBACKS_TABLE);
 */
const createDeletionRequestRepository = (
  client: DynamoDBDocumentClient,
  tableName: string
): DeletionRequestRepository => ({
  put: async (request) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...deletionKey(request.confirmationCode), ...request },
      })
    );
  },
  get: async (code) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: deletionKey(code) })
    );
    if (!Item) return undefined;
    const { pk: _pk, ...request } = Item;
    return request as DeletionRequest;
  },
});

/**
 * Claiming is one conditional put, so of two deliveries of one request exactly one is new; the other
 * gets the record that refused it back from the put itself and answers from it.
 */
const createCallbackLedger = (
  client: DynamoDBDocumentClient,
  tableName: string
): CallbackLedger => ({
  claim: async (record) => {
    const put = await conditionalWrite(client, {
      Put: {
        TableName: tableName,
        Item: { ...callbackKey(record.key), ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    if (put.written || !put.existing) return undefined;
    const { pk: _pk, ...seen } = put.existing;
    return seen as unknown as CallbackRecord;
  },
  complete: async (key, result) => {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: callbackKey(key),
        UpdateExpression: 'SET #result = :result',
        ExpressionAttributeNames: { '#result': 'result' },
        ExpressionAttributeValues: { ':result': result },
      })
    );
  },
});

export { createCallbackLedger, createDeletionRequestRepository };
