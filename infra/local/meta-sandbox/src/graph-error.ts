import type { Violation } from './meta-spec/index.js';

/**
 * Graph API error objects, shaped exactly as graph.facebook.com sends them, so Tandem's client maps
 * the sandbox's failures with the same code it uses in production. The HTTP status is not chosen
 * here but where the call is answered (graph/dispatch.ts): Graph answers most errors with 400, the
 * WhatsApp paths with what Meta's OpenAPI spec documents; only injected faults pin a status.
 */

interface GraphErrorFields {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  error_data?: Record<string, unknown>;
}

class GraphError extends Error {
  /** A status pinned by an injected fault; otherwise the dispatcher decides. */
  readonly status: number | undefined;
  readonly fields: GraphErrorFields;
  readonly headers: Record<string, string>;

  constructor(
    fields: GraphErrorFields,
    options: { status?: number; headers?: Record<string, string> } = {}
  ) {
    super(fields.message);
    this.name = 'GraphError';
    this.status = options.status;
    this.fields = fields;
    this.headers = options.headers ?? {};
  }

  /** The JSON body Graph answers, with the request's trace id. */
  toBody(fbtraceId: string): { error: GraphErrorFields & { fbtrace_id: string } } {
    return { error: { ...this.fields, fbtrace_id: fbtraceId } };
  }
}

const invalidParameter = (message: string, extra: Partial<GraphErrorFields> = {}): GraphError =>
  new GraphError({ message, type: 'OAuthException', code: 100, ...extra });

/** Graph's answer for an id that does not exist or that the caller may not see: the two are one. */
const unsupportedGet = (id: string, method = 'get'): GraphError =>
  new GraphError({
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });

const unknownPath = (path: string): GraphError =>
  new GraphError({
    message: `Unknown path components: ${path}`,
    type: 'OAuthException',
    code: 2500,
  });

const nonexistingField = (field: string, nodeType: string): GraphError =>
  invalidParameter(
    `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`
  );

/** 190 carries a WWW-Authenticate header naming the token problem. */
const invalidToken = (subcode: number, message: string): GraphError =>
  new GraphError(
    { message, type: 'OAuthException', code: 190, error_subcode: subcode },
    { headers: { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` } }
  );

const missingPermission = (permission: string, code: 10 | 200 = 200): GraphError =>
  new GraphError({
    message:
      code === 10
        ? `(#10) This endpoint requires the '${permission}' permission.`
        : `(#200) Requires ${permission} permission to manage the object`,
    type: 'OAuthException',
    code,
  });

/** What a spec check refused, as the Graph error Meta answers for it. */
const refusal = (violation: Violation, whatsapp: boolean): GraphError =>
  new GraphError({
    message: violation.message,
    type: 'OAuthException',
    code: violation.code,
    ...(violation.subcode ? { error_subcode: violation.subcode } : {}),
    ...(violation.userTitle ? { error_user_title: violation.userTitle } : {}),
    ...(violation.userMessage ? { error_user_msg: violation.userMessage } : {}),
    // WhatsApp errors also carry error_data, which Meta advises building handling on.
    ...(whatsapp
      ? { error_data: { messaging_product: 'whatsapp', details: violation.message } }
      : {}),
  });

/** Codes 1 and 2 are Graph's "try again" errors; anything else a caller should not retry blindly. */
const isTransientCode = (code: number): boolean => code === 1 || code === 2;

export type { GraphErrorFields };
export {
  GraphError,
  invalidParameter,
  invalidToken,
  isTransientCode,
  missingPermission,
  nonexistingField,
  refusal,
  unknownPath,
  unsupportedGet,
};
