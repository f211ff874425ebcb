import type { RouteSpec } from '../../../shared/routes.js';

/**
 * Route matching as API Gateway HTTP API does it: `{name}` matches one path segment, a trailing
 * `{name+}` matches the rest of the path, and the most specific route wins (literal segments before
 * parameters before a greedy parameter). Method and path must both match, otherwise 404.
 */

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: RouteSpec;
  segments: Segment[];
  /** Literal segments outrank parameters, which outrank a greedy tail. */
  rank: number[];
}

interface RouteMatch {
  route: RouteSpec;
  routeKey: string;
  /** Undefined when the route has no parameters, as in API Gateway's event. */
  pathParameters: Record<string, string> | undefined;
}

const parseSegment = (text: string): Segment => {
  const greedy = /^\{([A-Za-z0-9_]+)\+\}$/.exec(text);
  if (greedy?.[1]) return { kind: 'greedy', name: greedy[1] };
  const param = /^\{([A-Za-z0-9_]+)\}$/.exec(text);
  if (param?.[1]) return { kind: 'param', name: param[1] };
  return { kind: 'literal', value: text };
};

const splitPath = (path: string): string[] => path.split('/').slice(1);

const compile = (route: RouteSpec): CompiledRoute => {
  const segments = splitPath(route.path).map(parseSegment);
  const rank = segments.map((segment) =>
    segment.kind === 'literal' ? 0 : segment.kind === 'param' ? 1 : 2
  );
  return { route, segments, rank };
};

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const matchSegments = (
  segments: Segment[],
  parts: string[]
): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index];
    if (segment.kind === 'greedy') {
      const rest = parts.slice(index);
      if (rest.length === 0 || rest.join('/') === '') return undefined;
      params[segment.name] = decode(rest.join('/'));
      return params;
    }
    if (part === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (part !== segment.value) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.name] = decode(part);
    }
  }
  return parts.length === segments.length ? params : undefined;
};

const compareRank = (a: CompiledRoute, b: CompiledRoute): number => {
  for (let index = 0; index < Math.max(a.rank.length, b.rank.length); index += 1) {
    const diff = (a.rank[index] ?? 3) - (b.rank[index] ?? 3);
    if (diff !== 0) return diff;
  }
  return 0;
};

/**
 * Compiles the route table once and returns a matcher.
 *
 * @example
 * const match = createRouteMatcher(routes);
 * match('GET', '/links/lnk_1'); // { routeKey: 'GET /links/{linkId}', pathParameters: { linkId: 'lnk_1' } }
 */
const createRouteMatcher = (routes: readonly RouteSpec[]) => {
  const compiled = routes.map(compile).sort(compareRank);
  return (method: string, path: string): RouteMatch | undefined => {
    const parts = splitPath(path);
    for (const candidate of compiled) {
      if (candidate.route.method !== method.toUpperCase()) continue;
      const params = matchSegments(candidate.segments, parts);
      if (params) {
        return {
          route: candidate.route,
          routeKey: `${candidate.route.method} ${candidate.route.path}`,
          pathParameters: Object.keys(params).length > 0 ? params : undefined,
        };
      }
    }
    return undefined;
  };
};

export type { RouteMatch };
export { createRouteMatcher };
