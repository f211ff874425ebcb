import { checkCodegenCall, UNIVERSAL_PARAMS } from './codegen.js';
import { checkDocumentedRules } from './rules.js';
import { servingVersion } from './versions.js';
import { type Violation, violation } from './violation.js';
import { checkWhatsAppCall } from './whatsapp.js';

/**
 * One checker for every Graph call Tandem makes, used by the Meta sandbox (to refuse what Meta
 * refuses) and by the contract test (to check what Tandem sends): Meta's WhatsApp OpenAPI spec for
 * the paths it describes, Meta's codegen specs for the rest, Meta's documented rules on top, and for
 * the endpoints neither describes (OAuth, debug_token, batch, upload transfers) the parameters Meta's
 * pages list.
 */

interface MetaCall {
  method: string;
  /** As in the path, e.g. `v26.0`. */
  version: string;
  /**
   * The node type the path names: a codegen node (`AdAccount`), `WhatsAppBusinessPhoneNumber`, or one
   * of the endpoints without a node: `Batch` (the Graph root), `UploadSession` (`upload:<id>`),
   * `OAuthAccessToken`, `DebugToken`.
   */
  node: string;
  edge?: string;
  query: Record<string, string>;
  /** JSON bodies parsed; form bodies as their fields. */
  body?: { json: unknown } | { form: Record<string, string> } | { bytes: number };
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
}

interface CheckResult {
  /** Which artifact described the call: `none` when nothing did (then nothing was checked). */
  checkedBy: 'whatsapp-openapi' | 'codegen' | 'meta-docs' | 'none';
  violations: Violation[];
}

const MANUAL_FLOW =
  'https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow';
const OIDC =
  'https://developers.facebook.com/documentation/facebook-login/guides/advanced/oidc-token';
const LONG_LIVED =
  'https://developers.facebook.com/documentation/facebook-login/guides/access-tokens/get-long-lived';

/**
 * Endpoints the codegen specs do not describe, with the parameters Meta's pages list for them.
 * `code_verifier` is documented for the OIDC code flow only (PKCE); Tandem sends it with its challenge.
 */
const DOCUMENTED_ENDPOINTS: Record<string, { params: string[]; source: string }> = {
  OAuthAccessToken: {
    params: [
      'client_id',
      'client_secret',
      'redirect_uri',
      'code',
      'code_verifier',
      'grant_type',
      'fb_exchange_token',
    ],
    source: `${MANUAL_FLOW} ; ${LONG_LIVED} ; ${OIDC}`,
  },
  DebugToken: {
    params: ['input_token'],
    source: 'https://developers.facebook.com/docs/graph-api/reference/debug_token',
  },
  Batch: {
    params: ['batch', 'include_headers'],
    source: 'https://developers.facebook.com/docs/graph-api/batch-requests',
  },
  UploadSession: {
    params: [],
    source: 'https://developers.facebook.com/docs/graph-api/resumable-upload-api',
  },
};

const bodyParams = (body: MetaCall['body']): Record<string, unknown> => {
  if (!body) return {};
  if ('form' in body) return body.form;
  if (
    'json' in body &&
    typeof body.json === 'object' &&
    body.json !== null &&
    !Array.isArray(body.json)
  ) {
    return body.json as Record<string, unknown>;
  }
  return {};
};

const checkDocumented = (
  call: MetaCall,
  params: Record<string, unknown>
): Violation[] | undefined => {
  const endpoint = DOCUMENTED_ENDPOINTS[call.node];
  if (!endpoint) return undefined;
  return Object.keys(params)
    .filter((name) => !UNIVERSAL_PARAMS.has(name) && !endpoint.params.includes(name))
    .map((name) =>
      violation(
        'undeclared_param',
        `Param ${name} is not a parameter of ${call.node}`,
        endpoint.source,
        {
          param: name,
        }
      )
    );
};

