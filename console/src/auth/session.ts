/**
 * The signed-in session: the access token the API takes, and what the console shows of it. Kept in
 * sessionStorage (this tab only, gone when it closes), never in localStorage.
 */

interface Session {
  token: string;
  tenantId: string;
  tenantName: string | null;
  /** ISO-8601. */
  expiresAt: string;
}

const KEY = 'tandem.session';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The claims of a JWT, read without verifying it (the API verifies it; the console only shows them). */
const claimsOf = (token: string): Record<string, unknown> => {
  const payload = token.split('.')[1] ?? '';
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** A session from an access token; its tenant and expiry come from the token's claims. */
const sessionOf = (token: string, fallbackExpiresAt?: string): Session => {
  const claims = claimsOf(token);
  const exp =
    typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined;
  return {
    token,
    tenantId: typeof claims.tenant_id === 'string' ? claims.tenant_id : '',
    tenantName: typeof claims.tenant_name === 'string' ? claims.tenant_name : null,
    expiresAt: exp ?? fallbackExpiresAt ?? new Date(Date.now() + 3600_000).toISOString(),
  };
};

const loadSession = (store: KeyValueStore, now: Date = new Date()): Session | null => {
  try {
    const session = JSON.parse(store.getItem(KEY) ?? 'null') as Session | null;
    if (!session?.token || Date.parse(session.expiresAt) <= now.getTime()) return null;
    return session;
  } catch {
    return null;
  }
};

const saveSession = (store: KeyValueStore, session: Session): void =>
  store.setItem(KEY, JSON.stringify(session));

const clearSession = (store: KeyValueStore): void => store.removeItem(KEY);

export type { KeyValueStore, Session };
export { claimsOf, clearSession, loadSession, saveSession, sessionOf };
