import { describe, expect, it } from 'vitest';
import { GraphRateLimitError } from '../../../../functions/adapters/graph/errors.js';
import { createLogger } from '../../../../functions/adapters/observability/logger.js';
import { redact, redactText } from '../../../../functions/adapters/observability/redact.js';

const META_TOKEN = `EAAG${'Zx9Q2mRtY7'.repeat(12)}`;
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRfaWQiOiJkZW1vIiwic3ViIjoiZGV2In0.c2lnbmF0dXJlLW9mLXRoZS1kZXYta2V5';
/** A PKCE verifier as Tandem draws them: 32 random bytes, base64url. */
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const OAUTH_CODE = `AQB${'x7Kd_Qp2-Lm9'.repeat(20)}`;

const logged = () => {
  const lines: string[] = [];
  const log = createLogger({}, 'debug', (line) => lines.push(line));
  return { log, entry: () => JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown> };
};

describe('Function: redact', () => {
  it('keeps error codes, whatever key carries them', () => {
    // Act
    const result = redact({ code: 'rate_limited', error: { code: 190, subcode: 463 } });

    // Assess
    expect(result).toEqual({ code: 'rate_limited', error: { code: 190, subcode: 463 } });
  });

  it.each([
    ['a Meta token', META_TOKEN],
    ['a JWT', JWT],
    ['a PKCE verifier', VERIFIER],
    ['an OAuth authorisation code', OAUTH_CODE],
  ])('redacts %s by its shape under an innocent key', (_what, secret) => {
    // Act
    const result = redact({ value: secret, list: [secret], code: secret });

    // Assess
    expect(result).toEqual({ value: '[redacted]', list: ['[redacted]'], code: '[redacted]' });
  });

  it('redacts secrets embedded in text and in URLs', () => {
    // Act
    const result = redactText(
      `GET /me?access_token=${META_TOKEN}&fields=id with Authorization: Bearer ${JWT}; token ${META_TOKEN} and ${JWT} in a message`
    );

    // Assess
    expect(result).toBe(
      'GET /me?access_token=[redacted]&fields=id with Authorization: Bearer [redacted]; token [redacted] and [redacted] in a message'
    );
  });

  it('keeps ids, hashes and paths that are not secrets', () => {
    // Prepare
    const values = {
      linkId: 'lnk_0123456789abcdef0123456789abcdef',
      sha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
      path: '/v25.0/102345678901234/whatsapp_business_profile',
      requestId: '8b4c7e2f-3f1a-4c7d-9e2b-1a2b3c4d5e6f',
    };

    // Act & Assess
    expect(redact(values)).toEqual(values);
  });

  it('redacts at any depth and survives cycles', () => {
    // Prepare
    let deep: Record<string, unknown> = { accessToken: 'plain-secret', note: META_TOKEN };
    for (let level = 0; level < 30; level += 1) deep = { inner: deep };
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;

    // Act
    const text = JSON.stringify(redact({ deep, cyclic }));

    // Assess
    expect(text).not.toContain('plain-secret');
    expect(text).not.toContain(META_TOKEN);
    expect(text).toContain('"self":"[circular]"');
  });
});

describe('Function: createLogger', () => {
  it("writes a Graph retry's error code and trace id, not blanks", () => {
    // Prepare
    const { log, entry } = logged();
    const error = new GraphRateLimitError({
      message: 'Application request limit reached',
      status: 400,
      code: 4,
      fbtraceId: 'AbCdEf123',
    });

    // Act
    log.warn('graph request failed; retrying', { ...error.toLog(), attempt: 1 });

    // Assess
    expect(entry()).toMatchObject({ metaCode: 4, fbtraceId: 'AbCdEf123', attempt: 1 });
  });

  it("writes a failed ad's error code", () => {
    // Prepare
    const { log, entry } = logged();

    // Act
    log.warn('ad creation failed', { operationId: 'op_1', code: 'ads_permission_missing' });

    // Assess
    expect(entry()).toMatchObject({ code: 'ads_permission_missing' });
  });

  it('never writes a token, by key or by shape', () => {
    // Prepare
    const { log, entry } = logged();

    // Act
    log.info('signed in', { grant: { token: 'sealed', userToken: META_TOKEN }, state: VERIFIER });

    // Assess
    expect(JSON.stringify(entry())).not.toMatch(/sealed|EAAG|dBjft/);
  });
});
