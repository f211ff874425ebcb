import type { CreateAdInput } from '../../../../functions/core/ads/input.js';
import { createAdInput } from '../../../../functions/core/ads/input.js';
import type { AdOperation } from '../../../../functions/core/ads/operation.js';
import type {
  AdObjectKind,
  AdsDeps,
  AdsGateway,
  OperationStore,
} from '../../../../functions/core/ads/ports.js';
import { NotFoundError } from '../../../../functions/core/errors.js';
import {
  defaultSync,
  type Grant,
  type Link,
  UNSUPPORTED_FIELDS,
} from '../../../../functions/core/linking/model.js';
import { recordingPublisher } from '../../../helpers/events.js';

/**
 * In-memory fakes of the ads ports: a tiny Marketing API that remembers what it created (and can be
 * told to fail a call), an operation store with the DynamoDB adapter's version checks, one link.
 */

const TENANT = 'tenant-a';
const LINK_ID = `lnk_${'a'.repeat(32)}`;
const GRANT_ID = `grt_${'b'.repeat(32)}`;
const PAGE_ID = '300000000000001';
const NUMBER_DIGITS = '15550100001';
const ACCOUNT = 'act_600000000000001';
const IMAGE_HASH = '0123456789abcdef0123456789abcdef';
const TOKEN = 'user-token';

const aLink = (overrides: Partial<Link> = {}): Link => ({
  linkId: LINK_ID,
  tenantId: TENANT,
  grantId: GRANT_ID,
  metaUserId: '100000000000001',
  pageId: PAGE_ID,
  pageName: 'Demo Bakery',
  wabaId: '400000000000001',
  phoneNumberId: '500000000000001',
  displayPhoneNumber: '+1 555-010-0001',
  status: 'active',
  sync: defaultSync(),
  unsupported: UNSUPPORTED_FIELDS,
  createdAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
  version: 1,
  ...overrides,
});

const aGrant = (overrides: Partial<Grant> = {}): Grant => ({
  grantId: GRANT_ID,
  tenantId: TENANT,
  metaUserId: '100000000000001',
  scopes: [
    'pages_show_list',
    'pages_read_engagement',
    'ads_management',
    'ads_read',
    'pages_manage_ads',
  ],
  wabaIds: ['400000000000001'],
  token: {
    v: 1,
    alg: 'AES-256-GCM',
    keyRef: 'local',
    wrappedKey: 'k',
    iv: 'i',
    tag: 't',
    ciphertext: TOKEN,
  },
  linkCount: 1,
  createdAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
  ...overrides,
});

/** A valid request; by default it uploads its image from a URL. */
const anInput = (overrides: Record<string, unknown> = {}): CreateAdInput =>
  createAdInput.parse({
    adAccountId: ACCOUNT,
    name: 'Winter bread',
    objective: 'OUTCOME_ENGAGEMENT',
    budget: { kind: 'daily', amountMinor: 1500 },
    schedule: { start: '2026-12-01T09:00:00Z' },
    targeting: { countries: ['US', 'CA'] },
    creative: {
      primaryText: 'Warm bread, delivered.',
      headline: 'Order on WhatsApp',
      image: { url: 'https://cdn.example/bread.jpg' },
      prefilledMessage: 'Hi! I would like to order.',
    },
    ...overrides,
  });

interface FakeObject {
  id: string;
  kind: AdObjectKind;
  name: string;
  status: string;
  params: Record<string, unknown>;
}

type GatewayCall =
  | 'getPageWhatsApp'
  | 'getAdAccount'
  | 'uploadImageFromUrl'
  | 'uploadImage'
  | 'getDsaRecommendations'
  | 'findByNameTag'
  | 'create'
  | 'delete'
  | 'getInsights';

interface Failure {
  call: GatewayCall;
  kind?: AdObjectKind;
  error: Error;
  /** Meta applied the write, then the answer was lost (the crash window). */
  afterApplying?: boolean;
  times: number;
}

