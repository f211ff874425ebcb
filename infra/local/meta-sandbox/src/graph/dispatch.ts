import { createHash, randomBytes } from 'node:crypto';
import { resolveCaller } from '../auth.js';
import type {
  Caller,
  GraphCtx,
  GraphRequest,
  GraphResult,
  GraphRoute,
  Services,
} from '../context.js';
import type { FaultEffect } from '../faults.js';
import { GraphError, refusal, unknownPath, unsupportedGet } from '../graph-error.js';
import { sleep } from '../http.js';
import {
  checkMetaCall,
  describePath,
  servingVersion,
  whatsappOperation,
  whatsappStatusFor,
} from '../meta-spec/index.js';
import { surfaceOfRoute } from '../outages.js';
import { findRoute } from '../router.js';
import {
  type BucEntry,
  budgetOf,
  KIND_OF_USE_CASE,
  type LimitKind,
  rateLimitError,
  type UseCase,
  usageTriple,
} from '../usage.js';
import { type Outcome, runBatch } from './batch.js';
import { insightsRoutes } from './insights.js';
import { marketingRoutes } from './marketing.js';
import { nodeRoutes } from './nodes.js';
import { oauthRoutes } from './oauth.js';
import { pageRoutes } from './pages.js';
import { storyRoutes } from './stories.js';
import { uploadRoutes } from './uploads.js';
import { userRoutes } from './user.js';
import { whatsappRoutes } from './whatsapp.js';

/**
 * Runs one Graph call the way graph.facebook.com does: faults, token and proof, usage accounting and
 * throttling, the route, then Graph's headers (version, trace ids, usage, ETag).
 */

const BATCH_ROUTE: GraphRoute = {
  method: 'POST',
  pattern: '/',
  auth: 'token',
  handle: () => ({}),
};

/** Order matters: specific edges before the generic `/{id}` node routes. */
const ROUTES: GraphRoute[] = [
  BATCH_ROUTE,
  ...oauthRoutes,
  ...userRoutes,
  ...pageRoutes,
  ...storyRoutes,
  ...whatsappRoutes,
  ...uploadRoutes,
  ...marketingRoutes,
  ...insightsRoutes,
  ...nodeRoutes,
];

interface CallState {
  traceId: string;
  buc: Map<string, BucEntry[]>;
  forcedFull: Set<LimitKind>;
  /** The ad account a Marketing call counted against: its X-Ad-Account-Usage. */
  adAccount?: { percent: number; resetSeconds: number };
}

const bucEntry = (
  services: Services,
  useCase: UseCase,
  key: string,
  percent: number
): BucEntry => ({
  type: useCase,
  ...usageTriple(percent),
  estimated_time_to_regain_access: percent >= 100 ? services.usage.minutesToRegain(key) : 0,
  ...(useCase === 'ads_management' ? { ads_api_access_tier: 'standard_access' } : {}),
});

const makeCharge =
  (services: Services, state: CallState) =>
  (useCase: UseCase, objectId: string): void => {
    const kind = KIND_OF_USE_CASE[useCase];
    const key = `${useCase}:${objectId}`;
    const forced = state.forcedFull.has(kind);
    const { percent, exceeded } = services.usage.count(
      key,
      budgetOf(services.store.settings, kind)
    );
    state.buc.set(objectId, [bucEntry(services, useCase, key, forced ? 100 : percent)]);
    if (useCase === 'ads_management') {
      state.adAccount = {
        percent: forced ? 100 : percent,
        resetSeconds: services.usage.minutesToRegain(key) * 60,
      };
    }
    if (exceeded || forced) throw rateLimitError(kind);
  };

/** App- and user-level budgets, checked before any route runs. */
const countCaller = (services: Services, caller: Caller | undefined, state: CallState): void => {
  const { settings } = services.store;
  const app = services.usage.count('app', settings.appCallBudgetPerHour);
  if (app.exceeded || state.forcedFull.has('app')) throw rateLimitError('app');
  if (caller && caller.kind !== 'APP') {
    const user = services.usage.count(`user:${caller.userId}`, settings.userCallBudgetPerHour);
    if (user.exceeded || state.forcedFull.has('user')) throw rateLimitError('user');
  }
};

const USE_CASE_OF_KIND: Partial<Record<LimitKind, UseCase>> = {
  page: 'pages',
  waba: 'whatsapp_business_management',
  ads: 'ads_management',
};

