import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { declaresField, UNIVERSAL_PARAMS } from './codegen.js';
import { parseFields } from './fields.js';
import { type Violation, violation } from './violation.js';

/**
 * Meta's official WhatsApp Business Platform OpenAPI spec (test/fixtures/contracts, v23.0) as a
 * request checker: the path exists for the method, query parameters are declared (plus the Graph-wide
 * ones), `fields` names properties of what the call answers, and JSON bodies validate against the
 * operation's request schema. Also answers the HTTP status the spec documents for an error code.
 */

const SPEC_URL = new URL(
  '../../../../../test/fixtures/contracts/business-messaging-api_v23.0.yaml',
  import.meta.url
);
const SOURCE = 'business-messaging-api_v23.0.yaml';
const SPEC_ID = 'https://tandem.local/whatsapp-spec.json';

type Json = Record<string, unknown>;

interface Operation {
  template: string;
  method: string;
  parameters: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
}

/** The spec's path parameter per node type: a path like /123 is a phone number or a WABA by its id. */
const PATH_PARAM: Record<string, string> = {
  WhatsAppBusinessPhoneNumber: 'Phone-Number-ID',
  WhatsAppBusinessAccount: 'WABA-ID',
  Business: 'Business-ID',
  User: 'User-ID',
};

let loaded: { document: Json; ajv: Ajv2020 } | undefined;

const spec = (): { document: Json; ajv: Ajv2020 } => {
  if (!loaded) {
    const document = parse(readFileSync(SPEC_URL, 'utf8')) as Json;
    // OpenAPI keywords ajv does not know are annotations here; strict mode would reject them.
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(ajv);
    ajv.addSchema({ ...document, $id: SPEC_ID });
    loaded = { document, ajv };
  }
  return loaded;
};

/** A validator for `#/components/schemas/<name>`. */
const specSchema = (name: string): ValidateFunction => {
  const validate = spec().ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`No schema ${name} in the WhatsApp spec`);
  return validate;
};

const resolve = (value: unknown): Json => {
  let current = value as Json;
  for (let depth = 0; typeof current?.$ref === 'string' && depth < 10; depth += 1) {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    current = path.reduce<Json>((node, key) => node?.[key] as Json, spec().document);
  }
  return current ?? {};
};

/** The spec's operation for a node type (and edge), or undefined when the spec has none. */
const whatsappOperation = (method: string, node: string, edge?: string): Operation | undefined => {
  const param = PATH_PARAM[node];
  if (!param) return undefined;
  const template = `/{Version}/{${param}}${edge ? `/${edge}` : ''}`;
  const item = (spec().document.paths as Record<string, Json> | undefined)?.[template];
  const operation = item?.[method.toLowerCase()] as Json | undefined;
  if (!operation) return undefined;
  return {
    template,
    method,
    parameters: [
      ...((item?.parameters as Json[]) ?? []),
      ...((operation.parameters as Json[]) ?? []),
    ].map(resolve),
    ...(operation.requestBody ? { requestBody: resolve(operation.requestBody) } : {}),
    responses: (operation.responses as Record<string, Json>) ?? {},
  };
};

/**
 * Fields Meta's pages document on a node whose OpenAPI response schema does not list them. The
 * health-status guide reads `GET /{phone-number-id}?fields=health_status`
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status);
 * the spec's `/{Phone-Number-ID}` response leaves it out.
 */
const DOCUMENTED_FIELDS: Record<string, string[]> = {
  'GET /{Version}/{Phone-Number-ID}': ['health_status'],
};

/** Property names a GET may ask for in `fields`: the answered node's, or a list item's (unwrapped). */
const answerableFields = (operation: Operation): Set<string> | undefined => {
  const ok = resolve(operation.responses['200']);
  const schema = resolve((ok.content as Json | undefined)?.['application/json'] as Json);
  let node = resolve(schema.schema);
  const data = resolve((node.properties as Json | undefined)?.data);
  if (data.type === 'array') node = resolve(data.items);
  let properties = Object.keys((node.properties as Json | undefined) ?? {});
  // The profile GET answers each item wrapped in one object (`business_profile`): its fields count.
  if (properties.length === 1) {
    const inner = resolve((node.properties as Json)[properties[0] ?? '']);
    if (inner.properties) properties = Object.keys(inner.properties as Json);
  }
  const documented = DOCUMENTED_FIELDS[`${operation.method} ${operation.template}`] ?? [];
  return properties.length > 0 ? new Set([...properties, ...documented, 'id']) : undefined;
};

