import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { toStoreError } from './errors.js';

/**
 * The document client every repository uses. Two things are set here once, for every call:
 * undefined attributes are dropped instead of failing the write, and a failure that passes
 * (throttling, DynamoDB's own faults, a timeout), once the SDK's own retries are spent, is thrown
 * as TransientStoreError (a 503 with Retry-After, a retried job) instead of the SDK's error.
 *
 * @example
 * const documents = documentClientOf(new DynamoDBClient({}));
 */
const documentClientOf = (client: DynamoDBClient): DynamoDBDocumentClient => {
  // `initialize` is the outermost step: it sees what is left after the retry middleware gave up.
  // The document client shares this stack, so its calls go through it too.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    { step: 'initialize', name: 'tandemTransientStoreErrors', override: true }
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
};

export { documentClientOf };
