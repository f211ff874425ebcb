import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifySignedRequest } from '../../../functions/core/meta-signed-request.js';
import { verifyHubSignature } from '../../../functions/core/sync/webhook.js';
import { localSecrets } from '../../../infra/local/runtime/src/local-data.js';
import { UsageError } from '../../../scripts/cli.js';
import { sign, signWithLocalSecret } from '../../../scripts/sign.js';

const APP_SECRET = 'a-local-app-secret';
const dir = mkdtempSync(join(tmpdir(), 'tandem-sign-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Script: npm run sign', () => {
  it("signs a webhook body's exact bytes as Tandem's receiver verifies them", () => {
    // Prepare: non-ASCII and no trailing newline, so any re-encoding would show.
    const body = Buffer.from(
      '{"object":"page","entry":[{"id":"1","changes":[{"field":"name","value":"Café"}]}]}'
    );
    const file = join(dir, 'webhook.json');
    writeFileSync(file, body);

    // Act
    const header = sign(['webhook', file], APP_SECRET);

    // Assess
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(() => verifyHubSignature(body, header, [APP_SECRET])).not.toThrow();
    expect(() => verifyHubSignature(body, header, ['another-secret'])).toThrow();
  });

  it("makes a signed_request Tandem's callbacks accept, for the user and time given", () => {
    // Act
    const signed = sign(
      ['signed-request', '--user', '100000000000001', '--issued-at', '1800000000'],
      APP_SECRET
    );

    // Assess
    const payload = verifySignedRequest(signed, APP_SECRET, { now: new Date(1_800_000_060_000) });
    expect(payload).toMatchObject({ user_id: '100000000000001', issued_at: 1_800_000_000 });
  });

  it('signs a signed_request as issued now unless told otherwise', () => {
    // Act
    const signed = sign(['signed-request', '--user', '42'], APP_SECRET);

    // Assess
    expect(verifySignedRequest(signed, APP_SECRET, { now: new Date() }).user_id).toBe('42');
  });

  it("computes a token's appsecret_proof", () => {
    // Act
    const proof = sign(['proof', 'EAAUtoken'], APP_SECRET);

    // Assess
    expect(proof).toBe(createHmac('sha256', APP_SECRET).update('EAAUtoken').digest('hex'));
  });

  it('uses the app secret kept in the data directory', () => {
    // Prepare
    const dataDir = join(dir, 'data');
    const { appSecret } = localSecrets(dataDir);

    // Act
    const proof = signWithLocalSecret(['proof', 'EAAUtoken'], { TANDEM_DATA_DIR: dataDir });

    // Assess
    expect(proof).toBe(sign(['proof', 'EAAUtoken'], appSecret));
  });

  it.each([
    [[]],
    [['stamp']],
    [['webhook']],
    [['webhook', join(dir, 'missing.json')]],
    [['signed-request']],
    [['signed-request', '--user', '1', '--issued-at', 'yesterday']],
    [['proof']],
    [['proof', 'a', 'b']],
  ])('refuses %j as a usage error', (args) => {
    // Act & Assess
    expect(() => sign(args, APP_SECRET)).toThrow(UsageError);
  });
});
