import { relative } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { expect, inject } from 'vitest';
import { documentClientOf } from '../../functions/adapters/dynamodb/client.js';
import { SURFACES } from '../../functions/core/outages/breaker.js';
import {
  type DevTokenRequest,
  signDevToken,
  type TokenSigner,
} from '../../infra/local/runtime/src/identity.js';
import type { LocalSystem } from '../../infra/local/runtime/src/system.js';
import { TEST_HEADER } from './contract-check.js';

/** What the global setup hands to test workers: everything serialisable about the local system. */
interface ProvidedSystem {
  urls: LocalSystem['urls'];
  env: Record<string, string>;
  tables: LocalSystem['tables'];
  queues: LocalSystem['queues'];
  region: string;
  /** Issuer, audience and private JWK of the dev identity: workers sign their own tokens. */
  tokenSigner: TokenSigner;
}

declare module 'vitest' {
  export interface ProvidedContext {
    system: ProvidedSystem;
  }
}

/** The local system the global setup started (urls, env, tables, queues). */
const useSystem = (): ProvidedSystem => inject('system');

/**
 * Points this worker's process at the local system, as a function would be: the SDK then finds the
 * local endpoints through AWS_ENDPOINT_URL_* and handler modules find their configuration. Call it
 * before importing a handler module (import handlers dynamically, after this call).
 */
const applySystemEnv = (): void => {
  Object.assign(process.env, useSystem().env);
  process.env.LOG_LEVEL ??= 'silent';
};

/** Signs a token the local JWT authorizer accepts (or, with a negative ttl, an expired one). */
const devToken = (request: DevTokenRequest): Promise<string> =>
  signDevToken(useSystem().tokenSigner, request);

interface ApiOptions {
  method?: string;
  /** Sends a fresh dev token for this tenant. */
  tenant?: string;
  /** Sends exactly this Authorization header value. */
  authorization?: string;
  /** Objects are sent as JSON; strings and buffers as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Calls the local API gateway.
 *
 * @example
 * const response = await api('/links', { tenant: 'demo' });
 */
const api = async (path: string, options: ApiOptions = {}): Promise<Response> => {
  const { testPath, currentTestName } = expect.getState();
  const headers: Record<string, string> = {
    // URI-encoded: a header carries Latin-1 only, and test names have typographic quotes.
    [TEST_HEADER]: encodeURIComponent(
      `${relative(process.cwd(), testPath ?? '')} > ${currentTestName ?? ''}`
    ),
    ...options.headers,
  };
  if (options.tenant)
    headers.authorization = `Bearer ${await devToken({ tenantId: options.tenant })}`;
  if (options.authorization) headers.authorization = options.authorization;
  let body: string | Uint8Array | undefined;
  if (typeof options.body === 'string' || options.body instanceof Uint8Array) {
    body = options.body;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return fetch(`${useSystem().urls.api}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
};

/** Starts a reconcile run now, in the system's process, as the schedule would; returns its result. */
const runReconcilerNow = async (): Promise<unknown> => {
  const response = await fetch(`${useSystem().urls.api}/_local/reconcile`, { method: 'POST' });
  if (!response.ok) throw new Error(`runNow failed: ${response.status} ${await response.text()}`);
  return response.json();
};

interface Clients {
  dynamodb: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  sqs: SQSClient;
}

let clients: Clients | undefined;

/** Real AWS SDK clients pointed at the local endpoints (explicitly, whatever the process env). */
const awsClients = (): Clients => {
  if (!clients) {
    const system = useSystem();
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const dynamodb = new DynamoDBClient({
      region: system.region,
      endpoint: system.urls.dynamodb,
      credentials,
    });
    clients = {
      dynamodb,
      documents: documentClientOf(dynamodb),
      sqs: new SQSClient({ region: system.region, endpoint: system.urls.sqs, credentials }),
    };
  }
  return clients;
};

/**
 * Polls `fn` until it returns without throwing (and, if it returns a value, a truthy one), then
 * returns that value. Bounded by `timeoutMs`; the last error explains a timeout.
 */
const eventually = async <T>(
  fn: () => Promise<T> | T,
  { timeoutMs = 30_000, intervalMs = 200 }: { timeoutMs?: number; intervalMs?: number } = {}
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value === undefined || value) return value;
      lastError = new Error(`returned ${String(value)}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`eventually: gave up after ${timeoutMs} ms: ${String(lastError)}`, {
    cause: lastError,
  });
};

/**
 * Peeks at up to ten messages of a queue, with all their attributes, leaving them visible. For
 * reading the DLQ, which no poller consumes.
 */
const receiveMessages = async (queueUrl: string): Promise<Message[]> => {
  const result = await awsClients().sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      // No long poll: local-aws-sqs would hold it until ten messages arrive.
      WaitTimeSeconds: 0,
      AttributeNames: ['All'],
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
      VisibilityTimeout: 0,
    })
  );
  return result.Messages ?? [];
};

/**
 * Closes every Meta surface's breaker. The breakers table is shared by the whole suite, so a test
 * that injects Meta failures for several fresh tenants on purpose (ads' resumption faults) would
 * otherwise find a breaker opened by what earlier files' failures added to its own.
 */
const resetBreakers = async (): Promise<void> => {
  for (const surface of SURFACES) {
    await awsClients().documents.send(
      new DeleteCommand({
        TableName: useSystem().tables.breakers,
        Key: { pk: `breaker#${surface}` },
      })
    );
  }
};

export type { ApiOptions, ProvidedSystem };
export {
  api,
  applySystemEnv,
  awsClients,
  devToken,
  eventually,
  receiveMessages,
  resetBreakers,
  runReconcilerNow,
  useSystem,
};
