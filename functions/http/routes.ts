import type { RouteContract } from '../adapters/http/contract.js';
import * as ads from './ads/routes.js';
import * as cors from './cors/routes.js';
import * as events from './events/routes.js';
import * as links from './links/routes.js';
import * as meta from './meta/routes.js';
import * as oauth from './oauth/routes.js';
import * as reconcile from './reconcile/routes.js';
import * as stats from './stats/routes.js';
import * as status from './status/routes.js';
import * as stories from './stories/routes.js';
import * as sync from './sync/routes.js';
import * as webhooks from './webhooks/routes.js';

/**
 * Every route contract of the HTTP API, from each area's routes.ts: what infra builds API Gateway,
 * the local gateway and OpenAPI from. A handler imports only its own area's contracts (the CORS
 * preflight keeps a tested copy of the tenant routes' paths, functions/http/cors/tenant-paths.ts).
 */
const contracts: readonly RouteContract[] = [
  ...Object.values(ads),
  ...Object.values(cors),
  ...Object.values(events),
  ...Object.values(links),
  ...Object.values(meta),
  ...Object.values(oauth),
  ...Object.values(reconcile),
  ...Object.values(stats),
  ...Object.values(status),
  ...Object.values(stories),
  ...Object.values(sync),
  ...Object.values(webhooks),
];

export { contracts };
