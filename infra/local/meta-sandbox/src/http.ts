import type { IncomingMessage, ServerResponse } from 'node:http';

/** Large enough for a base64 ad image or a profile picture upload. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Graph takes parameters from the query string and from a form or JSON body alike; structured values
 * sent form-encoded arrive as JSON strings and are decoded by the route that expects them.
 */
const parseBody = (contentType: string | undefined, raw: Buffer): Record<string, unknown> => {
  if (raw.length === 0) return {};
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return isRecord(parsed) ? parsed : {};
  }
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  return {};
};

const headerValue = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

const sendBytes = (
  res: ServerResponse,
  status: number,
  contentType: string,
  bytes: Buffer,
  headers: Record<string, string> = {}
): void => {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': bytes.length,
    ...headers,
  });
  res.end(bytes);
};

const isLoopback = (address: string | undefined): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export { headerValue, isLoopback, isRecord, parseBody, readBody, sendBytes, sendJson, sleep };
