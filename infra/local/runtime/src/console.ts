import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONSOLE_PATH,
  type ConsoleConfig,
  consoleSecurityHeaders,
  DEV_TOKEN_PATH,
} from '../../../shared/console.js';

/**
 * The console as the local gateway serves it at /console: the built assets (console/dist, made by
 * `npm run console:build`, which `npm start` runs first), the runtime configuration for the dev
 * identity, and the same security headers CloudFront adds in AWS. Cache rules as in AWS too: the
 * page and its configuration are revalidated, content-hashed assets kept for a year.
 */

const DEFAULT_DIR = fileURLToPath(new URL('../../../../console/dist', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface SiteAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

type ConsoleSite = (method: string, path: string) => Promise<SiteAnswer | undefined>;

const LOCAL_CONFIG: ConsoleConfig = {
  apiBaseUrl: '',
  auth: { kind: 'dev', tokenUrl: DEV_TOKEN_PATH },
};

const isFile = async (path: string): Promise<boolean> =>
  stat(path).then(
    (info) => info.isFile(),
    () => false
  );

/** Serves the console under CONSOLE_PATH; answers undefined for any other path. */
const createConsoleSite = (dir: string = DEFAULT_DIR): ConsoleSite => {
  const headers = consoleSecurityHeaders();
  const answer = (
    status: number,
    type: string,
    body: string | Buffer,
    cache: string
  ): SiteAnswer => ({
    status,
    headers: { ...headers, 'content-type': type, 'cache-control': cache },
    body,
  });
  return async (method, path) => {
    if (path !== CONSOLE_PATH && !path.startsWith(`${CONSOLE_PATH}/`)) return undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      return answer(405, 'text/plain; charset=utf-8', 'Method Not Allowed', 'no-store');
    }
    // Relative asset URLs resolve against /console/, not /.
    if (path === CONSOLE_PATH) {
      return { status: 308, headers: { ...headers, location: `${CONSOLE_PATH}/` }, body: '' };
    }
    const relative = decodeURIComponent(path.slice(CONSOLE_PATH.length + 1)) || 'index.html';
    if (relative === 'config.json') {
      return answer(200, CONTENT_TYPES['.json'] ?? '', JSON.stringify(LOCAL_CONFIG), 'no-cache');
    }
    const file = normalize(join(dir, relative));
    if (!file.startsWith(`${dir}${sep}`)) {
      return answer(404, 'text/plain; charset=utf-8', 'Not Found', 'no-store');
    }
    if (!(await isFile(join(dir, 'index.html')))) {
      return answer(
        503,
        'text/plain; charset=utf-8',
        'The console is not built: run `npm run console:build` (npm start does it for you).',
        'no-store'
      );
    }
    if (!(await isFile(file))) {
      return answer(404, 'text/plain; charset=utf-8', 'Not Found', 'no-store');
    }
    const immutable = relative.startsWith('assets/');
    return answer(
      200,
      CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      await readFile(file),
      immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
    );
  };
};

export type { ConsoleSite, SiteAnswer };
export { createConsoleSite };