/** A forced business rate limit reports its use case full for the object the path names. */
const forceBuc = (services: Services, state: CallState, kind: LimitKind, path: string): void => {
  const useCase = USE_CASE_OF_KIND[kind];
  if (!useCase) return;
  const objectId = path.split('/').filter(Boolean)[0] ?? 'unknown';
  state.buc.set(objectId, [bucEntry(services, useCase, `${useCase}:${objectId}`, 100)]);
};

const usageHeaders = (services: Services, state: CallState): Record<string, string> => {
  const { settings } = services.store;
  const appPercent = state.forcedFull.has('app')
    ? 100
    : services.usage.percent('app', settings.appCallBudgetPerHour);
  const headers: Record<string, string> = {
    'x-app-usage': JSON.stringify(usageTriple(appPercent)),
  };
  if (state.buc.size > 0) {
    headers['x-business-use-case-usage'] = JSON.stringify(Object.fromEntries(state.buc));
  }
  // Marketing API calls also report the ad account's own window (Meta's rate-limiting page).
  if (state.adAccount) {
    headers['x-ad-account-usage'] = JSON.stringify({
      acc_id_util_pct: state.adAccount.percent,
      reset_time_duration: state.adAccount.resetSeconds,
      ads_api_access_tier: 'standard_access',
    });
  }
  return headers;
};

/** What an id is, as Graph's node types name it; undefined for an id the sandbox does not hold. */
const nodeTypeOf = (services: Services, id: string): string | undefined => {
  const { store, config } = services;
  if (id === config.appId || id === 'app') return 'Application';
  if (store.pages.has(id)) return 'Page';
  if (store.users.has(id)) return 'User';
  if (store.businesses.has(id)) return 'Business';
  if (store.wabas.has(id)) return 'WhatsAppBusinessAccount';
  if (store.phoneNumbers.has(id)) return 'WhatsAppBusinessPhoneNumber';
  if (store.adAccounts.has(id)) return 'AdAccount';
  if (store.igUsers.has(id)) return 'IGUser';
  if (store.igContainers.has(id)) return 'ShadowIGMediaBuilder';
  if (store.pagePhotos.has(id)) return 'Photo';
  const object = store.adObjects.get(id);
  return object ? AD_NODE_TYPES[object.kind] : undefined;
};

const AD_NODE_TYPES = { campaign: 'Campaign', adset: 'AdSet', adcreative: 'AdCreative', ad: 'Ad' };

/**
 * Refuses what Meta's artifacts refuse (infra/local/meta-sandbox/src/meta-spec): an unknown edge, an undeclared
 * parameter, a bad enum value, a missing required parameter, a WhatsApp body that breaks the spec.
 */
const checkAgainstMeta = (services: Services, req: GraphRequest): void => {
  const path = describePath(`/${req.version}${req.path === '/' ? '/' : req.path}`, (id) =>
    nodeTypeOf(services, id)
  );
  if (!path) return;
  const result = checkMetaCall({
    method: req.method,
    ...path,
    query: Object.fromEntries(req.query),
    ...(req.body ? { body: req.body } : {}),
    headers: req.headers,
  });
  const first = result.violations[0];
  if (first) throw refusal(first, result.checkedBy === 'whatsapp-openapi');
};

