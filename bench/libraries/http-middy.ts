/** The same HTTP handler wrapped by @middy/core, as httpRoute does (libraries bench: middy or not). */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export const handler = middy<APIGatewayProxyEventV2>().handler(async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ path: event.rawPath }),
}));
