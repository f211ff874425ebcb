import { UnsupportedMediaTypeError, ValidationError } from '../../../core/errors.js';
import type * as z from '../../../core/zod.js';
import { formatIssues } from '../../config.js';
import type { RouteMiddleware } from './context.js';

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

/** The media type of a Content-Type value, lower-cased (RFC 9110 §8.3.1: case-insensitive). */
const mediaTypeOf = (contentType: string): string =>
  contentType.split(';')[0]?.trim().toLowerCase() ?? '';

/** `application/json` or a structured syntax suffix of it (`application/merge-patch+json`). */
const isJsonMediaType = (type: string): boolean =>
  type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);

const parseBodyText = (
  raw: Buffer,
  format: 'json' | 'form',
  contentType: string,
  optional: boolean
): unknown => {
  const text = raw.toString('utf8');
  const type = mediaTypeOf(contentType);
  if (format === 'form') {
    if (type !== 'application/x-www-form-urlencoded') {
      throw new UnsupportedMediaTypeError('Send the body as application/x-www-form-urlencoded.');
    }
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (raw.length === 0) {
    if (optional) return {};
    throw new ValidationError('The request needs a JSON body.');
  }
  if (type && !isJsonMediaType(type)) {
    throw new UnsupportedMediaTypeError('Send the body as application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('The request body is not valid JSON.', undefined, 'malformed_json');
  }
};

interface InputSchemas {
  body?: z.ZodMiniType;
  bodyFormat?: 'json' | 'form';
  bodyOptional?: boolean;
  query?: z.ZodMiniType;
  params?: z.ZodMiniType;
}

/** Parses the body, the query and the path parameters the route declares (400 or 415 if not). */
const parseInput = (schemas: InputSchemas): RouteMiddleware => ({
  before: ({ event, context: { route } }) => {
    if (schemas.body) {
      const text = parseBodyText(
        route.rawBody,
        schemas.bodyFormat ?? 'json',
        route.headers['content-type'] ?? '',
        schemas.bodyOptional ?? false
      );
      route.body = parse(schemas.body, text, 'body');
    }
    if (schemas.query)
      route.query = parse(schemas.query, event.queryStringParameters ?? {}, 'query');
    if (schemas.params) route.params = parse(schemas.params, event.pathParameters ?? {}, 'path');
  },
});

export { parseInput };