interface WhatsAppCall {
  method: string;
  node: string;
  edge?: string;
  query: Record<string, string>;
  /** The parsed JSON (or form) body, when there is one. */
  body?: unknown;
}

const issuesOf = (validate: ValidateFunction): string =>
  (validate.errors ?? [])
    .slice(0, 3)
    .map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`)
    .join('; ');

const validators = new Map<string, ValidateFunction>();

/** The body against the operation's schema, and every top-level key a declared property. */
const checkBody = (operation: Operation, content: Json, body: unknown): Violation[] => {
  const key = `${operation.method} ${operation.template}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = content.schema as Json | undefined;
    validate = spec().ajv.compile(
      schema?.$ref ? { $ref: `${SPEC_ID}${schema.$ref as string}` } : (schema ?? {})
    );
    validators.set(key, validate);
  }
  const out: Violation[] = [];
  const declared = Object.keys((resolve(content.schema).properties as Json | undefined) ?? {});
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && declared.length > 0) {
    for (const name of Object.keys(body).filter((name) => !declared.includes(name))) {
      out.push(
        violation('undeclared_param', `Param ${name} is not a parameter of ${key}`, SOURCE, {
          param: name,
        })
      );
    }
  }
  if (!validate(body)) {
    out.push(violation('bad_body', `Invalid parameter: ${issuesOf(validate)}`, SOURCE));
  }
  return out;
};

/** Checks a call; undefined when the spec has no such operation (the codegen specs then apply). */
const checkWhatsAppCall = (call: WhatsAppCall): Violation[] | undefined => {
  const operation = whatsappOperation(call.method, call.node, call.edge);
  if (!operation) return undefined;
  const out: Violation[] = [];
  const where = `${call.method} ${operation.template}`;
  const declared = operation.parameters.filter((param) => param.in === 'query');
  for (const name of Object.keys(call.query)) {
    if (UNIVERSAL_PARAMS.has(name) || declared.some((param) => param.name === name)) continue;
    out.push(
      violation('undeclared_param', `Param ${name} is not a parameter of ${where}`, SOURCE, {
        param: name,
      })
    );
  }
  for (const param of declared) {
    if (param.required && call.query[String(param.name)] === undefined) {
      out.push(
        violation('missing_param', `The parameter ${String(param.name)} is required`, SOURCE, {
          param: String(param.name),
        })
      );
    }
  }
  const fields = call.query.fields;
  const answerable = call.method === 'GET' ? answerableFields(operation) : undefined;
  if (fields && answerable) {
    for (const { name } of parseFields(fields)) {
      // The spec leaves out some fields of the node that the codegen specs declare (the WABA's
      // `analytics`); a field either of Meta's artifacts declares is one Graph answers.
      if (!answerable.has(name) && !(call.edge === undefined && declaresField(call.node, name))) {
        out.push(
          violation(
            'bad_fields',
            `Tried accessing nonexisting field (${name}) on ${where}`,
            SOURCE,
            { param: 'fields' }
          )
        );
      }
    }
  }
  const content = (operation.requestBody?.content as Json | undefined)?.['application/json'] as
    | Json
    | undefined;
  if (call.body !== undefined) {
    if (!content) {
      out.push(violation('bad_body', `${where} takes no request body`, SOURCE));
    } else {
      out.push(...checkBody(operation, content, call.body));
    }
  } else if (operation.requestBody?.required) {
    out.push(violation('bad_body', `${where} needs a JSON request body`, SOURCE));
  }
  return out;
};

/**
 * The HTTP status the spec documents for a Graph error code on an operation: 401 for token errors,
 * 403 for permissions, 404 for missing objects, 429 for throttling, 500 for Meta's own failures,
 * else 400 (what Graph answers for the rest).
 */
const whatsappStatusFor = (operation: Operation | undefined, code: number): number => {
  const wanted =
    code === 190 || code === 102
      ? 401
      : code === 10 || (code >= 200 && code <= 299)
        ? 403
        : code === 803
          ? 404
          : code === 4 || code === 80007 || code === 130429
            ? 429
            : code === 1 || code === 2
              ? 500
              : 400;
  return !operation || operation.responses[String(wanted)] ? wanted : 400;
};

export type { Operation, WhatsAppCall };
export { checkWhatsAppCall, specSchema, whatsappOperation, whatsappStatusFor };
