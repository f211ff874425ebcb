import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * The browser tests drive the built console, as `npm start` serves it: build it once (about a
 * second) before the local system starts serving console/dist.
 */
export default async function setup() {
  await build({
    configFile: fileURLToPath(new URL('../../console/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}
