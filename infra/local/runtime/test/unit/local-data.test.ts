import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDataDir, localSecrets } from '../../src/local-data.js';

const dirs: string[] = [];
const aDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-local-data-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Runtime: local secrets', () => {
  it('keeps the same app secret, token key and dev signing key from one start to the next', () => {
    // Prepare
    const dir = aDataDir();

    // Act
    const first = localSecrets(dir);
    const second = localSecrets(dir);

    // Assess
    expect(second).toEqual(first);
    expect(first.devSigningKey).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      kid: 'tandem-local-dev',
    });
    expect(first.devSigningKey.d).toEqual(expect.any(String));
  });

  it('writes them readable by the owner only', () => {
    // Prepare
    const dir = aDataDir();

    // Act
    localSecrets(dir);

    // Assess
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('adds a secret an older file lacks and keeps the ones it has, owner-only', () => {
    // Prepare: a file from before dev tokens were kept, written world-readable.
    const dir = aDataDir();
    const path = join(dir, 'secrets.json');
    const older = {
      appSecret: 'kept-app-secret',
      webhookVerifyToken: 'kept',
      tokenKey: 'a2VwdA==',
    };
    writeFileSync(path, JSON.stringify(older));
    chmodSync(path, 0o644);

    // Act
    const secrets = localSecrets(dir);

    // Assess
    expect(secrets).toMatchObject(older);
    expect(secrets.devSigningKey.kty).toBe('RSA');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(secrets);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('makes fresh ones every time when there is no data directory', () => {
    // Act
    const first = localSecrets();
    const second = localSecrets();

    // Assess
    expect(second.appSecret).not.toBe(first.appSecret);
    expect(second.devSigningKey.n).not.toBe(first.devSigningKey.n);
  });

  it('says how to recover from a file it cannot read', () => {
    // Prepare
    const dir = aDataDir();
    writeFileSync(join(dir, 'secrets.json'), '{ not json');

    // Act & Assess
    expect(() => localSecrets(dir)).toThrow(/secrets\.json.*npm start -- --fresh/s);
  });
});

describe('Runtime: local data directory', () => {
  it('is .local unless TANDEM_DATA_DIR names another', () => {
    // Act & Assess
    expect(localDataDir({})).toBe(resolve('.local'));
    expect(localDataDir({ TANDEM_DATA_DIR: '' })).toBe(resolve('.local'));
    expect(localDataDir({ TANDEM_DATA_DIR: '/tmp/elsewhere' })).toBe('/tmp/elsewhere');
  });
});
