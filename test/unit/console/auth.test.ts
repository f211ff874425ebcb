import { describe, expect, it } from 'vitest';
import {
  type KeyValueStore,
  loadSession,
  saveSession,
  sessionOf,
} from '../../../console/src/auth/session.js';
import { parseConfig } from '../../../console/src/config.js';

const memory = (): KeyValueStore & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};

const jwt = (claims: Record<string, unknown>) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('Console: sessions', () => {
  it("takes the tenant and expiry from the token's claims", () => {
    // Act
    const session = sessionOf(jwt({ tenant_id: 'acme', tenant_name: 'Acme', exp: 2_000_000_000 }));

    // Assess
    expect(session).toMatchObject({
      tenantId: 'acme',
      tenantName: 'Acme',
      expiresAt: new Date(2_000_000_000_000).toISOString(),
    });
  });

  it('forgets an expired session', () => {
    // Prepare
    const store = memory();
    saveSession(store, sessionOf(jwt({ tenant_id: 'acme', exp: 1_000 })));

    // Assess
    expect(loadSession(store)).toBeNull();
  });
});

describe('Console: parseConfig', () => {
  it('accepts the dev identity and an OIDC provider', () => {
    expect(
      parseConfig({ apiBaseUrl: '', auth: { kind: 'dev', tokenUrl: '/_local/dev-token' } })
    ).toEqual({ apiBaseUrl: '', auth: { kind: 'dev', tokenUrl: '/_local/dev-token' } });
    expect(
      parseConfig({
        apiBaseUrl: '',
        auth: { kind: 'oidc', issuer: 'https://id.example.com/', clientId: 'c', scope: 'openid' },
      }).auth
    ).toMatchObject({ kind: 'oidc', clientId: 'c' });
  });

  it('says what is missing from a broken configuration', () => {
    expect(() => parseConfig({ apiBaseUrl: '', auth: { kind: 'oidc', issuer: 'x' } })).toThrow(
      /clientId/
    );
  });
});
