import type * as z from '../../core/zod.js';
import { createGuardedFetch, type GuardedFetch } from '../net/guarded-fetch.js';
import type { Logger } from '../observability/logger.js';
import { type AdAccountOperations, createAdAccounts } from './ad-accounts.js';
import { type BatchOperations, createBatch } from './batch.js';
import { createGraphHttp, type GraphResult, type HttpOptions, USER_AGENT } from './http.js';
import { createOAuth, type OAuthOperations } from './oauth.js';
import { createPages, type PageOperations } from './pages.js';
import { success } from './schemas.js';
import { createUpload, type UploadOperations } from './upload.js';
import { GRAPH_API_VERSION } from './version.js';
import { createWhatsApp, type WhatsAppOperations } from './whatsapp.js';

/**
 * Tandem's Meta Graph API client. The same code talks to graph.facebook.com or the local sandbox:
 * only `baseUrl` and `dialogBaseUrl` differ. The version is pinned in functions/adapters/config.ts.
 */

interface GraphClientOptions extends Omit<HttpOptions, 'log'> {
  /** e.g. https://graph.facebook.com (no version: the client adds the pinned one). */
  baseUrl: string;
  appId: string;
  appSecret: string;
  /** Where the OAuth dialog is served; defaults to https://www.facebook.com. */
  dialogBaseUrl?: string;
  log?: Logger;
  /**
   * How images are downloaded.
   * @default the guarded fetch, trusting `trustedFetchOrigins`
   */
  download?: GuardedFetch;
  /** Origins downloads may reach without the public-address rule: only the local sandbox's. */
  trustedFetchOrigins?: readonly string[];
}

type Params = Record<string, unknown>;
type QueryParams = Record<string, string | number | boolean | undefined>;

/** Typed building blocks for endpoints without a dedicated operation (the Marketing API). */
interface GenericOperations {
  /** GET `path` with `query`, validated by `schema`. Retried on transient errors. */
  get<S extends z.ZodMiniType>(
    token: string,
    path: string,
    query: QueryParams,
    schema: S
  ): Promise<GraphResult<z.output<S>>>;
  /**
   * POST `params` as JSON to `path`. Not retried unless `idempotent` (a lost response to a create
   * may have created the object: the caller decides, e.g. by looking it up first).
   */
  post<S extends z.ZodMiniType>(
    token: string,
    path: string,
    params: Params,
    schema: S,
    options?: { idempotent?: boolean }
  ): Promise<GraphResult<z.output<S>>>;
  /** DELETE `path`; answers whether Graph reported success. Retried on transient errors. */
  delete(token: string, path: string, query?: QueryParams): Promise<GraphResult<boolean>>;
}

/** Everything the client offers. */
type GraphClient = OAuthOperations &
  PageOperations &
  AdAccountOperations &
  WhatsAppOperations &
  UploadOperations &
  BatchOperations &
  GenericOperations & {
    /** The pinned Graph API version requests use. */
    readonly version: string;
  };

const MARKETING = ['marketing'] as const;

/**
 * Creates a Graph client.
 *
 * @example
 * const graph = createGraphClient({ baseUrl: config.GRAPH_API_BASE_URL, appId, appSecret });
 * const { data: profile, usage } = await graph.getBusinessProfile(token, phoneNumberId);
 */
const createGraphClient = (options: GraphClientOptions): GraphClient => {
  const http = createGraphHttp(options);
  const maxResumes = Math.max(0, (options.retry?.maxAttempts ?? 3) - 1);
  return {
    version: GRAPH_API_VERSION,
    ...createOAuth(http, {
      appId: options.appId,
      appSecret: options.appSecret,
      dialogBaseUrl: options.dialogBaseUrl ?? 'https://www.facebook.com',
    }),
    ...createPages(
      http,
      options.download ??
        createGuardedFetch({
          trustedOrigins: options.trustedFetchOrigins ?? [],
          userAgent: USER_AGENT,
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        })
    ),
    ...createAdAccounts(http),
    ...createWhatsApp(http),
    ...createUpload(http, options.appId, maxResumes),
    ...createBatch(http, options.appSecret),
    // The generic operations serve the Marketing API, whose object paths (`/{campaign-id}`) say nothing.
    get: (token, path, query, schema) =>
      http.request({ method: 'GET', path, token, query, surfaces: MARKETING }, schema),
    post: (token, path, params, schema, postOptions) =>
      http.request(
        {
          method: 'POST',
          path,
          token,
          json: params,
          idempotent: postOptions?.idempotent ?? false,
          surfaces: MARKETING,
        },
        schema
      ),
    delete: (token, path, query) =>
      http.request({ method: 'DELETE', path, token, query, surfaces: MARKETING }, success),
  };
};

export type { BatchItemResult, BatchRequest } from './batch.js';
export { MAX_BATCH_SIZE } from './batch.js';
export {
  GraphConfigurationError,
  GraphError,
  GraphNotFoundError,
  GraphPermissionError,
  GraphRateLimitError,
  GraphResponseError,
  GraphTimeoutError,
  GraphTokenError,
  GraphTransientError,
  GraphValidationError,
  isUnanswered,
  parseGraphError,
  toTandemError,
} from './errors.js';
export type { FetchLike, GraphResult, RetryPolicy } from './http.js';
export { appsecretProof, USER_AGENT } from './http.js';
export type { ConditionalPage, DownloadedImage } from './pages.js';
export type {
  AccessToken,
  AdAccountSummary,
  Business,
  BusinessProfile,
  BusinessProfileUpdate,
  DebugToken,
  Me,
  Page,
  PageAccount,
  PagePicture,
  Permission,
  PhoneNumber,
  Waba,
} from './schemas.js';
export type { UploadMime } from './upload.js';
export type { AdAccountUsage, AppUsage, BusinessUseCaseUsage, GraphUsage } from './usage.js';
export { parseUsage } from './usage.js';
export type { WabaWithRelation } from './whatsapp.js';
export type { GenericOperations, GraphClient, GraphClientOptions };
export { createGraphClient };
