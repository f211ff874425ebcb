import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/core/errors.js';
import {
  replayKeyOf,
  signRequest,
  verifySignedRequest,
} from '../../../functions/core/meta-signed-request.js';

const SECRET = 'app-secret-0123456789abcdef';
const NOW = new Date('2026-07-01T10:00:00.000Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const fresh = { now: NOW };
/** A payload Meta would send now. */
const payloadOf = (fields: Record<string, unknown> = {}) => ({
  algorithm: 'HMAC-SHA256',
  user_id: '1',
  issued_at: NOW_SECONDS - 5,
  ...fields,
});

describe('Function: verifySignedRequest', () => {
  it('returns the payload of a request signed with the app secret', () => {
    // Prepare
    const signed = signRequest(payloadOf({ user_id: '218471' }), SECRET);

    // Act
    const payload = verifySignedRequest(signed, SECRET, fresh);

    // Assess
    expect(payload).toMatchObject({ user_id: '218471', issued_at: NOW_SECONDS - 5 });
  });

  it('signs over the encoded payload segment, as Meta does', () => {
    // Prepare
    const payloadPart = Buffer.from(
      `{"algorithm":"HMAC-SHA256","user_id":"1","issued_at":${NOW_SECONDS}}`
    ).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(payloadPart).digest('base64url');

    // Act
    const payload = verifySignedRequest(`${signature}.${payloadPart}`, SECRET, fresh);

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
    const verify = () => verifySignedRequest(signed, SECRET, fresh);

    // Assess
    expect(verify).toThrow(ValidationError);
  });

  it('refuses another secret’s signature', () => {
    // Prepare
    const signed = signRequest(payloadOf(), 'another-secret-xxxxxx');

    // Act
    const verify = () => verifySignedRequest(signed, SECRET, fresh);

    // Assess
    expect(verify).toThrow(/signature does not match/);
  });

  it('refuses a truncated signature without throwing a RangeError', () => {
    // Prepare
    const signed = signRequest(payloadOf(), SECRET);
    const truncated = signed.slice(0, 10) + signed.slice(signed.indexOf('.'));

    // Act
    const verify = () => verifySignedRequest(truncated, SECRET, fresh);

    // Assess
    expect(verify).toThrow(ValidationError);
  });

  it('refuses an algorithm other than HMAC-SHA256', () => {
    // Prepare
    const signed = signRequest(payloadOf({ algorithm: 'none' }), SECRET);

    // Act
    const verify = () => verifySignedRequest(signed, SECRET, fresh);

    // Assess
    expect(verify).toThrow(/unsupported algorithm/);
  });

  it('refuses a tampered payload', () => {
    // Prepare
    const signed = signRequest(payloadOf(), SECRET);
    const [signature] = signed.split('.');
    const tampered = `${signature}.${Buffer.from('{"algorithm":"HMAC-SHA256","user_id":"2"}').toString('base64url')}`;

    // Act
    const verify = () => verifySignedRequest(tampered, SECRET, fresh);

    // Assess
    expect(verify).toThrow(/signature does not match/);
  });

  it('accepts a request up to the window’s age and a little clock skew ahead', () => {
    // Prepare
    const oldest = signRequest(payloadOf({ issued_at: NOW_SECONDS - 3600 }), SECRET);
    const ahead = signRequest(payloadOf({ issued_at: NOW_SECONDS + 60 }), SECRET);

    // Act & Assess
    expect(verifySignedRequest(oldest, SECRET, fresh).issued_at).toBe(NOW_SECONDS - 3600);
    expect(verifySignedRequest(ahead, SECRET, fresh).issued_at).toBe(NOW_SECONDS + 60);
  });

  it('refuses a request older than the window as expired', () => {
    // Prepare
    const stale = signRequest(payloadOf({ issued_at: NOW_SECONDS - 3601 }), SECRET);

    // Act
    const verify = () => verifySignedRequest(stale, SECRET, fresh);

    // Assess
    expect(verify).toThrow(expect.objectContaining({ code: 'signed_request_expired' }));
  });

  it.each([
    ['without issued_at', { issued_at: undefined }],
    ['issued in the future', { issued_at: NOW_SECONDS + 3600 }],
    ['with a fractional issued_at', { issued_at: NOW_SECONDS - 0.5 }],
  ])('refuses a request %s', (_, fields) => {
    // Prepare
    const signed = signRequest(payloadOf(fields), SECRET);

    // Act
    const verify = () => verifySignedRequest(signed, SECRET, fresh);

    // Assess
    expect(verify).toThrow(expect.objectContaining({ code: 'signed_request_invalid' }));
  });
});

describe('Function: replayKeyOf', () => {
  it('is the same for the same request and differs by kind, user and issue time', () => {
    // Prepare
    const request = { user_id: '218471', issued_at: 1767225600 };

    // Act
    const keys = [
      replayKeyOf(SECRET, 'deauthorize', request),
      replayKeyOf(SECRET, 'deauthorize', { ...request }),
      replayKeyOf(SECRET, 'data_deletion', request),
      replayKeyOf(SECRET, 'deauthorize', { ...request, user_id: '218472' }),
      replayKeyOf(SECRET, 'deauthorize', { ...request, issued_at: 1767225601 }),
    ];

    // Assess
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(4);
    expect(keys[0]).not.toContain('218471');
  });
});
