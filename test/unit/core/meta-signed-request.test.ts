import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/core/errors.js';
import { signRequest, verifySignedRequest } from '../../../functions/core/meta-signed-request.js';

const SECRET = 'app-secret-0123456789abcdef';

describe('Function: verifySignedRequest', () => {
  it('returns the payload of a request signed with the app secret', () => {
    // Prepare
    const signed = signRequest(
      { algorithm: 'HMAC-SHA256', user_id: '218471', issued_at: 1291836800 },
      SECRET
    );

    // Act
    const payload = verifySignedRequest(signed, SECRET);

    // Assess
    expect(payload).toMatchObject({ user_id: '218471', issued_at: 1291836800 });
  });

  it('signs over the encoded payload segment, as Meta does', () => {
    // Prepare
    const payloadPart = Buffer.from('{"algorithm":"HMAC-SHA256","user_id":"1"}').toString(
      'base64url'
    );
    const signature = createHmac('sha256', SECRET).update(payloadPart).digest('base64url');

    // Act
    const payload = verifySignedRequest(`${signature}.${payloadPart}`, SECRET);

    // Assess
    expect(payload.user_id).toBe('1');
  });

  it.each([
    ['no dot', 'abc'],
    ['empty payload', 'abc.'],
    ['empty signature', '.abc'],
    ['non-base64url characters', 'ab$c.de*f'],
    ['a payload that is not JSON', `sig.${Buffer.from('not json').toString('base64url')}`],
  ])('refuses %s', (_, signed) => {
    // Act
    const verify = () => verifySignedRequest(signed, SECRET);

    // Assess
    expect(verify).toThrow(ValidationError);
  });

  it('refuses another secret’s signature', () => {
    // Prepare
    const signed = signRequest({ algorithm: 'HMAC-SHA256', user_id: '1' }, 'another-secret-xxxxxx');

    // Act
    const verify = () => verifySignedRequest(signed, SECRET);

    // Assess
    expect(verify).toThrow(/signature does not match/);
  });

  it('refuses a truncated signature without throwing a RangeError', () => {
    // Prepare
    const signed = signRequest({ algorithm: 'HMAC-SHA256', user_id: '1' }, SECRET);
    const truncated = signed.slice(0, 10) + signed.slice(signed.indexOf('.'));

    // Act
    const verify = () => verifySignedRequest(truncated, SECRET);

    // Assess
    expect(verify).toThrow(ValidationError);
  });

  it('refuses an algorithm other than HMAC-SHA256', () => {
    // Prepare
    const signed = signRequest({ algorithm: 'none', user_id: '1' }, SECRET);

    // Act
    const verify = () => verifySignedRequest(signed, SECRET);

    // Assess
    expect(verify).toThrow(/unsupported algorithm/);
  });

  it('refuses a tampered payload', () => {
    // Prepare
    const signed = signRequest({ algorithm: 'HMAC-SHA256', user_id: '1' }, SECRET);
    const [signature] = signed.split('.');
    const tampered = `${signature}.${Buffer.from('{"algorithm":"HMAC-SHA256","user_id":"2"}').toString('base64url')}`;

    // Act
    const verify = () => verifySignedRequest(tampered, SECRET);

    // Assess
    expect(verify).toThrow(/signature does not match/);
  });
});
