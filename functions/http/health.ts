import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { GRAPH_API_VERSION } from '../adapters/graph/version.js';
import { JSON_HEADERS } from '../adapters/http/headers.js';

const body = JSON.stringify({
  status: 'ok',
  service: 'tandem',
  graphApiVersion: GRAPH_API_VERSION,
  startedAt: new Date().toISOString(),
});

/**
 * Liveness: answers without touching any dependency, and loads none (no zod, no middy, no SDK), so an
 * uptime monitor's cold start costs what an empty function's does. It takes no input, so there is
 * nothing for the route adapter to parse; its headers are the adapter's JSON ones.
 */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { ...JSON_HEADERS },
  body,
});
