import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console's build: a static single-page app under /console/ (the path both the local gateway and
 * CloudFront serve it at), JSX for Preact, content-hashed assets in dist/assets. `npm run
 * console:dev` serves it with hot reload and passes API calls through to `npm start`'s gateway.
 */
const apiPort = process.env.TANDEM_API_PORT ?? '3000';
const api = `http://127.0.0.1:${apiPort}`;
const apiPaths = ['/links', '/grants', '/oauth', '/reconcile', '/health', '/_local'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Modern browsers only: ES2022 is what every evergreen browser has run since 2022.
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    proxy: Object.fromEntries(apiPaths.map((path) => [path, api])),
  },
});