/** A small Marketing API in memory. */
const fakeMeta = () => {
  const objects = new Map<string, FakeObject>();
  const images = new Set<string>();
  const calls: { call: GatewayCall; kind?: AdObjectKind }[] = [];
  const failures: Failure[] = [];
  const state = {
    whatsappNumber: NUMBER_DIGITS as string | undefined,
    accountStatus: 1,
    accountExists: true,
    dsaDefaults: undefined as { beneficiary: string; payor: string } | undefined,
    dsaRecommendations: ['Demo Bakery Ltd'],
    insights: {
      spend: 12.5,
      impressions: 3400,
      actions: { 'onsite_conversion.messaging_conversation_started_7d': 5 } as Record<
        string,
        number
      >,
    },
  };
  let counter = 0;

  /** The next call of `call` (of `kind`) fails with `error`, `times` times. */
  const failOn = (
    call: GatewayCall,
    error: Error,
    options: { kind?: AdObjectKind; afterApplying?: boolean; times?: number } = {}
  ) => {
    failures.push({ call, error, times: options.times ?? 1, ...options });
  };

  const maybeFail = (call: GatewayCall, kind?: AdObjectKind): Failure | undefined => {
    calls.push({ call, ...(kind ? { kind } : {}) });
    const failure = failures.find(
      (candidate) =>
        candidate.call === call && (candidate.kind === undefined || candidate.kind === kind)
    );
    if (!failure) return undefined;
    failure.times -= 1;
    if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
    return failure;
  };

  const live = (kind?: AdObjectKind) =>
    [...objects.values()].filter(
      (object) => object.status !== 'DELETED' && (kind === undefined || object.kind === kind)
    );

  const gateway: AdsGateway = {
    getPageWhatsApp: async () => {
      const failure = maybeFail('getPageWhatsApp');
      if (failure) throw failure.error;
      return {
        answered: true,
        ...(state.whatsappNumber ? { whatsappNumber: state.whatsappNumber } : {}),
        hasWhatsAppNumber: state.whatsappNumber !== undefined,
        hasWhatsAppBusinessNumber: state.whatsappNumber !== undefined,
      };
    },
    getAdAccount: async () => {
      const failure = maybeFail('getAdAccount');
      if (failure) throw failure.error;
      if (!state.accountExists) throw new NotFoundError('gone', undefined, 'meta_object_not_found');
      return {
        accountStatus: state.accountStatus,
        currency: 'USD',
        ...(state.dsaDefaults
          ? {
              defaultDsaBeneficiary: state.dsaDefaults.beneficiary,
              defaultDsaPayor: state.dsaDefaults.payor,
            }
          : {}),
      };
    },
    uploadImage: async () => {
      const failure = maybeFail('uploadImage');
      if (failure) throw failure.error;
      images.add(IMAGE_HASH);
      return { hash: IMAGE_HASH };
    },
    getDsaRecommendations: async () => {
      const failure = maybeFail('getDsaRecommendations');
      if (failure) throw failure.error;
      return state.dsaRecommendations;
    },
    uploadImageFromUrl: async () => {
      const failure = maybeFail('uploadImageFromUrl');
      if (failure && !failure.afterApplying) throw failure.error;
      images.add(IMAGE_HASH);
      if (failure) throw failure.error;
      return { hash: IMAGE_HASH };
    },
    findByNameTag: async (_token, _account, kind, tag) => {
      const failure = maybeFail('findByNameTag', kind);
      if (failure) throw failure.error;
      return live(kind).find((object) => object.name.includes(tag))?.id;
    },
    create: async (_token, _account, kind, params) => {
      const failure = maybeFail('create', kind);
      if (failure && !failure.afterApplying) throw failure.error;
      counter += 1;
      const id = `23${String(counter).padStart(13, '0')}`;
      objects.set(id, {
        id,
        kind,
        name: String(params.name),
        status: String(params.status ?? 'ACTIVE'),
        params,
      });
      if (failure) throw failure.error;
      return { id };
    },
    delete: async (_token, id) => {
      const failure = maybeFail('delete');
      if (failure) throw failure.error;
      const object = objects.get(id);
      if (object) object.status = 'DELETED';
    },
    getInsights: async () => {
      const failure = maybeFail('getInsights');
      if (failure) throw failure.error;
      return state.insights;
    },
  };

  const creates = (kind: AdObjectKind) =>
    calls.filter((call) => call.call === 'create' && call.kind === kind).length;

  return { gateway, objects, images, calls, state, failOn, live, creates };
};

/** The operation store with the adapter's contract: conditional create, versioned writes. */
const fakeOperations = () => {
  const items = new Map<string, AdOperation>();
  const store: OperationStore = {
    create: async (operation) => {
      const existing = items.get(operation.operationId);
      if (existing) return { created: false, existing: structuredClone(existing) };
      items.set(operation.operationId, structuredClone(operation));
      return { created: true };
    },
    get: async (operationId) => {
      const item = items.get(operationId);
      return item ? structuredClone(item) : undefined;
    },
    update: async (operation, expectedVersion) => {
      const existing = items.get(operation.operationId);
      if (!existing || existing.version !== expectedVersion) return false;
      items.set(operation.operationId, structuredClone(operation));
      return true;
    },
    remove: async (operationId, expectedVersion) => {
      const existing = items.get(operationId);
      if (!existing || existing.version !== expectedVersion) return false;
      items.delete(operationId);
      return true;
    },
    listForLink: async (tenantId, linkId) =>
      [...items.values()]
        .filter((item) => item.tenantId === tenantId && item.linkId === linkId)
        .map((item) => structuredClone(item)),
    removeForLink: async (tenantId, linkId) => {
      const mine = [...items.values()].filter(
        (item) => item.tenantId === tenantId && item.linkId === linkId
      );
      for (const item of mine) items.delete(item.operationId);
      return mine.length;
    },
  };
  return { store, items };
};

/** A clock tests move by hand. */
const fakeClock = (start = '2026-11-20T12:00:00.000Z') => {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
};

const fakeDeps = (
  options: { link?: Link; grant?: Grant; countryPolicy?: AdsDeps['countryPolicy'] } = {}
) => {
  const meta = fakeMeta();
  const operations = fakeOperations();
  const clock = fakeClock();
  const link = options.link ?? aLink();
  const grant = options.grant ?? aGrant();
  let leases = 0;
  const events = recordingPublisher();
  const deps: AdsDeps = {
    events,
    links: {
      get: async (tenantId, linkId) =>
        tenantId === link.tenantId && linkId === link.linkId ? structuredClone(link) : undefined,
    },
    grants: {
      get: async (tenantId, grantId) =>
        tenantId === grant.tenantId && grantId === grant.grantId
          ? structuredClone(grant)
          : undefined,
    },
    vault: { open: async (sealed) => sealed.ciphertext },
    ads: meta.gateway,
    operations: operations.store,
    clock,
    countryPolicy: options.countryPolicy ?? {},
    newLeaseOwner: () => {
      leases += 1;
      return `lease-${leases}`;
    },
  };
  return { deps, meta, operations, clock, events };
};

export {
  ACCOUNT,
  aGrant,
  aLink,
  anInput,
  fakeDeps,
  IMAGE_HASH,
  LINK_ID,
  NUMBER_DIGITS,
  PAGE_ID,
  TENANT,
  TOKEN,
};
