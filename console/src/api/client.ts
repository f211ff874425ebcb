import createClient from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

/**
 * The console's only way to the API: openapi-fetch typed by the types generated from
 * docs/openapi.json, so every call names a route, parameters and a body the API declares. The
 * middleware adds the session's token and reports a 401 (the session has ended) to the app.
 */

type Api = ReturnType<typeof createClient<paths>>;

const createApi = (options: {
  baseUrl: string;
  token: () => string | undefined;
  onUnauthorized: () => void;
}): Api => {
  const client = createClient<paths>({
    // Relative to the page when empty: the API is on the console's own origin.
    baseUrl: options.baseUrl || window.location.origin,
  });
  client.use({
    onRequest: ({ request }) => {
      const token = options.token();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    onResponse: ({ response }) => {
      if (response.status === 401) options.onUnauthorized();
      return response;
    },
  });
  return client;
};

/** The JSON body of an operation's answer with `status`. */
type Body<O extends keyof operations, S extends number> =
  operations[O]['responses'] extends Record<S, { content: { 'application/json': infer B } }>
    ? B
    : never;

type LinkView = Body<'linkGet', 200>;
type LinkListItem = Body<'linksList', 200>['items'][number];
type FleetSummary = Body<'fleetSummary', 200>;
type BulkOperation = Body<'linksBulkGet', 200>;
type MetaStatus = Body<'metaStatus', 200>;
type TenantStats = Body<'tenantStats', 200>;
type Origins = Body<'settingsOriginsGet', 200>;
type SyncStatus = Body<'syncStatus', 200>;
type ProfileComparison = Body<'linkProfiles', 200>;
type DriftHistory = Body<'linkDrift', 200>;
type RunView = Body<'reconcileRunGet', 200>;
type AdOperation = Body<'adGet', 200>;
type AdInsights = Body<'adInsights', 200>;
type LinkStats = Body<'linkStats', 200>;
type CreateAdBody = NonNullable<
  operations['adCreate']['requestBody']
>['content']['application/json'];
type ApiError = components['schemas']['Error'];
type WebhookEndpoint = Body<'webhookEndpointsList', 200>['items'][number];
type TenantEvent = Body<'eventsList', 200>['items'][number];
type LinkWhatsApp = Body<'linkWhatsApp', 200>;
type StoryConsent = Body<'storyConsentGet', 200>;
type StoriesList = Body<'storiesList', 200>;

export type {
  AdInsights,
  AdOperation,
  Api,
  ApiError,
  BulkOperation,
  CreateAdBody,
  DriftHistory,
  FleetSummary,
  LinkListItem,
  LinkStats,
  LinkView,
  LinkWhatsApp,
  MetaStatus,
  Origins,
  ProfileComparison,
  RunView,
  StoriesList,
  StoryConsent,
  SyncStatus,
  TenantEvent,
  TenantStats,
  WebhookEndpoint,
};
export { createApi };
