import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../../../functions/core/events/signing.js';

const SECRET = 'whsec_test-secret';
const BODY = '{"id":"evt_1","type":"link.created"}';
const NOW = new Date('2026-12-01T10:00:00.000Z');
const T = Math.floor(NOW.getTime() / 1000);

describe('Function: signatureHeader', () => {
  it('signs <t>.<body> with HMAC-SHA256, one v1 per secret', () => {
    // Act
    const header = signatureHeader([SECRET, 'whsec_old'], T, BODY);

    // Assess
    const hex = (secret: string) =>
      createHmac('sha256', secret).update(`${T}.${BODY}`).digest('hex');
    expect(header).toBe(`t=${T},v1=${hex(SECRET)},v1=${hex('whsec_old')}`);
  });
});

describe('Function: verifySignature', () => {
  it('accepts a delivery signed with the secret within the tolerance', () => {
    // Act
    const check = verifySignature(signatureHeader([SECRET], T - 299, BODY), BODY, SECRET, {
      now: NOW,
    });

    // Assess
    expect(check).toEqual({ ok: true, timestamp: T - 299 });
  });

  it('accepts a delivery signed with a rotated pair when either secret is the receiver’s', () => {
    // Act
    const header = signatureHeader(['whsec_new', SECRET], T, BODY);

    // Assess
    expect(verifySignature(header, BODY, SECRET, { now: NOW }).ok).toBe(true);
  });

  it('refuses a replay whose timestamp is older than the tolerance', () => {
    // Act
    const check = verifySignature(signatureHeader([SECRET], T - 301, BODY), BODY, SECRET, {
      now: NOW,
    });

    // Assess
    expect(check).toEqual({ ok: false, reason: 'too_old' });
  });

  it('refuses a timestamp from the future beyond the tolerance', () => {
    expect(
      verifySignature(signatureHeader([SECRET], T + 301, BODY), BODY, SECRET, { now: NOW })
    ).toEqual({ ok: false, reason: 'too_new' });
  });

  it('refuses a tampered body', () => {
    // Act
    const check = verifySignature(
      signatureHeader([SECRET], T, BODY),
      BODY.replace('link.created', 'link.deleted'),
      SECRET,
      { now: NOW }
    );

    // Assess
    expect(check).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp changed after signing (a replay made to look fresh)', () => {
    // Prepare
    const old = signatureHeader([SECRET], T - 3600, BODY);

    // Act
    const check = verifySignature(old.replace(`t=${T - 3600}`, `t=${T}`), BODY, SECRET, {
      now: NOW,
    });

    // Assess
    expect(check).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses another secret, a missing header and malformed ones', () => {
    const signed = signatureHeader([SECRET], T, BODY);
    expect(verifySignature(signed, BODY, 'whsec_other', { now: NOW }).ok).toBe(false);
    expect(verifySignature(undefined, BODY, SECRET, { now: NOW })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    for (const header of [`v1=abc`, `t=${T}`, `t=x,v1=00`, `t=${T},t=${T},v1=00`]) {
      expect(verifySignature(header, BODY, SECRET, { now: NOW }).ok).toBe(false);
    }
    expect(verifySignature(`t=${T},v1=zz`, BODY, SECRET, { now: NOW })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});
