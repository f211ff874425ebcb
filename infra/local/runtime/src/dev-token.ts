import * as z from 'zod';
import { controlBody, type LocalControlRequest } from './gateway.js';
import type { DevIdentity } from './identity.js';

/**
 * The console's local sign-in: `POST /_local/dev-token {"tenantId", "tenantName"?}` mints a dev token
 * for any tenant, as `npm start`'s banner prints one. Local only: it lives under the gateway's
 * `/_local/` prefix, which no route of the route table (and so of API Gateway) uses, and it exists
 * only in the embedded default, whose dev identity no deployment trusts.
 */

const DEV_TOKEN_TTL_SECONDS = 3600;

const devTokenRequest = z.strictObject({
  // The tenant claim the API accepts (functions/adapters/http/route.ts).
  tenantId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'tenantId must be 1-64 of A-Z a-z 0-9 _ -'),
  tenantName: z.string().trim().min(1).max(100).optional(),
});

interface DevToken {
  token: string;
  tenantId: string;
  expiresAt: string;
}

const mintDevToken =
  (identity: Pick<DevIdentity, 'issueDevToken'>) =>
  async (request: LocalControlRequest): Promise<DevToken> => {
    const { tenantId, tenantName } = controlBody(request, devTokenRequest, '{"tenantId": "demo"}');
    const token = await identity.issueDevToken({
      tenantId,
      ttlSeconds: DEV_TOKEN_TTL_SECONDS,
      ...(tenantName ? { claims: { tenant_name: tenantName } } : {}),
    });
    return {
      token,
      tenantId,
      expiresAt: new Date(Date.now() + DEV_TOKEN_TTL_SECONDS * 1000).toISOString(),
    };
  };

export type { DevToken };
export { mintDevToken };
