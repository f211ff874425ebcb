import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  LOCAL_MEDIA_PATH,
  verifyLocalMediaUrl,
} from '../../../../functions/adapters/media/local-store.js';

/**
 * The embedded default's stand-in for Tandem's S3 media bucket, under `/_local/media/<key>` on the
 * local gateway: a PUT, GET, HEAD or DELETE is served only when its URL carries a valid signature
 * of the local media store (functions/adapters/media/local-store.ts) that has not expired, and a PUT
 * only with the content type and exact size that were signed, as S3 refuses a presigned PUT whose
 * signed headers differ. Uploads (up to Meta's 100 MB for a story video) stream to disk, past the
 * gateway's 10 MB body limit, and appear only once complete.
 */

/** A stored object's content type sits beside it; `#` is in no key the store signs. */
const TYPE_SUFFIX = '#type';

type MediaHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

const json = (response: ServerResponse, status: number, value: unknown): void => {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(body.length),
  });
  response.end(body);
};

const answer = (response: ServerResponse, status: number, message: string): void =>
  json(response, status, { message });

/**
 * Reads and discards the rest of a refused request before answering: a client still sending its
 * body would otherwise see the connection closed instead of the answer.
 */
const drain = (request: IncomingMessage): Promise<void> =>
  new Promise((resolve) => {
    if (request.readableEnded) return resolve();
    request.once('end', resolve);
    request.once('error', () => resolve());
    request.once('close', resolve);
    request.resume();
  });

const countFiles = async (dir: string): Promise<number> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && !entry.name.endsWith(TYPE_SUFFIX)).length;
};

/**
 * Handles `/_local/media/...` requests (answers false for any other path), keeping objects in `dir`.
 */
const createMediaHandler = (options: {
  dir: string;
  secret: Buffer;
  now?: () => number;
}): MediaHandler => {
  const now = options.now ?? Date.now;
  let uploads = 0;

  const put = async (
    request: IncomingMessage,
    response: ServerResponse,
    file: string,
    signed: { contentType?: string; bytes?: number }
  ): Promise<void> => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== signed.contentType) {
      await drain(request);
      return answer(
        response,
        403,
        `This URL uploads ${signed.contentType}; the request's Content-Type is ${type || 'missing'}. Send the headers the upload answered, unchanged.`
      );
    }
    const declared = request.headers['content-length'];
    if (declared === undefined) {
      await drain(request);
      return answer(response, 411, `Send a Content-Length of ${signed.bytes}.`);
    }
    if (Number(declared) !== signed.bytes) {
      await drain(request);
      return answer(
        response,
        Number(declared) > (signed.bytes ?? 0) ? 413 : 400,
        `This URL uploads exactly ${signed.bytes} bytes; the request declares ${declared}. Ask for a new upload of the right size.`
      );
    }
    await mkdir(dirname(file), { recursive: true });
    uploads += 1;
    const partial = `${file}.${process.pid}.${uploads}.partial${TYPE_SUFFIX}`;
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    try {
      await pipeline(request, createWriteStream(partial));
    } catch {
      await rm(partial, { force: true });
      if (!response.headersSent) answer(response, 400, 'The upload was cut off; send it again.');
      return;
    }
    if (received !== signed.bytes) {
      await rm(partial, { force: true });
      return answer(response, 400, `Received ${received} bytes of the ${signed.bytes} declared.`);
    }
    await writeFile(`${file}${TYPE_SUFFIX}`, signed.contentType ?? 'application/octet-stream');
    await rename(partial, file);
    response.writeHead(200, { 'content-length': '0' });
    response.end();
  };

  const read = async (
    request: IncomingMessage,
    response: ServerResponse,
    file: string
  ): Promise<void> => {
    await drain(request);
    const found = await stat(file).catch(() => undefined);
    if (!found?.isFile()) return answer(response, 404, 'No such object.');
    const type = await readFile(`${file}${TYPE_SUFFIX}`, 'utf8').catch(
      () => 'application/octet-stream'
    );
    response.writeHead(200, {
      'content-type': type,
      'content-length': String(found.size),
      'last-modified': found.mtime.toUTCString(),
      'cache-control': 'private, no-store',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    await pipeline(createReadStream(file), response).catch(() => undefined);
  };

  const remove = async (response: ServerResponse, path: string): Promise<void> => {
    const deleted = await countFiles(path);
    await rm(path, { recursive: true, force: true });
    await rm(`${path}${TYPE_SUFFIX}`, { force: true });
    json(response, 200, { deleted });
  };

  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://local.invalid');
    if (!url.pathname.startsWith(LOCAL_MEDIA_PATH)) return false;
    const verified = verifyLocalMediaUrl(options.secret, request.method ?? 'GET', url, now());
    if (!verified.ok) {
      await drain(request);
      answer(
        response,
        403,
        verified.reason === 'expired'
          ? 'This URL has expired; ask for a new one.'
          : 'The URL is not signed by Tandem, or was changed after it was signed.'
      );
      return true;
    }
    const path = join(options.dir, verified.key);
    if (verified.method === 'PUT') await put(request, response, path, verified);
    else if (verified.method === 'DELETE') await remove(response, path);
    else await read(request, response, path);
    return true;
  };
};

export type { MediaHandler };
export { createMediaHandler };
