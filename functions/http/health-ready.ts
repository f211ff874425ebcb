import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dynamoDocumentClient, sqs } from '../adapters/aws/clients.js';
import { queueProbe, tableProbe } from '../adapters/aws/probes.js';
import { loadConfig } from '../adapters/config.js';
import { tables } from '../adapters/dynamodb/tables.js';
import { JSON_HEADERS } from '../adapters/http/headers.js';
import { logger } from '../adapters/observability/logger.js';
import { type Check, checkReadiness, type Readiness } from '../core/readiness.js';
import * as z from '../core/zod.js';

const config = loadConfig(
  z.object({
    ...Object.fromEntries(
      Object.values(tables).map((spec) => [spec.envVar, z.string().check(z.minLength(1))])
    ),
    SYNC_QUEUE_URL: z.url(),
  })
) as Record<string, string>;

const checks: Record<string, Check> = {
  ...Object.fromEntries(
    Object.entries(tables).map(([name, spec]) => [
      `table:${name}`,
      tableProbe(dynamoDocumentClient(), config[spec.envVar] ?? '', spec),
    ])
  ),
  'queue:sync': queueProbe(sqs(), config.SYNC_QUEUE_URL ?? ''),
};

/** Answers are reused this long, so a flood of probes costs a few reads, not one per request. */
const CACHE_MS = 5_000;
const TIMEOUT_MS = 2_000;
let cached: { at: number; answer: Readiness } | undefined;

/**
 * GET /health/ready (public): 200 when every table and the sync queue answer, else 503 naming which
 * are down (never why). GET /health stays the dependency-free liveness check.
 */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => {
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    const answer = await checkReadiness(checks, TIMEOUT_MS);
    if (answer.status !== 'ready') logger.warn('not ready', { checks: answer.checks });
    cached = { at: Date.now(), answer };
  }
  const { answer } = cached;
  return {
    statusCode: answer.status === 'ready' ? 200 : 503,
    headers: { ...JSON_HEADERS, ...(answer.status === 'ready' ? {} : { 'retry-after': '5' }) },
    body: JSON.stringify({ ...answer, service: 'tandem' }),
  };
};
