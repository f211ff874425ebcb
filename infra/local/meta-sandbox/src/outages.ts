import * as z from 'zod';
import type { GraphRoute } from './context.js';
import { insightsRoutes } from './graph/insights.js';
import { marketingRoutes } from './graph/marketing.js';
import { oauthRoutes } from './graph/oauth.js';
import { pageRoutes } from './graph/pages.js';
import { uploadRoutes } from './graph/uploads.js';
import { userRoutes } from './graph/user.js';
import { whatsappRoutes } from './graph/whatsapp.js';
import { GraphError } from './graph-error.js';
import type { Store } from './store.js';

/**
 * Outages of one Meta surface at a time, switched on and off through the admin API: while a surface
 * is down every Graph call it serves (batch items included) answers what Meta answers during its own
 * incidents, HTTP 500 with the transient error object (code 2, `is_transient: true`), documented at
 * https://developers.facebook.com/docs/graph-api/guides/error-handling (code 2: "Temporary issue due
 * to downtime. Wait and retry the operation."). The surfaces are Meta's products as its status page
 * lists them (https://metastatus.com): Facebook Login, Pages, the WhatsApp Business API, the
 * Marketing API.
 */

const SURFACES = ['pages', 'whatsapp', 'marketing', 'login'] as const;
type Surface = (typeof SURFACES)[number];

const outageInput = z.object({
  surface: z.enum(SURFACES),
  /** The HTTP status of the answers (Meta's transient error object in each): 500 unless told. */
  status: z.union([z.literal(500), z.literal(502), z.literal(503)]).default(500),
});

const ROUTE_SURFACES = new Map<GraphRoute, Surface>([
  ...oauthRoutes.map((route): [GraphRoute, Surface] => [route, 'login']),
  ...whatsappRoutes.map((route): [GraphRoute, Surface] => [route, 'whatsapp']),
  ...uploadRoutes.map((route): [GraphRoute, Surface] => [route, 'whatsapp']),
  ...pageRoutes.map((route): [GraphRoute, Surface] => [route, 'pages']),
  ...marketingRoutes.map((route): [GraphRoute, Surface] => [route, 'marketing']),
  ...insightsRoutes.map((route): [GraphRoute, Surface] => [route, 'marketing']),
]);

/** `/me/businesses` serves WhatsApp onboarding; `/me/adaccounts` the Marketing API; the rest is Login. */
const userRouteSurface = (pattern: string): Surface => {
  if (pattern.endsWith('/businesses')) return 'whatsapp';
  if (pattern.endsWith('/adaccounts')) return 'marketing';
  return 'login';
};

/**
 * The surface a call needs: by the route it matched, and for the generic `/{id}` node routes by what
 * the store says the id is (as on Graph, the same path is a Page, a number or an ad object).
 */
const surfaceOfRoute = (route: GraphRoute, id: string | undefined, store: Store): Surface => {
  const known = ROUTE_SURFACES.get(route);
  if (known) return known;
  if (userRoutes.includes(route)) return userRouteSurface(route.pattern);
  if (id === undefined) return 'pages';
  if (store.phoneNumbers.has(id) || store.wabas.has(id)) return 'whatsapp';
  if (store.pages.has(id)) return 'pages';
  if (store.users.has(id)) return 'login';
  return 'marketing';
};

class OutageBook {
  private down = new Map<Surface, { since: string; status: 500 | 502 | 503 }>();

  start(input: z.infer<typeof outageInput>): void {
    this.down.set(input.surface, { since: new Date().toISOString(), status: input.status });
  }

  end(surface: Surface): boolean {
    return this.down.delete(surface);
  }

  clear(): void {
    this.down.clear();
  }

  list(): { surface: Surface; since: string; status: number }[] {
    return [...this.down].map(([surface, outage]) => ({ surface, ...outage }));
  }

  /** The error a call on `surface` answers while it is down; undefined while it is up. */
  errorFor(surface: Surface): GraphError | undefined {
    const outage = this.down.get(surface);
    if (!outage) return undefined;
    return new GraphError(
      {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        code: 2,
        is_transient: true,
      },
      { status: outage.status }
    );
  }
}

export type { Surface };
export { OutageBook, outageInput, SURFACES, surfaceOfRoute };
