import { existsSync, readFileSync } from 'node:fs';
import { type FieldSelection, FieldsSyntaxError, parseFields } from './fields.js';
import { decoded } from './structured.js';
import { type Violation, violation } from './violation.js';

/**
 * Checks a Graph call against Meta's Business SDK codegen specs (test/fixtures/contracts/meta-codegen):
 * the edge exists for the method, every parameter is declared for it, values have the declared type,
 * enum values are declared ones, required parameters are present, and `fields` names fields or edges
 * of the node the call returns. Nested objects (targeting, object_story_spec, promoted_object) are
 * checked field by field against their own node specs.
 */

interface ParamSpec {
  name: string;
  type: string;
  required?: boolean;
}

interface ApiSpec {
  method: string;
  endpoint?: string;
  name?: string;
  return?: string;
  params: ParamSpec[];
}

interface NodeSpec {
  fields: { name: string; type: string }[];
  apis: ApiSpec[];
}

const SPEC_DIR = new URL(
  '../../../../../test/fixtures/contracts/meta-codegen/api_specs/specs/',
  import.meta.url
);

/**
 * Parameters every Graph call takes, which the codegen specs leave out because they are not the
 * edge's own: the token and its proof (https://developers.facebook.com/docs/graph-api/securing-requests),
 * `fields` (https://developers.facebook.com/docs/graph-api/guides/field-expansion) and cursor paging
 * (https://developers.facebook.com/docs/graph-api/results).
 */
const UNIVERSAL_PARAMS = new Set([
  'access_token',
  'appsecret_proof',
  'fields',
  'limit',
  'after',
  'before',
]);

const nodeCache = new Map<string, NodeSpec | undefined>();
let enumCache: Map<string, readonly string[]> | undefined;

const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`${name}.json`, SPEC_DIR), 'utf8'));

/** The spec of a node type, or undefined when it is not vendored (its values go unchecked). */
const nodeSpec = (name: string): NodeSpec | undefined => {
  if (!nodeCache.has(name)) {
    const vendored = /^[A-Za-z]\w*$/.test(name) && existsSync(new URL(`${name}.json`, SPEC_DIR));
    nodeCache.set(name, vendored ? (readJson(name) as NodeSpec) : undefined);
  }
  return nodeCache.get(name);
};

/** Whether the node type's vendored spec declares `field` (false when the type is not vendored). */
const declaresField = (nodeType: string, field: string): boolean =>
  nodeSpec(nodeType)?.fields.some((declared) => declared.name === field) ?? false;

/** The values of a named enum from enum_types.json, or undefined when the name is not an enum. */
const enumValues = (name: string): readonly string[] | undefined => {
  enumCache ??= new Map(
    (readJson('enum_types') as { name: string; values: string[] }[]).map((entry) => [
      entry.name,
      entry.values,
    ])
  );
  return enumCache.get(name);
};

/** `#get` / `#update` / `#delete` for the node itself, otherwise the named edge. */
const apiOf = (node: NodeSpec, method: string, edge: string | undefined): ApiSpec | undefined => {
  const own = { GET: '#get', POST: '#update', DELETE: '#delete' }[method];
  return node.apis.find((api) =>
    edge === undefined
      ? api.name === own && api.method === method
      : api.endpoint === edge && api.method === method
  );
};

const describe = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEAN = /^(true|false|1|0)$/i;

interface CheckContext {
  file: string;
  out: Violation[];
}

const badType = (ctx: CheckContext, path: string, value: unknown, type: string): void => {
  ctx.out.push(
    violation('bad_type', `Param ${path} must be ${type}, not ${describe(value)}`, ctx.file, {
      param: path,
      userTitle: 'Invalid parameter',
      userMessage: `${path} has the wrong type.`,
    })
  );
};

