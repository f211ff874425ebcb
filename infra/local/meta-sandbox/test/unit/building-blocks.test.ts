import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { signedRequest } from '../../src/callbacks.js';
import { checkProfileUpdate } from '../../src/graph/profile-validation.js';
import { solidPng } from '../../src/png.js';
import { findRoute } from '../../src/router.js';
import { signatureOf } from '../../src/webhooks.js';

describe('Function: solidPng', () => {
  it('builds a valid PNG whose chunks carry correct CRCs', () => {
    // Act
    const png = solidPng('seed', 8);

    // Assess
    const ihdr = png.subarray(8 + 8, 8 + 8 + 13);
    const crc = png.readUInt32BE(8 + 8 + 13);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    );
    expect(ihdr.readUInt32BE(0)).toBe(8);
    expect(crc).toBe(crc32(Buffer.concat([Buffer.from('IHDR'), ihdr])) >>> 0);
    const idatLength = png.readUInt32BE(33);
    expect(inflateSync(png.subarray(41, 41 + idatLength))).toHaveLength(8 * (1 + 8 * 3));
  });

  it('changes colour with the seed', () => {
    // Assess
    expect(solidPng('a', 4).equals(solidPng('b', 4))).toBe(false);
    expect(solidPng('a', 4).equals(solidPng('a', 4))).toBe(true);
  });
});

describe('Function: findRoute', () => {
  const routes = [
    { method: 'GET', pattern: '/:id/picture' },
    { method: 'GET', pattern: '/:id' },
  ];

  it('matches the first pattern and extracts parameters', () => {
    // Act
    const match = findRoute(routes, 'GET', '/123/picture');

    // Assess
    expect(match).toEqual({ route: routes[0], params: { id: '123' } });
  });

  it('tells a wrong method from an unknown path', () => {
    // Assess
    expect(findRoute(routes, 'DELETE', '/123')).toEqual({ pathMatched: true });
    expect(findRoute(routes, 'GET', '/1/2/3')).toEqual({ pathMatched: false });
  });
});

describe('Function: checkProfileUpdate', () => {
  it('counts characters, not UTF-16 units', () => {
    // Act
    const check = checkProfileUpdate({ messaging_product: 'whatsapp', about: '🍞'.repeat(139) });

    // Assess
    expect(check.ok).toBe(true);
  });

  it('rejects a field the profile does not have, such as hours', () => {
    // Act
    const check = checkProfileUpdate({ messaging_product: 'whatsapp', hours: {} });

    // Assess
    expect(check).toEqual({
      ok: false,
      message:
        '(#100) Param hours is not a parameter of POST /{Version}/{Phone-Number-ID}/whatsapp_business_profile',
    });
  });

  it('refuses an empty email, which the spec does not take as an email address', () => {
    // Act
    const check = checkProfileUpdate({ messaging_product: 'whatsapp', email: '' });

    // Assess
    expect(check).toEqual({
      ok: false,
      message: '(#100) Invalid parameter: /email must match format "email"',
    });
  });
});

describe('Function: signatures', () => {
  it('signs webhook bodies as sha256=<lowercase hex>', () => {
    // Assess
    expect(signatureOf('{}', 'secret')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('builds a signed_request of two base64url segments', () => {
    // Act
    const [signature, payload] = signedRequest({ user_id: '1' }, 'secret').split('.');

    // Assess
    expect(signature).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))).toEqual({
      user_id: '1',
    });
  });
});
