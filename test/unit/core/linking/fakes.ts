import {
  ConflictError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from '../../../../functions/core/errors.js';
import type { LinkingDeps, LoginMethod } from '../../../../functions/core/linking/deps.js';
import type { PageWhatsAppRead } from '../../../../functions/core/linking/meta-link.js';
import {
  type Grant,
  type Link,
  REQUESTED_SCOPES,
  type SealedSecret,
  type SealedToken,
} from '../../../../functions/core/linking/model.js';
import type { HealthRead } from '../../../../functions/core/linking/number-health.js';
import {
  completeAuthorization,
  continueSignIn,
  startLinking,
} from '../../../../functions/core/linking/oauth.js';
import type { TenantOrigins } from '../../../../functions/core/linking/origins.js';
import type {
  CallbackRecord,
  DeletionRequest,
  MetaAdAccount,
  MetaPage,
  MetaPhoneNumber,
  OAuthSession,
  OpenedKey,
  PageOf,
  PageRequest,
  SecretContext,
  TokenContext,
  TokenInfo,
} from '../../../../functions/core/linking/ports.js';
import { recordingPublisher } from '../../../helpers/events.js';

/**
 * In-memory fakes of the linking ports: the same contracts as the DynamoDB, vault and Graph adapters,
 * without I/O, so the use cases can be tested alone.
 */

const APP_ID = '1000000000000001';
/** The deployment's Facebook Login for Business configuration. */
const LOGIN_CONFIG_ID = '900000000000042';
const META_USER = '700000000000001';
const PAGE = { id: '100000000000001', name: 'Blue Bakery' };
const OTHER_PAGE = { id: '100000000000002', name: 'Blue Bakery Outlet' };
const WABA = '200000000000001';
const NUMBER = {
  id: '300000000000001',
  wabaId: WABA,
  displayPhoneNumber: '+1 555 0100',
  verifiedName: 'Blue Bakery',
};
const OTHER_NUMBER = { id: '300000000000002', wabaId: WABA, displayPhoneNumber: '+1 555 0101' };

const page = <T>(items: T[], request: PageRequest): PageOf<T> => {
  const start = request.cursor ? Number(request.cursor) : 0;
  const slice = items.slice(start, start + request.limit);
  const next = start + request.limit;
  return next < items.length ? { items: slice, nextCursor: String(next) } : { items: slice };
};

const fakeLinks = (grants: Map<string, Grant>) => {
  const items = new Map<string, Link>();
  const pageGuards = new Map<string, string>();
  const phoneGuards = new Map<string, string>();
  const key = (tenantId: string, id: string) => `${tenantId}/${id}`;
  return {
    items,
    create: async (link: Link) => {
      if (pageGuards.has(link.pageId)) {
        throw new ConflictError('page taken', undefined, 'page_already_linked');
      }
      if (phoneGuards.has(link.phoneNumberId)) {
        throw new ConflictError('number taken', undefined, 'phone_number_already_linked');
      }
      const grant = grants.get(key(link.tenantId, link.grantId));
      if (!grant) throw new NotFoundError('grant gone', undefined, 'grant_not_found');
      grant.linkCount += 1;
      pageGuards.set(link.pageId, link.linkId);
      phoneGuards.set(link.phoneNumberId, link.linkId);
      items.set(key(link.tenantId, link.linkId), structuredClone(link));
    },
    get: async (tenantId: string, linkId: string) => {
      const link = items.get(key(tenantId, linkId));
      return link && structuredClone(link);
    },
    list: async (tenantId: string, request: PageRequest) =>
      page(
        [...items.values()].filter((link) => link.tenantId === tenantId),
        request
      ),
    update: async (link: Link, expectedVersion: number) => {
      const current = items.get(key(link.tenantId, link.linkId));
      if (!current) throw new NotFoundError('gone', undefined, 'link_not_found');
      if (current.version !== expectedVersion) {
        throw new ConflictError('stale', undefined, 'version_mismatch');
      }
      items.set(key(link.tenantId, link.linkId), structuredClone(link));
    },
    delete: async (link: Link) => {
      if (!items.delete(key(link.tenantId, link.linkId))) {
        throw new NotFoundError('gone', undefined, 'link_not_found');
      }
      pageGuards.delete(link.pageId);
      phoneGuards.delete(link.phoneNumberId);
      const grant = grants.get(key(link.tenantId, link.grantId));
      if (!grant) return { grantLinkCount: undefined };
      grant.linkCount -= 1;
      return { grantLinkCount: grant.linkCount };
    },
    listByMetaUser: async (metaUserId: string) =>
      [...items.values()].filter((link) => link.metaUserId === metaUserId),
    listByWaba: async (wabaId: string) =>
      [...items.values()]
        .filter((link) => link.wabaId === wabaId)
        .map((link) => structuredClone(link)),
    storePageToken: async (link: Link, sealed: SealedSecret | undefined) => {
      const current = items.get(key(link.tenantId, link.linkId));
      if (!current) return;
      if (sealed) current.pageToken = sealed;
      else delete current.pageToken;
    },
    taken: async (pageIds: string[], phoneNumberIds: string[]) => ({
      pageIds: new Set(pageIds.filter((id) => pageGuards.has(id))),
      phoneNumberIds: new Set(phoneNumberIds.filter((id) => phoneGuards.has(id))),
    }),
  };
};

const fakeGrants = (items: Map<string, Grant>) => ({
  items,
  save: async (grant: Omit<Grant, 'linkCount' | 'createdAt'>) => {
    const id = `${grant.tenantId}/${grant.grantId}`;
    const current = items.get(id);
    const saved: Grant = {
      ...grant,
      linkCount: current?.linkCount ?? 0,
      createdAt: current?.createdAt ?? grant.updatedAt,
    };
    items.set(id, saved);
    return structuredClone(saved);
  },
  get: async (tenantId: string, grantId: string) => {
    const grant = items.get(`${tenantId}/${grantId}`);
    return grant && structuredClone(grant);
  },
  list: async (tenantId: string, request: PageRequest) =>
    page(
      [...items.values()].filter((grant) => grant.tenantId === tenantId),
      request
    ),
  deleteIfUnused: async (tenantId: string, grantId: string) => {
    const grant = items.get(`${tenantId}/${grantId}`);
    if (!grant || grant.linkCount > 0) return false;
    return items.delete(`${tenantId}/${grantId}`);
  },
  delete: async (tenantId: string, grantId: string) => {
    items.delete(`${tenantId}/${grantId}`);
  },
  listByMetaUser: async (metaUserId: string) =>
    [...items.values()].filter((grant) => grant.metaUserId === metaUserId),
});

const fakeSettings = () => {
  const origins = new Map<string, TenantOrigins>();
  return {
    origins,
    getOrigins: async (tenantId: string) => origins.get(tenantId),
    putOrigins: async (tenantId: string, record: TenantOrigins) => {
      origins.set(tenantId, structuredClone(record));
    },
    isRegistered: async (origin: string) =>
      [...origins.values()].some((record) => record.origins.includes(origin)),
  };
};

const fakeSessions = () => {
  const items = new Map<string, OAuthSession>();
  return {
    items,
    put: async (session: OAuthSession) => {
      items.set(session.id, structuredClone(session));
    },
    get: async <K extends OAuthSession['kind']>(kind: K, id: string) => {
      const session = items.get(id);
      if (!session || session.kind !== kind) return undefined;
      return structuredClone(session) as Extract<OAuthSession, { kind: K }>;
    },
    bindBrowser: async (id: string, browserHash: string) => {
      const session = items.get(id);
      if (session?.kind !== 'authorize') return 'missing' as const;
      if (session.browserHash && session.browserHash !== browserHash) return 'taken' as const;
      session.browserHash = browserHash;
      return 'bound' as const;
    },
    consume: async <K extends OAuthSession['kind']>(kind: K, id: string) => {
      const session = items.get(id);
      if (!session || session.kind !== kind) return undefined;
      items.delete(id);
      return session as Extract<OAuthSession, { kind: K }>;
    },
  };
};

/** A vault that "seals" by tagging the plaintext with its context, so a wrong context fails. */
const fakeVault = () => ({
  seal: async (plaintext: string, context: TokenContext): Promise<SealedToken> => ({
    v: 1,
    alg: 'AES-256-GCM',
    keyRef: 'fake',
    wrappedKey: JSON.stringify(context),
    iv: '',
    tag: '',
    ciphertext: Buffer.from(plaintext).toString('base64'),
  }),
  open: async (sealed: SealedToken, context: TokenContext) => openFake(sealed, context),
  withKey: async <T>(
    sealed: SealedToken,
    context: TokenContext,
    fn: (key: OpenedKey) => Promise<T>
  ): Promise<T> => {
    const token = openFake(sealed, context);
    // A secret is bound to the token it was sealed beside (its "data key") and to its context.
    const binding = (secret: SecretContext) => JSON.stringify([sealed.ciphertext, secret]);
    return fn({
      token,
      seal: (plaintext, secret) => ({
        v: 1,
        iv: '',
        tag: binding(secret),
        ciphertext: Buffer.from(plaintext).toString('base64'),
      }),
      open: (secret, at) =>
        secret.tag === binding(at)
          ? Buffer.from(secret.ciphertext, 'base64').toString()
          : undefined,
    });
  },
});

const openFake = (sealed: SealedToken, context: TokenContext): string => {
  if (sealed.wrappedKey !== JSON.stringify(context)) throw new Error('context mismatch');
  return Buffer.from(sealed.ciphertext, 'base64').toString();
};

interface MetaState {
  pages: MetaPage[];
  numbers: MetaPhoneNumber[];
  adAccounts: MetaAdAccount[];
  info: TokenInfo;
  revoked: string[];
  exchanged: { code: string; redirectUri: string; codeVerifier: string }[];
  failRevoke: boolean;
  /** Pages the app is subscribed to, with their fields. */
  subscriptions: Map<string, string[]>;
  /** The next subscription call fails with this, when set. */
  failSubscribe?: Error;
  adAccountCalls: number;
  /** What each Page says of its WhatsApp number on Meta's side (absent: no number). */
  pageWhatsApp: Map<string, PageWhatsAppRead>;
  /** Each number's health_status (absent: AVAILABLE). */
  health: Map<string, HealthRead>;
  /** WABAs the app is subscribed to. */
  wabaSubscriptions: Set<string>;
  /** Verification codes Meta sent, by Page; a confirmed one links the Page. */
  codes: Map<string, { number: string; code: string }>;
  /** Each Page's Instagram account, by Page id; the reads made, by token. */
  instagram: Map<string, { id: string; username?: string }>;
  instagramReads: string[];
}

const fakeMeta = (state: MetaState) => ({
  exchangeCode: async (input: { code: string; redirectUri: string; codeVerifier: string }) => {
    state.exchanged.push(input);
    return { accessToken: `short-${input.code}`, expiresIn: 3600 };
  },
  exchangeForLongLived: async (token: string) => ({
    accessToken: token.replace('short-', 'long-'),
    expiresIn: 5_184_000,
  }),
  debugToken: async () => structuredClone(state.info),
  listPages: async () => structuredClone(state.pages),
  getInstagramAccount: async (token: string, pageId: string) => {
    state.instagramReads.push(token);
    return state.instagram.get(pageId);
  },
  listPhoneNumbers: async (_token: string, wabaIds: string[]) =>
    state.numbers.filter((number) => wabaIds.includes(number.wabaId)),
  revokePermissions: async (_token: string, metaUserId: string) => {
    if (state.failRevoke) throw new UpstreamError('Meta is down', true);
    state.revoked.push(metaUserId);
  },
  subscribePage: async (_token: string, pageId: string, fields: readonly string[]) => {
    if (state.failSubscribe) throw state.failSubscribe;
    state.subscriptions.set(pageId, [...fields]);
  },
  unsubscribePage: async (_token: string, pageId: string) => {
    if (state.failSubscribe) throw state.failSubscribe;
    state.subscriptions.delete(pageId);
  },
  listAdAccounts: async () => {
    state.adAccountCalls += 1;
    return structuredClone(state.adAccounts);
  },
  readPage: async (_token: string, pageId: string) => ({
    pageToken: `page-token-${pageId}`,
    whatsapp: readPageWhatsApp(state, pageId),
  }),
  readPageWhatsApp: async (_pageToken: string, pageId: string) => readPageWhatsApp(state, pageId),
  readHealth: async (_token: string, phoneNumberId: string): Promise<HealthRead> =>
    structuredClone(
      state.health.get(phoneNumberId) ?? { canSendMessage: 'AVAILABLE', entities: [] }
    ),
  verifyPageWhatsAppNumber: async (
    _pageToken: string,
    pageId: string,
    number: string,
    code?: string
  ) => {
    if (code === undefined) {
      state.codes.set(pageId, { number, code: '123456' });
      return { status: 'code_sent' };
    }
    const sent = state.codes.get(pageId);
    if (!sent || sent.code !== code || sent.number !== number) {
      throw new ValidationError('The code is not valid.', undefined, 'verification_code_invalid');
    }
    state.codes.delete(pageId);
    state.pageWhatsApp.set(pageId, {
      answered: true,
      whatsappNumber: number,
      hasWhatsAppNumber: true,
      hasWhatsAppBusinessNumber: true,
    });
    return { status: 'verified' };
  },
  subscribeWaba: async (_token: string, wabaId: string) => {
    if (state.failSubscribe) throw state.failSubscribe;
    state.wabaSubscriptions.add(wabaId);
  },
  unsubscribeWaba: async (_token: string, wabaId: string) => {
    if (state.failSubscribe) throw state.failSubscribe;
    state.wabaSubscriptions.delete(wabaId);
  },
});

const readPageWhatsApp = (state: MetaState, pageId: string): PageWhatsAppRead =>
  structuredClone(
    state.pageWhatsApp.get(pageId) ?? {
      answered: true,
      hasWhatsAppNumber: false,
      hasWhatsAppBusinessNumber: false,
    }
  );

/** The ad operations the links started, by `tenant/link`: what unlinking must remove. */
const fakeAdOperations = () => {
  const byLink = new Map<string, number>();
  return {
    byLink,
    removeForLink: async (tenantId: string, linkId: string) => {
      const count = byLink.get(`${tenantId}/${linkId}`) ?? 0;
      byLink.delete(`${tenantId}/${linkId}`);
      return count;
    },
  };
};

/** Everything the dialog asks for, granted. */
const GRANTED = [...REQUESTED_SCOPES];

/** A full set of fakes with a seeded Meta user reaching two Pages and two numbers. */
const makeDeps = (start = new Date('2026-07-01T10:00:00.000Z')) => {
  const clock = { time: start, now: () => clock.time };
  const events = recordingPublisher();
  let counter = 0;
  const hex = () => (++counter).toString(16).padStart(32, '0');
  const ids = {
    linkId: () => `lnk_${hex()}`,
    sessionId: () => `s${hex()}${'x'.repeat(10)}`,
    codeVerifier: () => `verifier-${hex()}`,
    confirmationCode: () => hex(),
  };
  const grantItems = new Map<string, Grant>();
  const meta: MetaState = {
    pages: [PAGE, OTHER_PAGE],
    numbers: [NUMBER, OTHER_NUMBER],
    info: {
      isValid: true,
      appId: APP_ID,
      userId: META_USER,
      scopes: [...GRANTED],
      granularScopes: [{ scope: 'whatsapp_business_management', targetIds: [WABA] }],
      expiresAt: Math.floor(start.getTime() / 1000) + 5_184_000,
      dataAccessExpiresAt: Math.floor(start.getTime() / 1000) + 7_776_000,
    },
    adAccounts: [
      { id: 'act_600000000000001', name: 'Blue Bakery Ads', currency: 'USD', accountStatus: 1 },
    ],
    revoked: [],
    exchanged: [],
    failRevoke: false,
    subscriptions: new Map(),
    adAccountCalls: 0,
    pageWhatsApp: new Map(),
    health: new Map(),
    wabaSubscriptions: new Set(),
    codes: new Map(),
    instagram: new Map(),
    instagramReads: [],
  };
  const adOperations = fakeAdOperations();
  const storyOperations = fakeAdOperations();
  const storyUploads = fakeAdOperations();
  const messageStats = fakeAdOperations();
  const deletionItems = new Map<string, DeletionRequest>();
  const callbackItems = new Map<string, CallbackRecord>();
  const deps = {
    links: fakeLinks(grantItems),
    grants: fakeGrants(grantItems),
    sessions: fakeSessions(),
    deletions: {
      put: async (request: DeletionRequest) => {
        deletionItems.set(request.confirmationCode, request);
      },
      get: async (code: string) => deletionItems.get(code),
    },
    callbacks: {
      claim: async (record: CallbackRecord) => {
        const seen = callbackItems.get(record.key);
        if (!seen) callbackItems.set(record.key, { ...record });
        return seen ? { ...seen } : undefined;
      },
      complete: async (key: string, result: NonNullable<CallbackRecord['result']>) => {
        const seen = callbackItems.get(key);
        if (seen) seen.result = result;
      },
    },
    vault: fakeVault(),
    meta: fakeMeta(meta),
    adOperations,
    storyOperations,
    storyUploads,
    messageStats,
    settings: fakeSettings(),
    events,
    clock,
    ids,
    oauth: {
      appId: APP_ID,
      login: { kind: 'configuration', configId: LOGIN_CONFIG_ID } as LoginMethod,
      dialogBaseUrl: 'https://www.facebook.com',
      graphApiVersion: 'v25.0',
      stateTtlSeconds: 600,
      selectionTtlSeconds: 900,
    },
    publicBaseUrl: 'https://api.tandem.example',
    appSecret: 'test-app-secret-0123456789',
  } satisfies LinkingDeps;
  return {
    deps,
    clock,
    meta,
    grantItems,
    deletionItems,
    callbackItems,
    adOperations,
    storyOperations,
    storyUploads,
    messageStats,
    events,
  };
};

/** The sign-in cookie key of "this browser" in the tests; another browser has another. */
const BROWSER = 'b'.repeat(43);
const OTHER_BROWSER = 'o'.repeat(43);

type Deps = ReturnType<typeof makeDeps>['deps'];

/** Starts a sign-in and continues it from `browserKey`, as the begin page's form does; its state. */
const beganSignIn = async (deps: Deps, tenantId: string, browserKey = BROWSER): Promise<string> => {
  const { authorizeUrl } = await startLinking(deps, { tenantId, tenantName: `${tenantId} Ltd` });
  const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
  await continueSignIn(deps, state, browserKey);
  return state;
};

/** Signs a tenant in through the fakes, from BROWSER, up to the picker. */
const signedIn = async (deps: Deps, tenantId: string) => {
  const state = await beganSignIn(deps, tenantId);
  const result = await completeAuthorization(deps, {
    browserKey: BROWSER,
    state,
    code: `code-${tenantId}`,
  });
  if (result.kind !== 'choose') throw new Error('sign-in failed');
  return result;
};

/** Narrows away undefined in tests, failing loudly instead of with a TypeError later. */
const must = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('expected a value');
  return value;
};

export {
  APP_ID,
  BROWSER,
  beganSignIn,
  GRANTED,
  LOGIN_CONFIG_ID,
  META_USER,
  makeDeps,
  must,
  NUMBER,
  OTHER_BROWSER,
  OTHER_NUMBER,
  OTHER_PAGE,
  PAGE,
  signedIn,
  WABA,
};
