import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { QuotaCounter } from '../../core/quotas.js';
import { isConditionalCheckFailed } from './errors.js';

/**
 * Quota counters in the quotas table: one item per tenant, quota and window (`pk`), incremented with
 * one conditional update, so concurrent requests never take more than the limit between them.
 *
 * @example
 * const counter = createQuotaCounter(dynamoDocumentClient(), config.QUOTAS_TABLE);
 */
const createQuotaCounter = (client: DynamoDBDocumentClient, tableName: string): QuotaCounter => ({
  take: async (key, limit, expiresAt) => {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: key },
          UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expiresAt': expiresAt },
        })
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  },
});

export { createQuotaCounter };
