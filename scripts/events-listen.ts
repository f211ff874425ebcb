import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ATTEMPT_HEADER,
  SIGNATURE_HEADER,
  verifySignature,
} from '../functions/core/events/signing.js';
import { isMain, parseOptions, run, UsageError } from './cli.js';
import { mintToken } from './token.js';

/**
 * `npm run events:listen`: a small webhook receiver for the embedded default. It registers itself
 * as an endpoint of a tenant on the local API (or uses the secret it is given), verifies every
 * delivery's signature and timestamp over the raw body, de-duplicates on the event id, and prints
 * what arrived. Its receiver is also what the integration tests deliver to.
 */

const USAGE = `Usage: npm run events:listen -- [--tenant <id>] [--port <n>] [--api <url>] [--types <a,b>] [--secret <whsec_...>]

Starts a receiver on 127.0.0.1 and prints every verified delivery. Without --secret it registers
itself with the local API (npm start) as a webhook endpoint of the tenant (default demo), for
every event type unless --types names some, and deletes the endpoint again on Ctrl-C.

  --tenant  the tenant whose events to receive (default demo)
  --port    the port to listen on (default 4242; 0 for any free one)
  --api     the local API (default http://127.0.0.1:3000, or $TANDEM_API_URL)
  --types   comma-separated event types (default every type)
  --secret  verify with this secret and register nothing (an endpoint you created yourself)`;

interface Delivery {
  id: string;
  type: string;
  attempt: number;
  body: Record<string, unknown>;
}

interface ReceiverOptions {
  /** The secret(s) a delivery may be signed with; one that verifies is enough. */
  secrets: () => readonly string[];
  onDelivery: (delivery: Delivery) => void;
  onRefused?: (reason: string) => void;
  /** Seconds a signed timestamp may be off; default 300. */
  toleranceSeconds?: number;
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/**
 * The receiver: 400 for a delivery whose signature or timestamp does not verify, 200 otherwise; a
 * repeat of an event id already seen is answered 200 and not handed on again.
 */
const createReceiver = (options: ReceiverOptions): Server => {
  const seen = new Set<string>();
  return createServer(async (request, response) => {
    const raw = await readBody(request);
    const header = request.headers[SIGNATURE_HEADER];
    const checks = options
      .secrets()
      .map((secret) =>
        verifySignature(
          Array.isArray(header) ? header[0] : header,
          raw,
          secret,
          options.toleranceSeconds === undefined
            ? {}
            : { toleranceSeconds: options.toleranceSeconds }
        )
      );
    const check = checks.find((one) => one.ok) ?? checks[0] ?? verifySignature(undefined, raw, '');
    if (!check.ok) {
      options.onRefused?.(check.reason);
      response.writeHead(400, { 'content-type': 'text/plain' }).end(check.reason);
      return;
    }
    const body = JSON.parse(raw) as Record<string, unknown>;
    const id = String(body.id);
    if (!seen.has(id)) {
      seen.add(id);
      options.onDelivery({
        id,
        type: String(body.type),
        attempt: Number(request.headers[ATTEMPT_HEADER] ?? 1),
        body,
      });
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
};

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

const main = async (args: string[]): Promise<string> => {
  const { values } = parseOptions({
    args,
    options: {
      tenant: { type: 'string' },
      port: { type: 'string' },
      api: { type: 'string' },
      types: { type: 'string' },
      secret: { type: 'string' },
    },
  });
  const tenant = values.tenant ?? 'demo';
  const port = Number(values.port ?? 4242);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port must be a port number, not "${values.port}".`);
  }
  const api = (values.api ?? process.env.TANDEM_API_URL ?? 'http://127.0.0.1:3000').replace(
    /\/+$/,
    ''
  );
  let secret = values.secret ?? '';
  const server = createReceiver({
    secrets: () => [secret],
    onDelivery: ({ id, type, attempt, body }) =>
      process.stdout.write(
        `✓ ${new Date().toISOString()} ${type} ${id} (attempt ${attempt}, signature verified)\n${JSON.stringify(body.data, null, 2)}\n`
      ),
    onRefused: (reason) => process.stdout.write(`✗ refused a delivery: ${reason}\n`),
  });
  const bound = await listen(server, port);
  const url = `http://127.0.0.1:${bound}/`;
  if (values.secret) return `Listening on ${url}; verifying with the secret given.`;

  const authorization = `Bearer ${await mintToken(['--tenant', tenant])}`;
  const created = await fetch(`${api}/webhook-endpoints`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({
      url,
      description: 'npm run events:listen',
      eventTypes: values.types ? values.types.split(',').map((type) => type.trim()) : ['*'],
    }),
  });
  if (!created.ok) {
    server.close();
    throw new Error(
      `Could not register with ${api}: HTTP ${created.status} ${await created.text()}`
    );
  }
  const endpoint = (await created.json()) as { endpointId: string; secret: string };
  secret = endpoint.secret;
  process.once('SIGINT', () => {
    void fetch(`${api}/webhook-endpoints/${endpoint.endpointId}`, {
      method: 'DELETE',
      headers: { authorization },
    }).finally(() => process.exit(0));
  });
  return `Listening on ${url} as webhook endpoint ${endpoint.endpointId} of tenant ${tenant}.
Send a test event:  curl -X POST -H "authorization: Bearer $(npm run -s token -- --tenant ${tenant})" ${api}/webhook-endpoints/${endpoint.endpointId}/test
Ctrl-C deletes the endpoint.`;
};

if (isMain(import.meta.url)) run(main, USAGE);

export type { Delivery, ReceiverOptions };
export { createReceiver, listen };
