import { describe, expect, it } from 'vitest';
import { createDevIdentity, toGatewayClaims } from '../../src/identity.js';

describe('Gateway: JWT authorizer claims', () => {
  it('hands every claim over as a string, as HTTP API payload 2.0 does', () => {
    // Act
    const claims = toGatewayClaims({
      sub: 'user-1',
      tenant_id: 0,
      admin: true,
      exp: 1767225600,
      groups: ['admin', 'editor'],
      address: { city: 'Lisbon' },
      empty: null,
    });

    // Assess
    expect(claims).toEqual({
      sub: 'user-1',
      tenant_id: '0',
      admin: 'true',
      exp: '1767225600',
      groups: '[admin editor]',
      address: '{"city":"Lisbon"}',
    });
  });
});

describe('Local identity: a kept signing key', () => {
  it("accepts an earlier identity's tokens when made from the same key, and no one else's", async () => {
    // Prepare
    const first = await createDevIdentity();
    const token = await first.issueDevToken({ tenantId: 'acme' });

    // Act
    const restarted = await createDevIdentity({ privateJwk: first.privateJwk });
    const fresh = await createDevIdentity();

    // Assess
    expect(await restarted.authorizer.authorize(`Bearer ${token}`)).toMatchObject({
      ok: true,
      jwt: { claims: { tenant_id: 'acme' } },
    });
    expect(await fresh.authorizer.authorize(`Bearer ${token}`)).toMatchObject({ ok: false });
  });
});
