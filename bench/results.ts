import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const RESULTS = resolve(import.meta.dirname, 'results');

/** Writes a benchmark's figures to bench/results/<name>.json (git-ignored), for comparing runs. */
const saveResults = (name: string, results: unknown): void => {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
};

export { saveResults };
