/**
 * Graph API error objects, shaped exactly as graph.facebook.com sends them, so Tandem's client maps
 * the sandbox's failures with the same code it uses in production.
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
  readonly status: number;
  readonly fields: GraphErrorFields;
  readonly headers: Record<string, string>;

  constructor(status: number, fields: GraphErrorFields, headers: Record<string, string> = {}) {
    super(fields.message);
    this.name = 'GraphError';
    this.status = status;
    this.fields = fields;
    this.headers = headers;
  }

  /** The JSON body Graph answers, with the request's trace id. */
  toBody(fbtraceId: string): { error: GraphErrorFields & { fbtrace_id: string } } {
    return { error: { ...this.fields, fbtrace_id: fbtraceId } };
  }
}

const invalidParameter = (message: string, extra: Partial<GraphErrorFields> = {}): GraphError =>
  new GraphError(400, { message, type: 'OAuthException', code: 100, ...extra });

/** Graph's answer for an id that does not exist or that the caller may not see: the two are one. */
const unsupportedGet = (id: string, method = 'get'): GraphError =>
  new GraphError(400, {
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });

const unknownPath = (path: string): GraphError =>
  new GraphError(404, {
    message: `Unknown path components: ${path}`,
    type: 'OAuthException',
    code: 2500,
  });

const nonexistingField = (field: string, nodeType: string): GraphError =>
  invalidParameter(
    `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`
  );

/** 190 is answered with 401 and a WWW-Authenticate header, as the WhatsApp spec documents it. */
const invalidToken = (subcode: number, message: string): GraphError =>
  new GraphError(
    401,
    { message, type: 'OAuthException', code: 190, error_subcode: subcode },
    { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` }
  );

const missingPermission = (permission: string, code: 10 | 200 = 200): GraphError =>
  new GraphError(403, {
    message:
      code === 10
        ? `(#10) This endpoint requires the '${permission}' permission.`
        : `(#200) Requires ${permission} permission to manage the object`,
    type: 'OAuthException',
    code,
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
  unknownPath,
  unsupportedGet,
};
