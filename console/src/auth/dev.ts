import { type Session, sessionOf } from './session.js';

/**
 * The local sign-in: the embedded default's gateway mints a dev token for the tenant named. This is
 * the one request that does not go through the generated client, because the route is not part of
 * the API: it exists only in the local gateway.
 */
const signInDev = async (
  tokenUrl: string,
  tenantId: string,
  tenantName: string
): Promise<Session> => {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId, ...(tenantName ? { tenantName } : {}) }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    token?: string;
    expiresAt?: string;
    message?: string;
  };
  if (!response.ok || !body.token) {
    throw new Error(body.message ?? `The local sign-in answered ${response.status}.`);
  }
  return sessionOf(body.token, body.expiresAt);
};

export { signInDev };
