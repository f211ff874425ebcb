import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleSite } from '../../src/console.js';

/** The local gateway's console pages: the built assets, the dev configuration, the headers. */

const builtConsole = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tandem</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
};

describe('Function: createConsoleSite', () => {
  it('serves the page under the console path with its security headers', async () => {
    // Prepare
    const site = createConsoleSite(builtConsole());

    // Act
    const page = await site('GET', '/console/');

    // Assess
    expect(page?.status).toBe(200);
    expect(String(page?.body)).toContain('<title>Tandem</title>');
    expect(page?.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'x-frame-options': 'DENY',
    });
    expect(page?.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('keeps content-hashed assets for a year, and redirects the bare path', async () => {
    // Prepare
    const site = createConsoleSite(builtConsole());

    // Act
    const asset = await site('GET', '/console/assets/index-abc123.js');
    const bare = await site('GET', '/console');

    // Assess
    expect(asset?.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset?.headers['content-type']).toMatch(/^text\/javascript/);
    expect(bare).toMatchObject({ status: 308, headers: { location: '/console/' } });
  });

  it('answers the dev identity configuration', async () => {
    // Act
    const config = await createConsoleSite(builtConsole())('GET', '/console/config.json');

    // Assess
    expect(JSON.parse(String(config?.body))).toEqual({
      apiBaseUrl: '',
      auth: { kind: 'dev', tokenUrl: '/_local/dev-token' },
    });
  });

  it('never serves a file outside the build, and leaves other paths to the API', async () => {
    // Prepare
    const site = createConsoleSite(builtConsole());

    // Act
    const escaped = await site('GET', '/console/..%2F..%2Fetc%2Fpasswd');
    const other = await site('GET', '/links');
    const written = await site('POST', '/console/');

    // Assess
    expect(escaped?.status).toBe(404);
    expect(other).toBeUndefined();
    expect(written?.status).toBe(405);
  });

  it('says how to build the console when it is not built', async () => {
    // Act
    const page = await createConsoleSite(mkdtempSync(join(tmpdir(), 'tandem-empty-')))(
      'GET',
      '/console/'
    );

    // Assess
    expect(page?.status).toBe(503);
    expect(String(page?.body)).toContain('npm run console:build');
  });
});
