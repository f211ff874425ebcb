import type { CooldownName, QuotaName } from '../../core/quotas.js';
import * as z from '../../core/zod.js';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * One answer a route gives: what it means, its body and the headers a client may rely on. A JSON
 * answer has a `schema`; an HTML page (the sign-in's pages) says `html`; an answer that is either
 * (a page route's error) has both; an answer without any has no body.
 */
interface RouteResponse {
  description: string;
  schema?: z.ZodMiniType;
  html?: boolean;
  /** A plain-text answer (a webhook handshake echoing its challenge). */
  text?: boolean;
  /** Response headers the client may rely on, with what they carry. */
  headers?: Readonly<Record<string, string>>;
}

interface ContractShape<B, Q, P> {
  method: HttpMethod;
  /** API Gateway's path, with `{param}` and `{proxy+}`. */
  path: string;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** How the body is encoded when `body` is given. */
  bodyFormat?: 'json' | 'form';
  /** A JSON body the caller may leave out: an empty body then parses as `{}`. */
  bodyOptional?: boolean;
  /** Larger bodies are refused with 413 before any parsing (the route adapter's default: 16 KB). */
  maxBodyBytes?: number;
  /** A body the handler reads raw (a binary upload): the media types it may have. */
  rawBodyMediaTypes?: readonly string[];
  /** Request headers the route reads, with what they carry; `Required.` ones it refuses without. */
  requestHeaders?: Readonly<Record<string, string>>;
  /** The tenant quotas taken before any work (functions/core/quotas.ts). */
  quotas?: readonly QuotaName[];
  /** The cool-downs the route's core call enforces: for the docs and OpenAPI. */
  cooldowns?: readonly CooldownName[];
  /** Every status the route answers, success and error. */
  responses: Readonly<Record<number, RouteResponse>>;
}

/**
 * What one HTTP route is, as data: its input, its limits and every answer it gives. The handler
 * passes it to `httpRoute`, infra builds API Gateway and the local gateway from it, OpenAPI is
 * generated from it, and the integration tests hold every real answer to it. `tenant` routes sit
 * behind the JWT authorizer; `public` routes are called by browsers or by Meta and say why they
 * have no JWT (the cdk-nag acknowledgement reason).
 */
type RouteContract<
  B extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  P extends z.ZodMiniType = z.ZodMiniType,
> = ContractShape<B, Q, P> & ({ access: 'tenant' } | { access: 'public'; publicReason: string });

/** `METHOD /path`, API Gateway's route key. */
const routeKeyOf = (contract: { method: HttpMethod; path: string }): string =>
  `${contract.method} ${contract.path}`;

/** The body of every error Tandem answers (functions/adapters/http/error-response.ts). */
const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    limit: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.unknown())),
    requestId: z.string(),
  }),
});

/** What API Gateway itself answers (the authorizer's 401, a throttled 429) before Tandem runs. */
const gatewayBody = z.object({ message: z.string() });

const RETRY_AFTER = { 'Retry-After': 'Seconds to wait before trying again.' } as const;

/** The usual meaning of each error status; a route whose error means more says so itself. */
const ERRORS = {
  400: 'Malformed or invalid input; `error.details.issues` names each problem.',
  401: 'Missing, invalid or expired JWT (answered by the API Gateway authorizer).',
  403: 'The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs.',
  404: "Not found for this tenant (another tenant's id answers the same).",
  409: 'Conflicts with current state (already linked, stale version, key reused).',
  413: 'The body is larger than the route accepts.',
  415: 'The body is not in the media type the route accepts.',
  429: 'A limit was hit; `error.limit` names it and Retry-After says when to come back.',
  500: 'Tandem failed; quote the request id.',
  502: 'Meta answered with an error that retrying will not fix.',
  503: "Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back.",
} as const;

type ErrorStatus = keyof typeof ERRORS;

/**
 * The error answers of a route, each with the shared error body: `errors(400, 404)`. A tenant
 * route's 401 is the authorizer's (`{ message }`); 429 and 503 carry Retry-After.
 */
const errors = (...statuses: ErrorStatus[]): Record<number, RouteResponse> =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERRORS[status],
        schema: status === 401 ? gatewayBody : errorBody,
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      },
    ])
  );

/**
 * The error answers of a route a browser user reads (functions/http/html/respond.ts `htmlRoute`):
 * the same statuses and headers as `errors`, each on Tandem's error page: every step of the route,
 * the parse and the body limit included, answers its errors through the page.
 */
const pageErrors = (...statuses: ErrorStatus[]): Record<number, RouteResponse> =>
  Object.fromEntries(
    Object.entries(errors(...statuses)).map(([status, { schema: _json, ...page }]) => [
      status,
      { ...page, html: true },
    ])
  );

/**
 * The errors every route of an access kind can answer, whatever it does, so a contract lists only
 * its own. A tenant route: the authorizer's 401, the tenant claim's 403, a quota's or the route
 * throttle's 429, a failure's 500 and the deadline's or an outage's 503. A public route: its route
 * throttle's 429.
 */
const ACCESS_ERRORS = {
  tenant: [401, 403, 429, 500, 503],
  public: [429],
} as const satisfies Record<RouteContract['access'], readonly ErrorStatus[]>;

/**
 * Keeps a contract's literal types (its schemas), so `httpRoute` infers its input from them, and
 * adds the errors of its access kind (ACCESS_ERRORS); a contract's own entry for one of those
 * statuses (a public webhook's 401) wins.
 */
const defineRoute = <const C extends RouteContract>(contract: C): C => ({
  ...contract,
  responses: { ...errors(...ACCESS_ERRORS[contract.access]), ...contract.responses },
});

export type { ErrorStatus, HttpMethod, RouteContract, RouteResponse };
export {
  ACCESS_ERRORS,
  defineRoute,
  ERRORS,
  errorBody,
  errors,
  gatewayBody,
  pageErrors,
  RETRY_AFTER,
  routeKeyOf,
};
