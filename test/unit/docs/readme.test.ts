import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's "Needs" says which `npm warn EBADENGINE` lines `npm install` prints on an older
 * Node.js. npm prints one for each package whose `engines.node` the running Node.js does not
 * satisfy; this reads the same ranges from the lockfile, so a dependency that raises the bar fails
 * here until the README says so.
 */

const ROOT = join(import.meta.dirname, '../../..');

interface LockedPackage {
  engines?: { node?: string };
  optional?: boolean;
}

/**
 * Whether an engines range admits the newest release of a Node.js major. Only the forms the
 * lockfile holds are read (`*`, `>=N[.N[.N]]`, `^N[.N[.N]]`, a bare major, joined by `||`); any
 * other form fails the test rather than be guessed at.
 */
const admitsMajor = (range: string, major: number): boolean =>
  range.split('||').some((alternative) => {
    const text = alternative.trim();
    if (text === '*' || text === '') return true;
    const atLeast = /^>=\s*(\d+)(?:\.\d+){0,2}$/.exec(text);
    if (atLeast) return major >= Number(atLeast[1]);
    const caret = /^\^(\d+)(?:\.\d+){0,2}$/.exec(text);
    if (caret) return major === Number(caret[1]);
    const bare = /^(\d+)$/.exec(text);
    if (bare) return major === Number(bare[1]);
    throw new Error(`An engines range this test cannot read: "${range}"`);
  });

/** The packages npm warns about on this Node.js major, by name (the project's own as `tandem`). */
const warnedOn = (major: number): string[] => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  return Object.entries(lock.packages)
    .filter(
      ([, pkg]) => !pkg.optional && pkg.engines?.node && !admitsMajor(pkg.engines.node, major)
    )
    .map(([path]) => (path === '' ? 'tandem' : path.replace(/^.*node_modules\//, '')));
};

const needs = (): string => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return readme.slice(readme.indexOf('Needs:'), readme.indexOf('### What `npm start` runs'));
};

describe('README: Needs', () => {
  it("names the project's engines range", () => {
    // Prepare
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };

    // Act & Assess
    expect(needs()).toContain(`\`node ${engines.node}\``);
  });

  it.each([20, 22])('names every package npm install warns about on Node.js %i', (major) => {
    // Act
    const warned = warnedOn(major);

    // Assess
    expect(warned.length).toBeGreaterThan(0);
    for (const name of warned) expect(needs()).toContain(`\`${name}\``);
  });

  it('reads engines ranges as npm does for the forms the lockfile holds', () => {
    // Act & Assess
    expect(admitsMajor('>=24', 20)).toBe(false);
    expect(admitsMajor('>= 18.0.0', 20)).toBe(true);
    expect(admitsMajor('^22.12.0 || ^24.0.0 || >=26.0.0', 20)).toBe(false);
    expect(admitsMajor('^22.12.0 || ^24.0.0 || >=26.0.0', 25)).toBe(false);
    expect(admitsMajor('18 || 20 || >=22', 20)).toBe(true);
    expect(admitsMajor('*', 4)).toBe(true);
    expect(() => admitsMajor('~20.1', 20)).toThrow(/cannot read/);
  });
});