/** Checks one value against a codegen type expression (`list<...>`, an enum, a node, a scalar). */
const checkValue = (ctx: CheckContext, path: string, raw: unknown, type: string): void => {
  const list = /^list<(.+)>$/.exec(type);
  if (list?.[1]) {
    const itemType = list[1];
    const value = decoded(raw);
    // A list given as a plain string is comma-separated, as Graph accepts (subscribed_fields=a,b).
    const items = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',').map((item) => item.trim())
        : undefined;
    if (!items) {
      badType(ctx, path, raw, type);
      return;
    }
    items.forEach((item, index) => {
      checkValue(ctx, `${path}[${index}]`, item, itemType);
    });
    return;
  }
  const value = type === 'string' ? raw : decoded(raw);
  switch (type) {
    case 'string':
      if (!['string', 'number', 'boolean'].includes(typeof value)) badType(ctx, path, raw, type);
      return;
    case 'int':
    case 'unsigned int': {
      const text = String(value);
      const ok =
        (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && INTEGER.test(text));
      if (!ok || (type === 'unsigned int' && Number(text) < 0)) badType(ctx, path, raw, type);
      return;
    }
    case 'float':
      if (!(typeof value === 'number' || (typeof value === 'string' && NUMBER.test(value))))
        badType(ctx, path, raw, type);
      return;
    case 'bool':
      if (
        !(typeof value === 'boolean' || value === 0 || value === 1 || BOOLEAN.test(String(value)))
      )
        badType(ctx, path, raw, type);
      return;
    case 'datetime':
      if (
        !(
          typeof value === 'number' ||
          (typeof value === 'string' && (INTEGER.test(value) || !Number.isNaN(Date.parse(value))))
        )
      )
        badType(ctx, path, raw, type);
      return;
    case 'Object':
      // Untyped in the specs: anything goes (Graph takes e.g. file names here).
      return;
  }
  if (type === 'map' || type.startsWith('map<')) {
    if (!isObject(value)) badType(ctx, path, raw, 'an object');
    return;
  }
  const values = enumValues(type);
  if (values) {
    if (typeof value !== 'string' || !values.includes(value)) {
      ctx.out.push(
        violation(
          'bad_enum',
          `Param ${path} must be one of {${values.join(', ')}}`,
          'meta-codegen/enum_types.json',
          {
            param: path,
            userTitle: 'Invalid parameter',
            userMessage: `'${describe(value)}' is not a valid ${path}.`,
          }
        )
      );
    }
    return;
  }
  const node = nodeSpec(type);
  if (node) checkObject(ctx, path, value, type, node);
};

/** An object of a node type: every key a declared field, each of the field's type. */
const checkObject = (
  ctx: CheckContext,
  path: string,
  value: unknown,
  type: string,
  node: NodeSpec
): void => {
  if (!isObject(value)) {
    badType(ctx, path, value, `an object (${type})`);
    return;
  }
  const key =
    path
      .replace(/\[\d+\]$/, '')
      .split('.')
      .pop() ?? '';
  const keys = Object.keys(value);
  // A reference to an existing object: {"creative_id": "<id>"}, as Meta's Click-to-WhatsApp guide
  // creates the ad (https://developers.facebook.com/documentation/ads-commerce/marketing-api/ad-creative/messaging-ads/click-to-whatsapp).
  if (keys.length === 1 && keys[0] === `${key}_id`) return;
  const file = `meta-codegen/${type}.json`;
  for (const name of keys) {
    const field = node.fields.find((candidate) => candidate.name === name);
    if (!field) {
      ctx.out.push(
        violation('undeclared_param', `Param ${path}.${name} is not a field of ${type}`, file, {
          param: `${path}.${name}`,
          userTitle: 'Invalid parameter',
          userMessage: `${type} has no field ${name}.`,
        })
      );
      continue;
    }
    checkValue({ ...ctx, file }, `${path}.${name}`, value[name], field.type);
  }
};

/** The node type a field or edge yields: `list<Page>` -> Page. */
const elementType = (type: string | undefined): string | undefined =>
  type?.replace(/^list<(.+)>$/, '$1');