/** Checks one call; a batch's items are separate calls (see `batchItems`). */
const checkMetaCall = (call: MetaCall): CheckResult => {
  if (!servingVersion(call.version)) {
    return {
      checkedBy: 'meta-docs',
      violations: [
        violation(
          'unknown_edge',
          `Unknown path components: /${call.version}`,
          'https://developers.facebook.com/docs/graph-api/changelog',
          { code: 2500 }
        ),
      ],
    };
  }
  const params = { ...call.query, ...bodyParams(call.body) };
  const rules = checkDocumentedRules({ ...call, params });
  const json = call.body && 'json' in call.body ? call.body.json : undefined;
  const form = call.body && 'form' in call.body ? call.body.form : undefined;
  const whatsapp = checkWhatsAppCall({
    method: call.method,
    node: call.node,
    ...(call.edge ? { edge: call.edge } : {}),
    query: call.query,
    ...(json !== undefined ? { body: json } : form ? { body: form } : {}),
  });
  if (whatsapp) return { checkedBy: 'whatsapp-openapi', violations: [...whatsapp, ...rules] };
  const codegen = checkCodegenCall({
    method: call.method,
    node: call.node,
    ...(call.edge ? { edge: call.edge } : {}),
    params,
  });
  if (codegen) return { checkedBy: 'codegen', violations: [...codegen, ...rules] };
  const documented = checkDocumented(call, params);
  if (documented) return { checkedBy: 'meta-docs', violations: [...documented, ...rules] };
  return { checkedBy: 'none', violations: rules };
};

interface BatchItem {
  method: string;
  /** Relative to the version, as Graph resolves it: `act_1/adsets?fields=id`. */
  relativeUrl: string;
  /** Form-encoded POST parameters, decoded. */
  body: Record<string, string>;
}

/** The items of a batch call (`batch` as a JSON array of {method, relative_url, body}). */
const batchItems = (params: Record<string, unknown>): BatchItem[] => {
  const raw = typeof params.batch === 'string' ? JSON.parse(params.batch) : params.batch;
  if (!Array.isArray(raw)) return [];
  return raw.map((item: Record<string, unknown>) => ({
    method: String(item.method ?? 'GET').toUpperCase(),
    relativeUrl: String(item.relative_url ?? '').replace(/^\/+/, ''),
    body: typeof item.body === 'string' ? Object.fromEntries(new URLSearchParams(item.body)) : {},
  }));
};

/**
 * Splits a Graph path into version, node type and edge. `nodeOf` names the type of an id
 * (the caller knows its world: the sandbox from its store, a test from what it created).
 */
const describePath = (
  path: string,
  nodeOf: (id: string) => string | undefined
): { version: string; node: string; edge?: string } | undefined => {
  const match = /^\/?(v\d+\.\d+)(?:\/(.*))?$/.exec(path);
  if (!match?.[1]) return undefined;
  const segments = (match[2] ?? '').split('/').filter((segment) => segment !== '');
  const version = match[1];
  if (segments.length === 0) return { version, node: 'Batch' };
  const [first = '', second] = segments;
  if (first === 'oauth' && second === 'access_token') return { version, node: 'OAuthAccessToken' };
  if (first === 'debug_token') return { version, node: 'DebugToken' };
  if (first.startsWith('upload:')) return { version, node: 'UploadSession' };
  const node = first === 'me' ? 'User' : nodeOf(decodeURIComponent(first));
  if (!node || segments.length > 3) return undefined;
  // DELETE /{user-id}/permissions/{permission} is the permissions edge with its parameter in the path.
  return { version, node, ...(second ? { edge: second } : {}) };
};

export { declaresField, enumValues } from './codegen.js';
export { EU_COUNTRIES } from './rules.js';
export { decodeStructured } from './structured.js';
export { AVAILABLE_VERSIONS, NEWEST_VERSION, servingVersion } from './versions.js';
export type { Violation } from './violation.js';
export { specSchema, whatsappOperation, whatsappStatusFor } from './whatsapp.js';
export type { BatchItem, CheckResult, MetaCall };
export { batchItems, checkMetaCall, describePath };
