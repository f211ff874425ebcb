import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createDevIdentity } from '../../../infra/local/runtime/src/identity.js';
import { localSecrets } from '../../../infra/local/runtime/src/local-data.js';
import { UsageError } from '../../../scripts/cli.js';
import { mintToken, parseDuration, tokenRequest } from '../../../scripts/token.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-token-'));
const env = { TANDEM_DATA_DIR: dataDir };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('Script: npm run token', () => {
  it('mints a token the local authorizer of the same data directory accepts, with the tenant and its name', async () => {
    // Prepare
    const token = await mintToken(['--tenant', 'acme', '--name', 'Acme Ltd'], env);

    // Act: the identity npm start builds from the same directory.
    const identity = await createDevIdentity({ privateJwk: localSecrets(dataDir).devSigningKey });
    const result = await identity.authorizer.authorize(`Bearer ${token}`);

    // Assess
    expect(result).toMatchObject({
      ok: true,
      jwt: { claims: { tenant_id: 'acme', tenant_name: 'Acme Ltd', sub: 'dev-user-acme' } },
    });
  });

  it('is refused by an identity with another key', async () => {
    // Prepare
    const token = await mintToken(['--tenant', 'acme'], env);

    // Act
    const result = await (await createDevIdentity()).authorizer.authorize(`Bearer ${token}`);

    // Assess
    expect(result).toMatchObject({ ok: false });
  });

  it('lasts an hour unless --ttl says otherwise, and --ttl=-1m is already expired', async () => {
    // Act
    const hour = decodeJwt(await mintToken(['--tenant', 'acme'], env));
    const week = decodeJwt(await mintToken(['--tenant', 'acme', '--ttl', '7d'], env));
    const expired = await mintToken(['--tenant', 'acme', '--ttl=-1m'], env);

    // Assess
    expect((hour.exp ?? 0) - (hour.iat ?? 0)).toBe(3600);
    expect((week.exp ?? 0) - (week.iat ?? 0)).toBe(7 * 86_400);
    const identity = await createDevIdentity({ privateJwk: localSecrets(dataDir).devSigningKey });
    expect(await identity.authorizer.authorize(expired)).toEqual({
      ok: false,
      description: 'the token has expired',
    });
  });

  it.each([
    ['3600', 3600],
    ['90s', 90],
    ['30m', 1800],
    ['12h', 43_200],
    ['7d', 604_800],
    ['-1m', -60],
  ])('reads the duration %s as %i seconds', (text, seconds) => {
    // Act & Assess
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['0', '1w', 'soon', '1.5h', ''])('refuses the duration "%s"', (text) => {
    // Act & Assess
    expect(() => parseDuration(text)).toThrow(UsageError);
  });

  it.each([
    [[], /--tenant/],
    [['--tenant', '  '], /--tenant/],
    [['--tenant', 'acme', '--colour', 'blue'], /colour/],
    [['acme'], /argument/],
  ])('refuses %j as a usage error', (args, message) => {
    // Act & Assess
    expect(() => tokenRequest(args)).toThrow(UsageError);
    expect(() => tokenRequest(args)).toThrow(message);
  });
});
