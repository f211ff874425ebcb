import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  conditionalWrite,
  TRANSACTION_ATTEMPTS,
  transactWrite,
} from '../../../../functions/adapters/dynamodb/writes.js';
import { TransientStoreError } from '../../../../functions/core/errors.js';
import { fakeSleep } from '../../../helpers/fake-sleep.js';
import { cancelled } from './cancelled.js';

/** A client whose sends throw the given errors in turn, then answer `{}`; it records the inputs. */
const clientFailingWith = (...errors: Error[]) => {
  const inputs: unknown[] = [];
  const client = {
    send: async (command: { input: unknown }) => {
      inputs.push(command.input);
      const error = errors[inputs.length - 1];
      if (error) throw error;
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, inputs };
};

const TRANSACTION = { TransactItems: [{ Put: { TableName: 'tbl', Item: { pk: 'a' } } }] };

describe('Function: transactWrite', () => {
  it('runs a transaction again when another one, or throttling, only got in its way', async () => {
    // Prepare
    const { client, inputs } = clientFailingWith(
      cancelled('None', 'TransactionConflict'),
      cancelled('ThrottlingError', 'None')
    );
    const { delays: waits, sleep } = fakeSleep();

    // Act
    await transactWrite(client, TRANSACTION, { sleep, random: () => 0.5 });

    // Assess
    expect(inputs).toEqual([TRANSACTION, TRANSACTION, TRANSACTION]);
    expect(waits).toEqual([50, 100]);
  });

  it('ends in a TransientStoreError carrying the last cancellation after its attempts', async () => {
    // Prepare
    const conflict = cancelled('None', 'TransactionConflict');
    const { client, inputs } = clientFailingWith(...Array(10).fill(conflict));

    // Act
    const write = transactWrite(client, TRANSACTION, { sleep: fakeSleep().sleep });

    // Assess
    await expect(write).rejects.toBeInstanceOf(TransientStoreError);
    await expect(write).rejects.toMatchObject({ code: 'store_unavailable', cause: conflict });
    expect(inputs).toHaveLength(TRANSACTION_ATTEMPTS);
  });

  it('takes more attempts where the caller knows its item is hot', async () => {
    // Prepare
    const conflict = cancelled('TransactionConflict');
    const { client, inputs } = clientFailingWith(...Array(10).fill(conflict));

    // Act
    const write = transactWrite(client, TRANSACTION, {
      maxAttempts: 8,
      sleep: fakeSleep().sleep,
    });

    // Assess
    await expect(write).rejects.toBeInstanceOf(TransientStoreError);
    expect(inputs).toHaveLength(8);
  });

  it('never retries a failed condition, even beside a conflict, and throws it as DynamoDB did', async () => {
    // Prepare
    const refused = cancelled('ConditionalCheckFailed', 'TransactionConflict');
    const { client, inputs } = clientFailingWith(refused);

    // Act & Assess
    await expect(transactWrite(client, TRANSACTION)).rejects.toBe(refused);
    expect(inputs).toHaveLength(1);
  });

  it('never retries an error that is not a cancelled transaction', async () => {
    // Prepare
    const other = new TransientStoreError('throttled');
    const { client, inputs } = clientFailingWith(other);

    // Act & Assess
    await expect(transactWrite(client, TRANSACTION)).rejects.toBe(other);
    expect(inputs).toHaveLength(1);
  });
});

describe('Function: conditionalWrite', () => {
  it('asks for the old item and answers it, unmarshalled, when the condition fails', async () => {
    // Prepare: DynamoDB sends the item in its wire format; the SDK does not convert it.
    const refusal = new ConditionalCheckFailedException({
      message: 'The conditional request failed',
      $metadata: {},
      Item: { pk: { S: 'a' }, version: { N: '3' }, lease: { M: { owner: { S: 'o-1' } } } },
    });
    const { client, inputs } = clientFailingWith(refusal);

    // Act
    const result = await conditionalWrite(client, {
      Update: {
        TableName: 'tbl',
        Key: { pk: 'a' },
        UpdateExpression: 'SET v = :v',
        ConditionExpression: 'version = :old',
      },
    });

    // Assess
    expect(result).toEqual({
      written: false,
      existing: { pk: 'a', version: 3, lease: { owner: 'o-1' } },
    });
    expect(inputs[0]).toMatchObject({ ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
  });

  it('answers no existing item when the condition failed on an item that is not there', async () => {
    // Prepare
    const { client } = clientFailingWith(
      new ConditionalCheckFailedException({ message: 'failed', $metadata: {} })
    );

    // Act
    const result = await conditionalWrite(client, {
      Delete: { TableName: 'tbl', Key: { pk: 'a' }, ConditionExpression: 'attribute_exists(pk)' },
    });

    // Assess
    expect(result).toEqual({ written: false, existing: undefined });
  });

  it('throws anything but a failed condition as it is', async () => {
    // Prepare
    const busy = new TransientStoreError('throttled');
    const { client } = clientFailingWith(busy);

    // Act & Assess
    await expect(
      conditionalWrite(client, { Put: { TableName: 'tbl', Item: { pk: 'a' } } })
    ).rejects.toBe(busy);
  });
});
