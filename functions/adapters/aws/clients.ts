import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClientOf } from '../dynamodb/client.js';

/**
 * The AWS clients, created once per execution environment and reused across invocations. They take
 * region, credentials and endpoints from the environment: the embedded default points them at
 * DynamoDB Local and the local SQS server with AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SQS, which
 * the SDK honours, so no code here knows whether it runs locally.
 */

let documentClient: DynamoDBDocumentClient | undefined;
let sqsClient: SQSClient | undefined;
let s3Client: S3Client | undefined;

/** The repositories' document client (adapters/dynamodb/client.ts says how it is set up). */
const dynamoDocumentClient = (): DynamoDBDocumentClient => {
  documentClient ??= documentClientOf(new DynamoDBClient({}));
  return documentClient;
};

const sqs = (): SQSClient => {
  sqsClient ??= new SQSClient({});
  return sqsClient;
};

/**
 * The story media store's client. By default the SDK puts a checksum of the (empty) body into
 * presigned PUT URLs, which S3 then holds the upload to; the signed length and type are the checks
 * wanted (adapters/media/s3-store.ts).
 */
const s3 = (): S3Client => {
  s3Client ??= new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' });
  return s3Client;
};

export { dynamoDocumentClient, s3, sqs };
