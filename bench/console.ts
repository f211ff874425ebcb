import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { saveResults } from './results.js';

/**
 * `npm run bench -- console`: the console's bundle as browsers download it, raw, gzip (level 9,
 * what CloudFront's and most servers' compression approach) and brotli, per file and in total, and
 * which parts of the JavaScript weigh what (as rendered into the chunks, before minification). The
 * first page view loads index.html and what it names; the chart library and the OIDC client are
 * loaded on demand.
 */

const KiB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

interface ModuleLike {
  renderedLength: number;
}

/** Who a module belongs to: a package, the core it shares with the API, or the console itself. */
const ownerOf = (id: string): string => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
  if (pkg) return pkg;
  if (id.includes('/functions/')) return 'functions/core (shared with the API)';
  if (id.includes('/infra/')) return 'infra/shared';
  return 'console/src';
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

const measureConsole = async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'tandem-console-bench-'));
  const started = performance.now();
  const output = await build({
    configFile: fileURLToPath(new URL('../console/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const buildMs = Math.round(performance.now() - started);
  const results = (Array.isArray(output) ? output : [output]) as {
    output: { type: string; modules?: Record<string, ModuleLike> }[];
  }[];
  const parts = new Map<string, number>();
  for (const result of results) {
    for (const chunk of result.output ?? []) {
      for (const [id, module] of Object.entries(chunk.modules ?? {})) {
        parts.set(ownerOf(id), (parts.get(ownerOf(id)) ?? 0) + module.renderedLength);
      }
    }
  }
  const files = filesUnder(outDir).map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(outDir, path).replace(/-[\w-]{8}\./, '-<hash>.'),
      rawKiB: KiB(bytes.length),
      gzipKiB: KiB(gzipSync(bytes, { level: 9 }).length),
      brotliKiB: KiB(brotliCompressSync(bytes).length),
    };
  });
  // What the first page view downloads: index.html and what it names; the rest loads on demand.
  const page = readFileSync(join(outDir, 'index.html'), 'utf8');
  const first = new Set(
    [...page.matchAll(/(?:src|href)="\/console\/([^"]+)"/g)].map((match) => match[1])
  );
  const firstFiles = filesUnder(outDir)
    .map((path) => relative(outDir, path))
    .map((path, index) => ({ path, row: files[index] }))
    .filter(({ path }) => path === 'index.html' || first.has(path))
    .flatMap(({ row }) => (row ? [row] : []));
  rmSync(outDir, { recursive: true, force: true });
  const sum = (file: string, rows: typeof files) => ({
    file,
    rawKiB: KiB(rows.reduce((total, row) => total + row.rawKiB * 1024, 0)),
    gzipKiB: KiB(rows.reduce((total, row) => total + row.gzipKiB * 1024, 0)),
    brotliKiB: KiB(rows.reduce((total, row) => total + row.brotliKiB * 1024, 0)),
  });
  const measured = {
    measuredAt: new Date().toISOString(),
    buildMs,
    files: [...files, sum('first page view', firstFiles), sum('total', files)],
    javascriptParts: [...parts.entries()]
      .sort(([, a], [, b]) => b - a)
      .map(([part, bytes]) => ({ part, renderedKiB: KiB(bytes) })),
  };
  saveResults('console', measured);
  return measured;
};

export { measureConsole };
