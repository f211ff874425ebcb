import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The folders of functions/core form layers (linking <- sync <- reconcile, ads on linking): a folder
// that imported one importing it back would make the two one module in all but name.

const CORE = fileURLToPath(new URL('../../../functions/core/', import.meta.url));
const ROOT = '(core)';

/** The folder of core a file belongs to: its first directory, or ROOT for core's own files. */
const folderOf = (file: string): string => {
  const [first, ...rest] = relative(CORE, file).split(sep);
  return rest.length === 0 || first === undefined ? ROOT : first;
};

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesUnder(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : []
  );

/** Edges between folders, each with one import that makes it (`from -> to`: `file imports spec`). */
const folderImports = (): Map<string, Map<string, string>> => {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourcesUnder(CORE)) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
      if (spec === undefined) continue;
      const target = join(dirname(file), spec);
      if (relative(CORE, target).startsWith('..')) continue;
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      out.set(to, out.get(to) ?? `${posix.normalize(relative(CORE, file))} imports ${spec}`);
      edges.set(from, out);
    }
  }
  return edges;
};

/** A cycle of folders, as the imports that close it, or undefined when the graph has none. */
const findCycle = (edges: Map<string, Map<string, string>>): string[] | undefined => {
  const done = new Set<string>();
  const visit = (node: string, path: string[]): string[] | undefined => {
    const seen = path.indexOf(node);
    if (seen >= 0) {
      const loop = [...path.slice(seen), node];
      return loop
        .slice(1)
        .map((to, i) => `${loop[i]} -> ${to}: ${edges.get(loop[i] ?? '')?.get(to)}`);
    }
    if (done.has(node)) return undefined;
    for (const next of edges.get(node)?.keys() ?? []) {
      const cycle = visit(next, [...path, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
};

describe('Core folders', () => {
  it('import one another without a cycle', () => {
    expect(findCycle(folderImports())).toBeUndefined();
  });

  it("keep core's own files below every folder: they import none", () => {
    expect([...(folderImports().get(ROOT)?.values() ?? [])]).toEqual([]);
  });

  it('see a cycle when there is one, and name the imports that close it', () => {
    const edges = new Map([
      ['linking', new Map([['sync', 'linking/links.ts imports ../sync/webhook.js']])],
      ['sync', new Map([['linking', 'sync/run.ts imports ../linking/model.js']])],
      ['ads', new Map([['linking', 'ads/checks.ts imports ../linking/model.js']])],
    ]);

    expect(findCycle(edges)).toEqual([
      'linking -> sync: linking/links.ts imports ../sync/webhook.js',
      'sync -> linking: sync/run.ts imports ../linking/model.js',
    ]);
  });
});
