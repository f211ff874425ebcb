import type middy from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { type Logger, logger } from '../../observability/logger.js';

/** What the route's middlewares learn about a request, in the order they run. */
interface RouteState {
  requestId: string;
  log: Logger;
  /** Header names lower-cased: HTTP names are case-insensitive, lookups here are not. */
  headers: Record<string, string | undefined>;
  /** The body exactly as received (base64 decoded), once within the route's limit. */
  rawBody: Buffer;
  /** The caller's tenant, its display name and who in it called; empty on public routes. */
  tenant: string;
  tenantName: string;
  subject: string;
  /** Set once the tenant is known: an answer before that (no valid claim) allows no origin. */
  corsHeaders: Record<string, string>;
  body: unknown;
  query: unknown;
  params: unknown;
}

interface RouteContext extends Context {
  route: RouteState;
}

type RouteMiddleware = middy.MiddlewareObj<
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Error,
  RouteContext
>;

/**
 * The first step of every route: the request id (API Gateway's, else Lambda's), a logger that names
 * it, and the headers lower-cased. The state lives on a context of the request's own, which inherits
 * Lambda's (its remaining time included), so one context object reused across calls shares nothing.
 */
const requestContext = (): RouteMiddleware => ({
  before: (request) => {
    const { event, context } = request;
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const route: RouteState = {
      requestId,
      log: logger.child({ requestId, route: event.routeKey }),
      headers: Object.fromEntries(
        Object.entries(event.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value])
      ),
      rawBody: Buffer.alloc(0),
      tenant: '',
      tenantName: '',
      subject: '',
      corsHeaders: {},
      body: undefined,
      query: undefined,
      params: undefined,
    };
    request.context = Object.assign(Object.create(context) as RouteContext, { route });
  },
});

export type { RouteContext, RouteMiddleware, RouteState };
export { requestContext };
