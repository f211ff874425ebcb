import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import {
  ConfigError,
  PayloadTooLargeError,
  PermissionError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../core/errors.js';
import { QUOTAS, type QuotaCounter, type QuotaName, takeQuotas } from '../../core/quotas.js';
import * as z from '../../core/zod.js';
import { formatIssues } from '../config.js';
import { asCaller } from '../graph/caller.js';
import { type Logger, logger } from '../observability/logger.js';
import type { RouteContract } from './contract.js';
import { corsEnabled, tenantCorsHeaders } from './cors.js';
import { errorResponse } from './error-response.js';
import { JSON_HEADERS, SECURITY_HEADERS } from './headers.js';

/** API Gateway's JWT authorizer puts verified claims here; the tenant is one of them. */
interface JwtAuthorizedEvent extends APIGatewayProxyEventV2 {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]> } };
  };
}

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context
) => Promise<APIGatewayProxyStructuredResultV2>;

const TENANT_CLAIM = 'tenant_id';
const TENANT_NAME_CLAIM = 'tenant_name';
const MAX_TENANT_NAME = 100;
const tenantId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/**
 * A route's contract (its input, limits and quotas: functions/http/<area>/routes.ts) and where its
 * tenant quotas are counted; a route whose contract takes quotas must be given a counter.
 */
type RouteOptions<
  B extends z.ZodMiniType,
  Q extends z.ZodMiniType,
  P extends z.ZodMiniType,
> = RouteContract<B, Q, P> & { quotaCounter?: QuotaCounter };

interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The caller's tenant; always set on `tenant` routes. */
  tenant: string;
  /**
   * The tenant's display name, from the JWT's `tenant_name` claim (a JSON string, trimmed, at most
   * 100 characters); the tenant id when the token has none. Set on `tenant` routes.
   */
  tenantName: string;
  /**
   * Who in the tenant made the call: the JWT's `sub` (verified by the authorizer), the tenant id when
   * the token names no one. Set on `tenant` routes; recorded with consent changes.
   */
  subject: string;
  /** The request's cookies, as API Gateway passes them (`name=value` each). */
  cookies: readonly string[];
  /** The body exactly as received (base64 decoded), for signature checks. */
  rawBody: Buffer;
  headers: Record<string, string | undefined>;
  event: APIGatewayProxyEventV2;
  requestId: string;
  log: Logger;
}

interface ResultMeta {
  headers?: Record<string, string>;
  /** Set-Cookie values (payload 2.0 sends them as `cookies`, one header each). */
  cookies?: string[];
}

type RouteResult =
  | ({ status: number; json?: unknown } & ResultMeta)
  | ({ status: number; html: string } & ResultMeta)
  | ({ status: number; text: string } & ResultMeta);

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

