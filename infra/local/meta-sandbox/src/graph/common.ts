import type { GraphCtx } from '../context.js';
import { invalidParameter, nonexistingField } from '../graph-error.js';
import { declaresField, decodeStructured } from '../meta-spec/index.js';

/**
 * Helpers every Graph route shares: the `fields` parameter, cursor paging and structured parameters
 * that may arrive as JSON strings (form-encoded) or as JSON values (JSON body).
 */

const stringParam = (ctx: GraphCtx, name: string): string | undefined => {
  const value = ctx.req.params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
};

/** `fields=a,b{c,d},e.limit(3)` → ['a','b','e']: nested selections are answered whole. */
const requestedFields = (ctx: GraphCtx): string[] | undefined => {
  const raw = stringParam(ctx, 'fields');
  if (!raw) return undefined;
  let depth = 0;
  let current = '';
  const fields: string[] = [];
  for (const char of raw) {
    if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      fields.push(current);
      current = '';
    } else if (depth === 0) current += char;
  }
  fields.push(current);
  return fields.map((field) => field.trim().split('.')[0] ?? '').filter((field) => field !== '');
};

/**
 * Answers the requested fields of a node, or its defaults; an unknown field is Graph's #100 error.
 * A field Meta's spec declares but the node has no value for is left out, as Graph leaves out
 * unset fields. `id` is always included, as Graph does.
 */
const selectFields = (
  ctx: GraphCtx,
  node: Record<string, unknown>,
  defaults: string[],
  nodeType: string
): Record<string, unknown> => {
  const fields = requestedFields(ctx) ?? defaults;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in node)) {
      if (declaresField(nodeType, field)) continue;
      throw nonexistingField(field, nodeType);
    }
    const value = node[field];
    if (value !== undefined) out[field] = value;
  }
  out.id = node.id;
  return out;
};

/** Decodes a structured parameter that may be a JSON string (form bodies, query strings). */
const jsonParam = (ctx: GraphCtx, name: string): unknown => {
  const result = decodeStructured(ctx.req.params[name]);
  if (!result.ok) throw invalidParameter(`(#100) Param ${name} must be a valid JSON value`);
  return result.value;
};

const encodeCursor = (index: number): string => Buffer.from(`idx:${index}`).toString('base64url');

const decodeCursor = (cursor: string): number => {
  const match = /^idx:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw invalidParameter('(#100) Invalid cursor', { error_subcode: 1357046 });
  return Number(match[1]);
};

interface PageOptions {
  defaultLimit?: number;
  maxLimit?: number;
}

const limitParam = (ctx: GraphCtx, options: PageOptions): number => {
  const raw = stringParam(ctx, 'limit') ?? stringParam(ctx, 'first');
  if (raw === undefined) return options.defaultLimit ?? 25;
  const limit = Number(raw);
  const max = options.maxLimit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw invalidParameter(`(#100) Param limit must be an integer between 1 and ${max}`);
  }
  return limit;
};

/** Graph's cursor paging over an in-memory list: slices without copying the whole list. */
const paginate = <T>(
  ctx: GraphCtx,
  items: readonly T[],
  render: (item: T) => unknown,
  options: PageOptions = {}
): { data: unknown[]; paging?: Record<string, unknown> } => {
  const limit = limitParam(ctx, options);
  const after = stringParam(ctx, 'after');
  const before = stringParam(ctx, 'before');
  let start = after ? decodeCursor(after) + 1 : 0;
  if (before && !after) start = Math.max(0, decodeCursor(before) - limit);
  const end = Math.min(items.length, start + limit);
  const data = items.slice(start, end).map(render);
  if (data.length === 0) return { data };
  const cursors = { before: encodeCursor(start), after: encodeCursor(end - 1) };
  const paging: Record<string, unknown> = { cursors };
  const link = (key: 'after' | 'before', cursor: string): string => {
    const url = new URL(`${ctx.baseUrl()}/${ctx.req.version}${ctx.req.path}`);
    for (const [name, value] of ctx.req.query) {
      if (name !== 'after' && name !== 'before') url.searchParams.set(name, value);
    }
    url.searchParams.set('limit', String(limit));
    url.searchParams.set(key, cursor);
    return url.toString();
  };
  if (end < items.length) paging.next = link('after', cursors.after);
  if (start > 0) paging.previous = link('before', cursors.before);
  return { data, paging };
};

export { jsonParam, paginate, requestedFields, selectFields, stringParam };
