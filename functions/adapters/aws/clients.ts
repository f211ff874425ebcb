import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The AWS clients, created once per execution environment and reused across invocations. They take
 * region, credentials and endpoints from the environment: the embedded default points them at
 * DynamoDB Local and the local SQS server with AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SQS, which
 * the SDK honours, so no code here knows whether it runs locally.
 */

let documentClient: DynamoDBDocumentClient | undefined;
let sqsClient: SQSClient | undefined;

/** A document client that drops undefined attributes instead of failing the write. */
const dynamoDocumentClient = (): DynamoDBDocumentClient => {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
};

const sqs = (): SQSClient => {
  sqsClient ??= new SQSClient({});
  return sqsClient;
};

export { dynamoDocumentClient, sqs };
