import { Readable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClientOf } from '../../../../functions/adapters/dynamodb/client.js';
import { TransientStoreError } from '../../../../functions/core/errors.js';

/**
 * A DynamoDB client whose every request is answered with this error, as DynamoDB's JSON protocol
 * sends it, and that makes one attempt (no SDK retries, no waiting).
 */
const clientAnswering = (type: string, status: number) => {
  let requests = 0;
  const client = new DynamoDBClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => {
        requests += 1;
        return {
          response: {
            statusCode: status,
            headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': type },
            body: Readable.from([
              Buffer.from(
                JSON.stringify({
                  __type: `com.amazonaws.dynamodb.v20120810#${type}`,
                  message: 'no',
                })
              ),
            ]),
          },
        };
      },
    } as never,
  });
  return { documents: documentClientOf(client), requests: () => requests };
};

describe('Function: documentClientOf', () => {
  it('throws DynamoDB throttling, once the SDK gave up, as a TransientStoreError', async () => {
    // Prepare
    const { documents, requests } = clientAnswering('ProvisionedThroughputExceededException', 400);

    // Act
    const read = documents.send(new GetCommand({ TableName: 'tbl', Key: { pk: 'a' } }));

    // Assess
    await expect(read).rejects.toBeInstanceOf(TransientStoreError);
    await expect(read).rejects.toMatchObject({
      code: 'store_unavailable',
      cause: expect.objectContaining({ name: 'ProvisionedThroughputExceededException' }),
    });
    expect(requests()).toBe(1);
  });

  it("throws DynamoDB's own fault as a TransientStoreError", async () => {
    // Prepare
    const { documents } = clientAnswering('InternalServerError', 500);

    // Act & Assess
    await expect(
      documents.send(new PutCommand({ TableName: 'tbl', Item: { pk: 'a' } }))
    ).rejects.toBeInstanceOf(TransientStoreError);
  });

  it('leaves a failed condition as DynamoDB sent it, for the repository to read', async () => {
    // Prepare
    const { documents } = clientAnswering('ConditionalCheckFailedException', 400);

    // Act & Assess
    await expect(
      documents.send(
        new PutCommand({ TableName: 'tbl', Item: { pk: 'a' }, ConditionExpression: 'x' })
      )
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  });

  it('drops undefined attributes instead of failing the write', async () => {
    // Prepare
    let sent: unknown;
    const client = new DynamoDBClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: {
        handle: async (request: { body: Uint8Array }) => {
          sent = JSON.parse(new TextDecoder().decode(request.body));
          return {
            response: {
              statusCode: 200,
              headers: { 'content-type': 'application/x-amz-json-1.0' },
              body: Readable.from([Buffer.from('{}')]),
            },
          };
        },
      } as never,
    });

    // Act
    await documentClientOf(client).send(
      new PutCommand({ TableName: 'tbl', Item: { pk: 'a', gone: undefined } })
    );

    // Assess
    expect(sent).toMatchObject({ Item: { pk: { S: 'a' } } });
    expect(sent).not.toHaveProperty('Item.gone');
  });
});
