import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { DeadlineError } from '../../core/errors.js';
import type { QuotaCounter } from '../../core/quotas.js';
import type * as z from '../../core/zod.js';
import { asCaller } from '../graph/caller.js';
import type { Logger } from '../observability/logger.js';
import type { RouteContract } from './contract.js';
import { corsEnabled } from './cors.js';
import type { ErrorPage } from './error-response.js';
import { HTML_HEADERS, JSON_HEADERS, SECURITY_HEADERS, withHeaders } from './headers.js';
import { bodyLimit } from './middlewares/body-limit.js';
import { type RouteContext, requestContext } from './middlewares/context.js';
import { errorMap } from './middlewares/error-map.js';
import { parseInput } from './middlewares/parse.js';
import { routeQuotas } from './middlewares/quotas.js';
import { TENANT_CLAIM, tenantClaim } from './middlewares/tenant-claim.js';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context
) => Promise<APIGatewayProxyStructuredResultV2>;

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
  /** What is left of the function's time (Lambda's context), for work that must stop in time. */
  remainingMs: () => number;
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

/**
 * How long before the function's deadline a request still running is answered (middy's early
 * timeout): time enough for the answer to leave before Lambda stops the function, which would make
 * API Gateway answer a bare 500. Every HTTP function has at least 5 s (its spec's `timeoutSeconds`).
 */
const DEADLINE_MARGIN_MS = 1_000;

/** A request that ran out of time may well pass in a moment, as a busy store or Meta calms down. */
const DEADLINE_RETRY_AFTER_SECONDS = 5;

const withCookies = (
  response: APIGatewayProxyStructuredResultV2,
  cookies: string[] | undefined
): APIGatewayProxyStructuredResultV2 =>
  cookies && cookies.length > 0 ? { ...response, cookies } : response;

const respondBody = (result: RouteResult): APIGatewayProxyStructuredResultV2 => {
  if ('html' in result) {
    return {
      statusCode: result.status,
      headers: { ...HTML_HEADERS, ...result.headers },
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

const respond = (result: RouteResult): APIGatewayProxyStructuredResultV2 =>
  withCookies(respondBody(result), result.cookies);

/**
 * Route wrappers whose errors are answered by `page` (Tandem's error JSON when none): the HTML
 * routes answer their errors as pages, through the same error map.
 */
const routeWith =
  (page?: ErrorPage) =>
  <
    B extends z.ZodMiniType = z.ZodMiniUnknown,
    Q extends z.ZodMiniType = z.ZodMiniUnknown,
    P extends z.ZodMiniType = z.ZodMiniUnknown,
  >(
    options: RouteOptions<B, Q, P>,
    fn: (input: RouteInput<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<RouteResult>
  ): Handler => {
    const tenantRoute = options.access === 'tenant';
    const core = async (
      event: APIGatewayProxyEventV2,
      context: RouteContext
    ): Promise<APIGatewayProxyStructuredResultV2> => {
      const { route } = context;
      // The breakers count Graph failures per caller: the tenant, or on a public route the client.
      const caller = tenantRoute
        ? route.tenant
        : `ip#${event.requestContext?.http?.sourceIp ?? ''}`;
      const result = await asCaller(caller, () =>
        fn({
          body: route.body as z.infer<B>,
          query: route.query as z.infer<Q>,
          params: route.params as z.infer<P>,
          tenant: route.tenant,
          tenantName: route.tenantName,
          subject: route.subject,
          cookies: event.cookies ?? [],
          rawBody: route.rawBody,
          headers: route.headers,
          event,
          requestId: route.requestId,
          log: route.log,
          remainingMs: () => context.getRemainingTimeInMillis(),
        })
      );
      return withHeaders(respond(result), route.corsHeaders);
    };
    const handler = middy<
      APIGatewayProxyEventV2,
      APIGatewayProxyStructuredResultV2,
      Error,
      RouteContext
    >({
      timeoutEarlyInMillis: DEADLINE_MARGIN_MS,
      timeoutEarlyResponse: () => {
        throw new DeadlineError(DEADLINE_RETRY_AFTER_SECONDS);
      },
    })
      .use(requestContext())
      .use(bodyLimit(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
      .use(tenantRoute ? [tenantClaim(corsEnabled())] : [])
      .use(parseInput(options))
      .use(tenantRoute ? [routeQuotas(options.quotas ?? [], options.quotaCounter)] : [])
      .use(errorMap(page))
      .handler(core);
    // requestContext turns Lambda's context into a RouteContext before any other step reads it.
    return handler as unknown as Handler;
  };

/**
 * Wraps a route's core call as a Lambda handler for API Gateway HTTP API (payload v2), built from
 * middy middlewares (./middlewares): the request context, the body limit, the tenant claim, parsing
 * of body, query and path parameters with zod, the route's quotas, and one onError that maps every
 * error (a deadline about to pass included) to a clear 4xx, a 503 or a generic 500.
 *
 * @example
 * export const handler = httpRoute(linkGetRoute, async ({ tenant, params }) => ({
 *   status: 200, json: await getLink(deps, tenant, params.linkId),
 * }));
 */
const httpRoute = routeWith();

export type { RouteInput, RouteResult };
export { httpRoute, routeWith, TENANT_CLAIM };
