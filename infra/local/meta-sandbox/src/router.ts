/**
 * A tiny method + path-pattern router. Patterns use `:name` segments; the first route that matches
 * wins, so specific patterns go before generic ones such as `/:id`.
 */
interface Match<R> {
  route: R;
  params: Record<string, string>;
}

interface Routed {
  method: string;
  pattern: string;
}

const matchPattern = (pattern: string, path: string): Record<string, string> | undefined => {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = have[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
};

/** The route for this method and path, or `pathMatched` when only the method was wrong. */
const findRoute = <R extends Routed>(
  routes: readonly R[],
  method: string,
  path: string
): Match<R> | { pathMatched: boolean } => {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return { pathMatched };
};

export type { Match, Routed };
export { findRoute, matchPattern };