/** `fields` names fields or GET edges of `type`, with valid modifiers and sub-selections. */
const checkSelections = (
  ctx: CheckContext,
  selections: FieldSelection[],
  type: string,
  prefix: string
): void => {
  const node = nodeSpec(type);
  if (!node) return;
  for (const selection of selections) {
    const where = `${prefix}${selection.name}`;
    const field = node.fields.find((candidate) => candidate.name === selection.name);
    const edge = node.apis.find((api) => api.method === 'GET' && api.endpoint === selection.name);
    if (!field && !edge && selection.name !== 'id') {
      ctx.out.push(
        violation(
          'bad_fields',
          `Tried accessing nonexisting field (${where}) on node type (${type})`,
          `meta-codegen/${type}.json`,
          { param: 'fields' }
        )
      );
      continue;
    }
    for (const modifier of Object.keys(selection.modifiers)) {
      const known = modifier === 'limit' || edge?.params.some((param) => param.name === modifier);
      if (!known) {
        ctx.out.push(
          violation(
            'bad_fields',
            `Modifier ${modifier} is not a parameter of ${type}.${selection.name}`,
            `meta-codegen/${type}.json`,
            { param: 'fields' }
          )
        );
      }
    }
    const childType = elementType(edge ? edge.return : field?.type);
    if (selection.children && childType) {
      checkSelections(ctx, selection.children, childType, `${where}.`);
    }
  }
};

interface CodegenCall {
  method: string;
  /** The codegen node type of the object in the path, e.g. `AdAccount`. */
  node: string;
  /** The edge after the object, e.g. `adsets`; absent for the node itself. */
  edge?: string;
  /** Query and body parameters merged, as Graph reads them. */
  params: Record<string, unknown>;
}

/**
 * Checks a call; answers undefined when the node is not vendored, so the caller can tell "checked
 * and fine" from "not checked".
 */
const checkCodegenCall = (call: CodegenCall): Violation[] | undefined => {
  const node = nodeSpec(call.node);
  if (!node) return undefined;
  const file = `meta-codegen/${call.node}.json`;
  const api = apiOf(node, call.method, call.edge);
  const where = `${call.method} ${call.node}${call.edge ? `/${call.edge}` : ''}`;
  if (!api) {
    return [
      violation(
        'unknown_edge',
        `Unsupported ${call.method.toLowerCase()} request: ${call.node} has no ${call.edge ? `${call.edge} edge` : 'such operation'} for ${call.method}`,
        file,
        { userTitle: 'Unsupported request', userMessage: `${where} does not exist.` }
      ),
    ];
  }
  const ctx: CheckContext = { file, out: [] };
  const returned = api.return && nodeSpec(api.return) ? api.return : undefined;
  for (const [name, value] of Object.entries(call.params)) {
    if (UNIVERSAL_PARAMS.has(name)) continue;
    const param = api.params.find((candidate) => candidate.name === name);
    if (!param) {
      ctx.out.push(
        violation('undeclared_param', `Param ${name} is not a parameter of ${where}`, file, {
          param: name,
          userTitle: 'Invalid parameter',
          userMessage: `${name} is not a parameter of ${where}.`,
        })
      );
      continue;
    }
    // An untyped object whose returned node has a typed field of the same name is checked as that
    // type (the ad set's promoted_object is an AdPromotedObject).
    const fieldType =
      (param.type === 'Object' || param.type === 'map') && returned
        ? nodeSpec(returned)?.fields.find((field) => field.name === name)?.type
        : undefined;
    checkValue(ctx, name, value, fieldType && nodeSpec(fieldType) ? fieldType : param.type);
  }
  for (const param of api.params) {
    if (
      param.required &&
      (call.params[param.name] === undefined || call.params[param.name] === '')
    ) {
      ctx.out.push(
        violation('missing_param', `The parameter ${param.name} is required`, file, {
          param: param.name,
          userTitle: 'Missing parameter',
          userMessage: `The ${param.name} field is required. Please enter a value and try again.`,
        })
      );
    }
  }
  const fields = call.params.fields;
  if (typeof fields === 'string' && fields !== '') {
    const target =
      call.method === 'GET' ? (call.edge ? elementType(api.return) : call.node) : undefined;
    if (target) {
      try {
        checkSelections(ctx, parseFields(fields), target, '');
      } catch (error) {
        if (!(error instanceof FieldsSyntaxError)) throw error;
        ctx.out.push(violation('bad_fields', error.message, file, { param: 'fields' }));
      }
    }
  }
  return ctx.out;
};

export type { CodegenCall };
export { checkCodegenCall, declaresField, enumValues, nodeSpec, UNIVERSAL_PARAMS };
