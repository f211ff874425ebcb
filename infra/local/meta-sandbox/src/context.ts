import type { FaultBook } from './faults.js';
import type { MetaCall } from './meta-spec/index.js';
import type { OutageBook } from './outages.js';
import type { Store, Token } from './store.js';
import type { BucEntry, UsageTracker, UseCase } from './usage.js';

/** What the sandbox was started with, after defaults. */
interface SandboxConfig {
  appId: string;
  appSecret: string;
  redirectUris: string[];
  webhook?: { callbackUrl: string; verifyToken: string };
  /** Where WhatsApp Business Account webhooks go: the app's callback for that object. */
  whatsappWebhook?: { callbackUrl: string; verifyToken: string };
  metaCallbacks: { deauthorizeUrl?: string; dataDeletionUrl?: string };
  log: (line: string) => void;
}

/** Shared by every route: the world, the configuration and the cross-cutting services. */
interface Services {
  store: Store;
  config: SandboxConfig;
  usage: UsageTracker;
  faults: FaultBook;
  /** Meta surfaces switched down through the admin API. */
  outages: OutageBook;
  /** The sandbox's own origin, for URLs it hands out (pictures, paging links). */
  baseUrl: () => string;
}

/** One Graph call after parsing: the path has no version prefix. */
interface GraphRequest {
  method: string;
  path: string;
  /** The version the call named (a batch item inherits its batch's), or the newest. */
  version: string;
  query: URLSearchParams;
  /** Query and body parameters merged; body values win, as Graph's do. */
  params: Record<string, unknown>;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  /** The body as Meta's spec checker reads it. */
  body: MetaCall['body'];
}

type Caller =
  | { kind: 'APP' }
  | { kind: 'USER'; token: Token; userId: string }
  | { kind: 'PAGE'; token: Token; userId: string; pageId: string };

interface GraphResult {
  status?: number;
  json?: unknown;
  bytes?: { contentType: string; body: Buffer };
  redirect?: string;
  headers?: Record<string, string>;
}

interface GraphCtx extends Services {
  req: GraphRequest;
  params: Record<string, string>;
  /** Set for routes that take a token; `none` routes see undefined. */
  caller: Caller | undefined;
  /** Counts the call against a business use case; throws Meta's throttling error when spent. */
  charge: (useCase: UseCase, objectId: string) => void;
  buc: Map<string, BucEntry[]>;
}

interface GraphRoute {
  method: string;
  pattern: string;
  /** `token` routes need a valid access token (and appsecret_proof when required). */
  auth: 'none' | 'token';
  handle: (ctx: GraphCtx) => GraphResult | Promise<GraphResult>;
}

export type { Caller, GraphCtx, GraphRequest, GraphResult, GraphRoute, SandboxConfig, Services };