/**
 * The HTTP status Graph answers an error with: what a fault pinned; on the WhatsApp paths what Meta's
 * OpenAPI spec documents for the code; elsewhere 500 for Meta's own failures and 400 for the rest
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
const statusOf = (services: Services, req: GraphRequest, error: GraphError): number => {
  if (error.status !== undefined) return error.status;
  const { code, is_transient: transient } = error.fields;
  const path = describePath(`/${req.version}${req.path}`, (id) => nodeTypeOf(services, id));
  const operation = path && whatsappOperation(req.method, path.node, path.edge);
  if (operation) return whatsappStatusFor(operation, code);
  return code === 2 || (code === 1 && transient === true) ? 500 : 400;
};

const runRoute = async (
  services: Services,
  req: GraphRequest,
  state: CallState,
  effect: FaultEffect | undefined
): Promise<GraphResult> => {
  // Graph serves only versions Meta released; an expired one is upgraded (see servingVersion).
  if (!servingVersion(req.version)) throw unknownPath(`/${req.version}${req.path}`);
  const found = findRoute(ROUTES, req.method, req.path);
  if (!('route' in found)) {
    const firstSegment = req.path.split('/').filter(Boolean)[0] ?? '';
    throw found.pathMatched
      ? unsupportedGet(firstSegment, req.method.toLowerCase())
      : unknownPath(req.path);
  }
  const { route, params } = found;
  // A surface switched down answers before anything else runs; a batch's items answer one by one.
  const outage =
    route === BATCH_ROUTE
      ? undefined
      : services.outages.errorFor(surfaceOfRoute(route, params.id, services.store));
  if (outage) throw outage;
  const caller = route.auth === 'token' ? resolveCaller(services, req) : undefined;
  if (effect?.rateLimit) {
    state.forcedFull.add(effect.rateLimit.kind);
    forceBuc(services, state, effect.rateLimit.kind, req.path);
  }
  // A batch counts through its operations, as Meta counts each one; the envelope itself is free.
  if (route !== BATCH_ROUTE) countCaller(services, caller, state);
  if (effect?.rateLimit) throw rateLimitError(effect.rateLimit.kind, effect.rateLimit.status);
  if (effect?.error) throw effect.error;
  checkAgainstMeta(services, req);
  const ctx: GraphCtx = {
    ...services,
    req,
    params,
    caller,
    buc: state.buc,
    charge: makeCharge(services, state),
  };
  if (route === BATCH_ROUTE) {
    const { summary, ...result } = await runBatch(ctx, (sub) => dispatchGraph(services, sub));
    return { ...result, headers: { 'x-sandbox-batch': JSON.stringify(summary) } };
  }
  return route.handle(ctx);
};

const etagOf = (text: string): string => `"${createHash('sha1').update(text).digest('hex')}"`;

/** The body and headers of a successful result; GETs carry an ETag and honour If-None-Match. */
const renderResult = (
  req: GraphRequest,
  result: GraphResult,
  headers: Record<string, string>
): Outcome & { bytes?: Buffer } => {
  if (result.redirect)
    return { status: 302, headers: { ...headers, location: result.redirect }, text: '' };
  if (result.bytes) {
    return {
      status: result.status ?? 200,
      headers: { ...headers, 'content-type': result.bytes.contentType },
      text: '',
      bytes: result.bytes.body,
    };
  }
  const text = JSON.stringify(result.json ?? {});
  const all = { ...headers, ...result.headers, 'content-type': 'application/json; charset=UTF-8' };
  if (req.method !== 'GET') return { status: result.status ?? 200, headers: all, text };
  const etag = etagOf(text);
  if (req.headers['if-none-match'] === etag)
    return { status: 304, headers: { ...all, etag }, text: '' };
  return { status: result.status ?? 200, headers: { ...all, etag }, text };
};

const errorOutcome = (
  services: Services,
  req: GraphRequest,
  error: unknown,
  traceId: string,
  headers: Record<string, string>
): Outcome => {
  const graphError =
    error instanceof GraphError
      ? error
      : new GraphError({
          message: 'An unexpected error has occurred. Please retry your request later.',
          type: 'OAuthException',
          code: 2,
          is_transient: true,
        });
  return {
    status: statusOf(services, req, graphError),
    headers: {
      ...headers,
      ...graphError.headers,
      'content-type': 'application/json; charset=UTF-8',
    },
    text: JSON.stringify(graphError.toBody(traceId)),
  };
};

/**
 * One Graph call from start to finish. The outcome of `drop` tells the server to cut the connection,
 * as a network failure would: before the call ran (`status` 0), or after it ran (a lost answer).
 */
const dispatchGraph = async (
  services: Services,
  req: GraphRequest,
  fullPath = req.path
): Promise<Outcome & { bytes?: Buffer; drop?: boolean }> => {
  const traceId = randomBytes(8).toString('base64url');
  const state: CallState = { traceId, buc: new Map(), forcedFull: new Set() };
  const effect = services.faults.take(req.method, fullPath, req.path);
  if (effect?.latencyMs) await sleep(effect.latencyMs);
  if (effect?.dropConnection) return { status: 0, headers: {}, text: '', drop: true };
  if (effect?.timeOut) return { status: 0, headers: {}, text: '', drop: true, timedOut: true };
  const base = {
    // Graph reports the version that served the call: an expired one is served by the oldest left.
    'facebook-api-version': servingVersion(req.version) ?? req.version,
    'x-fb-trace-id': traceId,
    'x-fb-request-id': randomBytes(12).toString('base64url'),
    'x-fb-rev': '1000000',
  };
  let outcome: Outcome & { bytes?: Buffer };
  try {
    const result = await runRoute(services, req, state, effect);
    outcome = renderResult(req, result, { ...base, ...usageHeaders(services, state) });
  } catch (error) {
    if (!(error instanceof GraphError))
      services.config.log(`sandbox: unexpected error ${String(error)}`);
    outcome = errorOutcome(services, req, error, traceId, {
      ...base,
      ...usageHeaders(services, state),
    });
  }
  return effect?.loseAnswer ? { ...outcome, drop: true } : outcome;
};

export { dispatchGraph };
