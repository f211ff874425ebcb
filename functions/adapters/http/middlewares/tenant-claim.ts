import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PermissionError } from '../../../core/errors.js';
import * as z from '../../../core/zod.js';
import { tenantCorsHeaders } from '../cors.js';
import type { RouteMiddleware } from './context.js';

/** API Gateway's JWT authorizer puts verified claims here; the tenant is one of them. */
interface JwtAuthorizedEvent extends APIGatewayProxyEventV2 {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]> } };
  };
}

const TENANT_CLAIM = 'tenant_id';
const TENANT_NAME_CLAIM = 'tenant_name';
const MAX_TENANT_NAME = 100;
const tenantId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

const tenantClaimInvalid = (): PermissionError =>
  new PermissionError(
    `The access token has no valid ${TENANT_CLAIM} claim: it must be a JSON string of 1-64 characters [A-Za-z0-9_-]; ask your identity provider to add it.`,
    undefined,
    'tenant_claim_missing'
  );

/**
 * The JWT's payload as its issuer wrote it, from the Authorization header API Gateway verified (the
 * authorizer's identity source). Only decoded, not verified: the authorizer did that, and the value is
 * only compared with the verified claim.
 */
const rawTokenClaim = (authorization: string | undefined, claim: string): unknown => {
  const payload = authorization
    ?.replace(/^Bearer\s+/i, '')
    .trim()
    .split('.')[1];
  if (!payload) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof json === 'object' && json !== null
      ? (json as Record<string, unknown>)[claim]
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The caller's tenant. Only a JSON string claim names a tenant. API Gateway's JWT authorizer hands
 * every claim over as a string (0, true and "0" all arrive as "0" or "true"; see
 * infra/local/runtime/src/identity.ts), so the verified claim is checked against the token's own
 * payload: a number, boolean, null, array or object there is refused with 403.
 */
const callerTenant = (event: JwtAuthorizedEvent, authorization: string | undefined): string => {
  const claim = event.requestContext.authorizer?.jwt?.claims?.[TENANT_CLAIM];
  const parsed = tenantId.safeParse(claim);
  if (!parsed.success || rawTokenClaim(authorization, TENANT_CLAIM) !== parsed.data) {
    throw tenantClaimInvalid();
  }
  return parsed.data;
};

/**
 * The tenant's display name: only a JSON string claim (checked against the token as the tenant id
 * is), control characters dropped, trimmed and bounded; otherwise the tenant id.
 */
const callerTenantName = (
  event: JwtAuthorizedEvent,
  authorization: string | undefined,
  tenant: string
): string => {
  const claim = event.requestContext.authorizer?.jwt?.claims?.[TENANT_NAME_CLAIM];
  if (typeof claim !== 'string' || rawTokenClaim(authorization, TENANT_NAME_CLAIM) !== claim) {
    return tenant;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const name = claim.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return name ? name.slice(0, MAX_TENANT_NAME) : tenant;
};

const callerSubject = (event: JwtAuthorizedEvent, tenant: string): string => {
  const claim = event.requestContext.authorizer?.jwt?.claims?.sub;
  return typeof claim === 'string' && claim !== '' ? claim.slice(0, 256) : tenant;
};

/**
 * Tenant routes: the caller's tenant (403 without a valid claim), then the CORS headers its own
 * origins allow (when `cors` is on), its display name and the subject.
 */
const tenantClaim = (cors: boolean): RouteMiddleware => ({
  before: async ({ event, context: { route } }) => {
    const authorized = event as JwtAuthorizedEvent;
    route.tenant = callerTenant(authorized, route.headers.authorization);
    if (cors) route.corsHeaders = await tenantCorsHeaders(cors, route.tenant, route.headers.origin);
    route.tenantName = callerTenantName(authorized, route.headers.authorization, route.tenant);
    route.subject = callerSubject(authorized, route.tenant);
  },
});

export { TENANT_CLAIM, tenantClaim };