const parse = <S extends z.ZodMiniType>(schema: S, value: unknown, where: string): z.infer<S> => {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(`Invalid ${where}: ${formatIssues(result.error)}`, {
      issues: result.error.issues.map((issue) => ({
        path: [where, ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    });
  }
  return result.data;
};

const decodeBody = (event: APIGatewayProxyEventV2, maxBytes: number): Buffer => {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  const raw = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.length > maxBytes) {
    throw new PayloadTooLargeError(
      `The request body is ${raw.length} bytes; this route accepts at most ${maxBytes}.`,
      { maxBytes }
    );
  }
  return raw;
};

/** The media type of a Content-Type value, lower-cased (RFC 9110 §8.3.1: case-insensitive). */
const mediaTypeOf = (contentType: string): string =>
  contentType.split(';')[0]?.trim().toLowerCase() ?? '';

/** `application/json` or a structured syntax suffix of it (`application/merge-patch+json`). */
const isJsonMediaType = (type: string): boolean =>
  type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);

const parseBodyText = (
  raw: Buffer,
  format: 'json' | 'form',
  contentType: string,
  optional: boolean
): unknown => {
  const text = raw.toString('utf8');
  const type = mediaTypeOf(contentType);
  if (format === 'form') {
    if (type !== 'application/x-www-form-urlencoded') {
      throw new UnsupportedMediaTypeError('Send the body as application/x-www-form-urlencoded.');
    }
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (raw.length === 0) {
    if (optional) return {};
    throw new ValidationError('The request needs a JSON body.');
  }
  if (type && !isJsonMediaType(type)) {
    throw new UnsupportedMediaTypeError('Send the body as application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('The request body is not valid JSON.', undefined, 'malformed_json');
  }
};

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
 * Takes the route's tenant quotas (after the input parsed, before any work), or throws a 429
 * QuotaExceededError naming the quota. Link quotas count per the route's `linkId`.
 */
const takeRouteQuotas = async (
  routeKey: string,
  names: readonly QuotaName[],
  counter: QuotaCounter | undefined,
  tenant: string,
  params: unknown
): Promise<void> => {
  if (names.length === 0) return;
  if (!counter) throw new ConfigError(`${routeKey} takes quotas but has no quota counter`);
  const linkId = (params as { linkId?: unknown } | undefined)?.linkId;
  await takeQuotas(
    counter,
    names.map((name) => QUOTAS[name]),
    { tenantId: tenant, ...(typeof linkId === 'string' ? { linkId } : {}) },
    new Date()
  );
};

const withCookies = (
  response: APIGatewayProxyStructuredResultV2,
  cookies: string[] | undefined
): APIGatewayProxyStructuredResultV2 =>
  cookies && cookies.length > 0 ? { ...response, cookies } : response;

const respondBody = (result: RouteResult): APIGatewayProxyStructuredResultV2 => {
  if ('html' in result) {
    return {
      statusCode: result.status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        'x-frame-options': 'DENY',
        ...SECURITY_HEADERS,
        ...result.headers,
      },
      body: result.html,
    };
  }
  if ('text' in result) {
    return {
      statusCode: result.status,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        ...SECURITY_HEADERS,
        ...result.headers,
      },
      body: result.text,
    };
  }
  return {
    statusCode: result.status,
    headers: { ...JSON_HEADERS, ...result.headers },
    body: result.json === undefined ? '' : JSON.stringify(result.json),
  };
};

const withHeaders = (
  response: APIGatewayProxyStructuredResultV2,
  headers: Record<string, string>
): APIGatewayProxyStructuredResultV2 =>
  Object.keys(headers).length > 0
    ? { ...response, headers: { ...response.headers, ...headers } }
    : response;

const respond = (result: RouteResult): APIGatewayProxyStructuredResultV2 =>
  withCookies(respondBody(result), result.cookies);

/**
 * Wraps a route's core call as a Lambda handler for API Gateway HTTP API (payload v2): enforces the
 * body limit, parses body, query and path parameters with zod, resolves the tenant, and maps every
 * error to a clear 4xx (or a generic 500) in one place.
 *
 * @example
 * export const handler = httpRoute(linkGetRoute, async ({ tenant, params }) => ({
 *   status: 200, json: await getLink(deps, tenant, params.linkId),
 * }));
 */
const httpRoute = <
  B extends z.ZodMiniType = z.ZodMiniUnknown,
  Q extends z.ZodMiniType = z.ZodMiniUnknown,
  P extends z.ZodMiniType = z.ZodMiniUnknown,
>(
  options: RouteOptions<B, Q, P>,
  fn: (input: RouteInput<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<RouteResult>
): Handler => {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const cors = options.access === 'tenant' && corsEnabled();
  const core = async (
    event: APIGatewayProxyEventV2,
    context: Context
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const log = logger.child({ requestId, route: event.routeKey });
    // Set once the tenant is known: an answer before that (no valid claim) allows no origin.
    let corsHeaders: Record<string, string> = {};
    try {
      const headers = Object.fromEntries(
        Object.entries(event.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value])
      );
      const rawBody = decodeBody(event, maxBodyBytes);
      const tenant =
        options.access === 'tenant'
          ? callerTenant(event as JwtAuthorizedEvent, headers.authorization)
          : '';
      if (cors) corsHeaders = await tenantCorsHeaders(cors, tenant, headers.origin);
      const tenantName =
        options.access === 'tenant'
          ? callerTenantName(event as JwtAuthorizedEvent, headers.authorization, tenant)
          : '';
      const body = options.body
        ? parse(
            options.body,
            parseBodyText(
              rawBody,
              options.bodyFormat ?? 'json',
              headers['content-type'] ?? '',
              options.bodyOptional ?? false
            ),
            'body'
          )
        : undefined;
      const query = options.query
        ? parse(options.query, event.queryStringParameters ?? {}, 'query')
        : undefined;
      const params = options.params
        ? parse(options.params, event.pathParameters ?? {}, 'path')
        : undefined;
      if (options.access === 'tenant') {
        await takeRouteQuotas(
          event.routeKey,
          options.quotas ?? [],
          options.quotaCounter,
          tenant,
          params
        );
      }
      // The breakers count Graph failures per caller: the tenant, or on a public route the client.
      const caller =
        options.access === 'tenant' ? tenant : `ip#${event.requestContext?.http?.sourceIp ?? ''}`;
      const result = await asCaller(caller, () =>
        fn({
          body: body as z.infer<B>,
          query: query as z.infer<Q>,
          params: params as z.infer<P>,
          tenant,
          tenantName,
          subject:
            options.access === 'tenant' ? callerSubject(event as JwtAuthorizedEvent, tenant) : '',
          cookies: event.cookies ?? [],
          rawBody,
          headers,
          event,
          requestId,
          log,
        })
      );
      return withHeaders(respond(result), corsHeaders);
    } catch (error) {
      return withHeaders(errorResponse(error, requestId, log), corsHeaders);
    }
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler(core);
};

export type { RouteInput, RouteResult };
export { httpRoute, TENANT_CLAIM };
