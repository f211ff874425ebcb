import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import {
  PayloadTooLargeError,
  PermissionError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../core/errors.js';
import * as z from '../../core/zod.js';
import { formatIssues } from '../config.js';
import { type Logger, logger } from '../logger.js';
import { errorResponse } from './error-response.js';

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
const tenantId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

interface RouteOptions<B extends z.ZodMiniType, Q extends z.ZodMiniType, P extends z.ZodMiniType> {
  /** `tenant` routes require the tenant claim; `public` routes have none. */
  access: 'tenant' | 'public';
  body?: B;
  /** How the body is encoded when `body` is given. */
  bodyFormat?: 'json' | 'form';
  /** A JSON body the caller may leave out: an empty body then parses as `{}`. */
  bodyOptional?: boolean;
  query?: Q;
  params?: P;
  /** Larger bodies are refused with 413 before any parsing. */
  maxBodyBytes?: number;
}

interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The caller's tenant; always set on `tenant` routes. */
  tenant: string;
  /** The body exactly as received (base64 decoded), for signature checks. */
  rawBody: Buffer;
  headers: Record<string, string | undefined>;
  event: APIGatewayProxyEventV2;
  requestId: string;
  log: Logger;
}

type RouteResult =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  | { status: number; html: string; headers?: Record<string, string> }
  | { status: number; text: string; headers?: Record<string, string> };

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

const parseBodyText = (
  raw: Buffer,
  format: 'json' | 'form',
  contentType: string,
  optional: boolean
): unknown => {
  const text = raw.toString('utf8');
  if (format === 'form') {
    if (!contentType.startsWith('application/x-www-form-urlencoded')) {
      throw new UnsupportedMediaTypeError('Send the body as application/x-www-form-urlencoded.');
    }
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (raw.length === 0) {
    if (optional) return {};
    throw new ValidationError('The request needs a JSON body.');
  }
  if (contentType && !/^application\/([\w.+-]+\+)?json/.test(contentType)) {
    throw new UnsupportedMediaTypeError('Send the body as application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('The request body is not valid JSON.', undefined, 'malformed_json');
  }
};

const callerTenant = (event: JwtAuthorizedEvent): string => {
  const claim = event.requestContext.authorizer?.jwt?.claims?.[TENANT_CLAIM];
  const parsed = tenantId.safeParse(claim);
  if (!parsed.success) {
    throw new PermissionError(
      `The access token has no valid ${TENANT_CLAIM} claim; ask your identity provider to add it.`,
      undefined,
      'tenant_claim_missing'
    );
  }
  return parsed.data;
};

const respond = (result: RouteResult): APIGatewayProxyStructuredResultV2 => {
  const security = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  if ('html' in result) {
    return {
      statusCode: result.status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        'x-frame-options': 'DENY',
        ...security,
        ...result.headers,
      },
      body: result.html,
    };
  }
  if ('text' in result) {
    return {
      statusCode: result.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...security, ...result.headers },
      body: result.text,
    };
  }
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...security, ...result.headers },
    body: result.json === undefined ? '' : JSON.stringify(result.json),
  };
};

/**
 * Wraps a route's core call as a Lambda handler for API Gateway HTTP API (payload v2): enforces the
 * body limit, parses body, query and path parameters with zod, resolves the tenant, and maps every
 * error to a clear 4xx (or a generic 500) in one place.
 *
 * @example
 * export const handler = httpRoute({ access: 'tenant', params: z.object({ linkId }) },
 *   async ({ tenant, params }) => ({ status: 200, json: await getLink(deps, tenant, params.linkId) }));
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
  const core = async (
    event: APIGatewayProxyEventV2,
    context: Context
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const log = logger.child({ requestId, route: event.routeKey });
    try {
      const headers = Object.fromEntries(
        Object.entries(event.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value])
      );
      const rawBody = decodeBody(event, maxBodyBytes);
      const tenant = options.access === 'tenant' ? callerTenant(event as JwtAuthorizedEvent) : '';
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
      const result = await fn({
        body: body as z.infer<B>,
        query: query as z.infer<Q>,
        params: params as z.infer<P>,
        tenant,
        rawBody,
        headers,
        event,
        requestId,
        log,
      });
      return respond(result);
    } catch (error) {
      return errorResponse(error, requestId, log);
    }
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler(core);
};

export type { RouteInput, RouteResult };
export { httpRoute, TENANT_CLAIM };
