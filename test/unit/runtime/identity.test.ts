import { describe, expect, it } from 'vitest';
import { toGatewayClaims } from '../../../infra/local/runtime/identity.js';

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
