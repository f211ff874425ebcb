import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type BreakerState, initialState, type Surface } from '../../core/outages/breaker.js';
import type { BreakerStore } from '../../core/outages/guard.js';
import * as z from '../../core/zod.js';
import { isConditionalCheckFailed, toStoreError } from './errors.js';

/**
 * The breakers table: one item per Meta surface (`pk` = `breaker#<surface>`). A failure is one
 * unconditional update of the item's `failures` map (callers failing together never conflict); a
 * transition is a put conditioned on the version the deciding function read, so of several functions
 * seeing the same threshold or cool-down end exactly one opens, probes or closes.
 */

const keyOf = (surface: Surface) => ({ pk: `breaker#${surface}` });

const item = z.object({
  surface: z.enum(['pages', 'whatsapp', 'marketing', 'login']),
  status: z.enum(['closed', 'open', 'half_open']),
  since: z.string(),
  retryAt: z.optional(z.string()),
  openings: z.number(),
  failures: z.record(z.string(), z.string()),
  version: z.number(),
});

const parse = (value: Record<string, unknown>): BreakerState => {
  const { retryAt, ...rest } = item.parse(value);
  return { ...rest, ...(retryAt ? { retryAt } : {}) };
};

const createBreakerStore = (
  client: DynamoDBDocumentClient,
  tableName: string,
  now: () => Date
): BreakerStore => {
  const send = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toStoreError(error);
    }
  };

  const put = (state: BreakerState, condition: string, values: Record<string, unknown> = {}) =>
    client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keyOf(state.surface), ...state },
        ConditionExpression: condition,
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
      })
    );

  const addFailure = async (surface: Surface, caller: string, at: Date) => {
    const result = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keyOf(surface),
        UpdateExpression: 'SET failures.#caller = :at',
        ConditionExpression: 'attribute_exists(failures)',
        ExpressionAttributeNames: { '#caller': caller },
        ExpressionAttributeValues: { ':at': at.toISOString() },
        ReturnValues: 'ALL_NEW',
      })
    );
    return parse(result.Attributes ?? {});
  };

  return {
    read: (surface) =>
      send(async () => {
        const result = await client.send(
          new GetCommand({ TableName: tableName, Key: keyOf(surface), ConsistentRead: true })
        );
        return result.Item ? parse(result.Item) : undefined;
      }),
    recordFailure: (surface, caller, at) =>
      send(async () => {
        try {
          return await addFailure(surface, caller, at);
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
        // The surface's first failure ever: create its breaker (unless another just did), then add.
        await put(initialState(surface, now()), 'attribute_not_exists(pk)').catch(
          (error: unknown) => {
            if (!isConditionalCheckFailed(error)) throw error;
          }
        );
        return addFailure(surface, caller, at);
      }),
    replace: (next, expectedVersion) =>
      send(async () => {
        try {
          await put(
            next,
            expectedVersion === 0
              ? 'attribute_not_exists(pk) OR version = :version'
              : 'version = :version',
            { ':version': expectedVersion }
          );
          return true;
        } catch (error) {
          if (isConditionalCheckFailed(error)) return false;
          throw error;
        }
      }),
    forget: (surface, callers) =>
      send(async () => {
        if (callers.length === 0) return;
        const names = Object.fromEntries(callers.map((caller, index) => [`#c${index}`, caller]));
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(surface),
            UpdateExpression: `REMOVE ${Object.keys(names)
              .map((name) => `failures.${name}`)
              .join(', ')}`,
            ExpressionAttributeNames: names,
          })
        );
      }),
  };
};

export { createBreakerStore };
