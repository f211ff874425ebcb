import { createHmac, randomBytes } from 'node:crypto';
import { createTokenVault } from '../../../functions/adapters/crypto/token-vault.js';
import { createGrantRepository } from '../../../functions/adapters/dynamodb/grants.js';
import { createLinkRepository } from '../../../functions/adapters/dynamodb/links.js';
import { GRAPH_API_VERSION } from '../../../functions/adapters/graph/version.js';
import {
  defaultSync,
  grantIdFor,
  type Link,
  PAGE_WEBHOOK_FIELDS,
  UNSUPPORTED_FIELDS,
} from '../../../functions/core/linking/model.js';
import { solidPng } from '../../../infra/local/meta-sandbox/src/png.js';
import { DEMO, DEMO_LOGIN_PERMISSIONS } from '../../../infra/local/meta-sandbox/src/seed.js';
import { admin, sandboxUrl } from '../../helpers/sandbox.js';
import { api, awsClients, useSystem } from '../../helpers/system.js';

/**
 * Set-up for the ads integration tests: a fresh Meta user in the sandbox (own Page, number and ad
 * account, so tests never see each other's objects), signed in through the sandbox's real OAuth
 * dialog, and the link + grant written with the linking adapters (sealed with the system's key).
 * Writing them directly keeps these tests independent of the linking UI flow, which has its own.
 */

const ALL_SCOPES = DEMO_LOGIN_PERMISSIONS;

/** A different picture per tenant, so image hashes never collide across tests. */
const linkedSeed = (): string => randomBytes(8).toString('hex');

/** Calls the sandbox's Graph API as the user (with appsecret_proof), for checks behind Tandem's back. */
const graph = async <T = Record<string, unknown>>(
  token: string,
  path: string,
  init: { method?: string; form?: Record<string, string> } = {}
): Promise<{ status: number; body: T }> => {
  const url = new URL(sandboxUrl(`/${GRAPH_API_VERSION}/${path.replace(/^\//, '')}`));
  url.searchParams.set('access_token', token);
  url.searchParams.set(
    'appsecret_proof',
    createHmac('sha256', useSystem().env.META_APP_SECRET ?? '')
      .update(token)
      .digest('hex')
  );
  const response = await fetch(url, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    ...(init.form
      ? {
          body: new URLSearchParams(init.form).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }
      : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
};

/**
 * Signs `userId` in through the sandbox dialog with a login configuration granting `ticked`;
 * answers a user token. A configuration is all-or-nothing, so a narrower grant gets its own one.
 */
const signIn = async (userId: string, ticked: string[]): Promise<string> => {
  const { env, urls } = useSystem();
  const redirectUri = `${urls.api}/oauth/callback`;
  const configId =
    ticked === ALL_SCOPES
      ? DEMO.loginConfigId
      : (await admin<{ id: string }>('POST', '/login-configurations', { permissions: ticked })).id;
  await admin('POST', '/settings', { dialogUserId: userId });
  try {
    const dialog = new URL(sandboxUrl(`/${GRAPH_API_VERSION}/dialog/oauth`));
    dialog.searchParams.set('client_id', env.META_APP_ID ?? '');
    dialog.searchParams.set('redirect_uri', redirectUri);
    dialog.searchParams.set('state', randomBytes(8).toString('hex'));
    dialog.searchParams.set('response_type', 'code');
    dialog.searchParams.set('config_id', configId);
    const html = await (await fetch(dialog, { redirect: 'manual' })).text();
    const session = /name="session" value="([^"]+)"/.exec(html)?.[1];
    if (!session) throw new Error('the sandbox dialog did not open');
    const form = new URLSearchParams({ session, action: 'continue' });
    const answer = await fetch(sandboxUrl(`/${GRAPH_API_VERSION}/dialog/oauth/confirm`), {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    const code = new URL(answer.headers.get('location') ?? 'http://invalid/').searchParams.get(
      'code'
    );
    if (!code) throw new Error('the sandbox dialog gave no code');
    const exchange = new URL(sandboxUrl(`/${GRAPH_API_VERSION}/oauth/access_token`));
    exchange.search = new URLSearchParams({
      client_id: env.META_APP_ID ?? '',
      client_secret: env.META_APP_SECRET ?? '',
      redirect_uri: redirectUri,
      code,
    }).toString();
    const token = (await (await fetch(exchange)).json()) as { access_token?: string };
    if (!token.access_token) throw new Error('the code exchange gave no token');
    return token.access_token;
  } finally {
    await admin('POST', '/settings', { dialogUserId: DEMO.userId });
  }
};

/** Subscribes the app to the Page's webhook fields with the Page's token, as linking does. */
const subscribePage = async (userToken: string, pageId: string): Promise<void> => {
  const page = await graph<{ access_token: string }>(userToken, `${pageId}?fields=access_token`);
  const answer = await graph(page.body.access_token, `${pageId}/subscribed_apps`, {
    form: { subscribed_fields: PAGE_WEBHOOK_FIELDS.join(',') },
  });
  if (answer.status !== 200) throw new Error(`subscribing ${pageId}: ${JSON.stringify(answer)}`);
};

interface Linked {
  tenant: string;
  linkId: string;
  wabaId: string;
  pageId: string;
  phoneNumberId: string;
  /** Digits, as the Page's whatsapp_number has them. */
  numberDigits: string;
  adAccountId: string;
  /** The Meta user's token, for looking at the sandbox behind Tandem's back. */
  token: string;
  /** An image uploaded to the ad account, for requests that pass a hash. */
  imageHash: string;
  /** A start time fixed per tenant, so a retried request is byte-for-byte the same request. */
  startsAt: string;
}

/**
 * A tenant with a link whose Page is linked to its number on Meta's side, and a grant with the
 * `ticked` scopes (all by default).
 */
const linkedTenant = async (
  options: { ticked?: string[]; partnerCreditLine?: boolean; instagram?: boolean } = {}
): Promise<Linked> => {
  const { tables, env } = useSystem();
  const user = await admin<{
    userId: string;
    pageIds: string[];
    wabaId: string;
    phoneNumberIds: string[];
    adAccountId: string;
  }>('POST', '/users', {
    pages: 1,
    phoneNumbers: 1,
    linkFirstPage: true,
    adAccount: true,
    ...(options.partnerCreditLine ? { partnerCreditLine: true } : {}),
    ...(options.instagram === false ? { instagram: false } : {}),
  });
  const pageId = user.pageIds[0] ?? '';
  const phoneNumberId = user.phoneNumberIds[0] ?? '';
  const ticked = options.ticked ?? ALL_SCOPES;
  const token = await signIn(user.userId, ticked);
  const phone = await admin<{ display_phone_number: string }>(
    'GET',
    `/phone-numbers/${phoneNumberId}`
  );
  const page = await admin<{ name: string }>('GET', `/pages/${pageId}`);

  const tenant = `t-${randomBytes(6).toString('hex')}`;
  const grantId = grantIdFor(tenant, user.userId);
  const vault = createTokenVault({ TOKEN_KEY_LOCAL: env.TOKEN_KEY_LOCAL ?? '' });
  const now = new Date().toISOString();
  const documents = awsClients().documents;
  await createGrantRepository(documents, tables.links).save({
    grantId,
    tenantId: tenant,
    metaUserId: user.userId,
    scopes: ticked,
    wabaIds: [user.wabaId],
    token: await vault.seal(token, { tenantId: tenant, grantId, purpose: 'meta_user_token' }),
    updatedAt: now,
  });
  const link: Link = {
    linkId: `lnk_${randomBytes(16).toString('hex')}`,
    tenantId: tenant,
    grantId,
    metaUserId: user.userId,
    pageId,
    pageName: page.name,
    wabaId: user.wabaId,
    phoneNumberId,
    displayPhoneNumber: phone.display_phone_number,
    status: 'active',
    sync: defaultSync(),
    unsupported: UNSUPPORTED_FIELDS,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await createLinkRepository(documents, tables.links).create(link);
  await subscribePage(token, pageId);

  const uploaded = await graph<{ images: Record<string, { hash: string }> }>(
    token,
    `${user.adAccountId}/adimages`,
    { form: { bytes: solidPng(linkedSeed(), 64).toString('base64') } }
  );
  // Without ads_management Meta refuses the upload; such tenants never reach the image step anyway.
  const imageHash = Object.values(uploaded.body.images ?? {})[0]?.hash ?? '0'.repeat(32);
  return {
    tenant,
    linkId: link.linkId,
    wabaId: user.wabaId,
    pageId,
    phoneNumberId,
    numberDigits: phone.display_phone_number.replace(/\D/g, ''),
    adAccountId: user.adAccountId,
    token,
    imageHash,
    startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  };
};

/** A valid create body for the linked tenant (image by the uploaded hash). */
const adBody = (linked: Linked, overrides: Record<string, unknown> = {}) => ({
  adAccountId: linked.adAccountId,
  name: 'Winter bread',
  objective: 'OUTCOME_ENGAGEMENT',
  budget: { kind: 'daily', amountMinor: 1500 },
  schedule: { start: linked.startsAt },
  targeting: { countries: ['US', 'CA'] },
  creative: {
    primaryText: 'Warm bread, delivered.',
    headline: 'Order on WhatsApp',
    image: { hash: linked.imageHash },
    prefilledMessage: 'Hi! I would like to order.',
  },
  ...overrides,
});

type Edge = 'campaigns' | 'adsets' | 'adcreatives' | 'ads';

/** The live (not deleted) objects of one kind in the tenant's ad account, straight from the sandbox. */
const liveObjects = async (linked: Linked, edge: Edge) => {
  const reply = await graph<{ data: { id: string; name: string; status?: string }[] }>(
    linked.token,
    `${linked.adAccountId}/${edge}?fields=id,name,status&limit=100`
  );
  return reply.body.data;
};

const countLive = async (linked: Linked): Promise<Record<Edge, number>> => {
  const edges: Edge[] = ['campaigns', 'adsets', 'adcreatives', 'ads'];
  const counts = await Promise.all(
    edges.map(async (edge) => (await liveObjects(linked, edge)).length)
  );
  return Object.fromEntries(edges.map((edge, index) => [edge, counts[index]])) as Record<
    Edge,
    number
  >;
};

/** What the ads API answers: an operation, an error, or insights (fields by route). */
interface ApiBody {
  operationId: string;
  status: string;
  created: Record<string, string>;
  cleanedUp: { step: string; id: string }[];
  leftBehind: { step: string; id: string; reason: string }[];
  error: { code: string; message: string; details?: Record<string, unknown> };
  [field: string]: unknown;
}

const bodyOf = async (response: Response): Promise<ApiBody> => (await response.json()) as ApiBody;

/** Injects a Graph fault in the sandbox. */
const fault = (input: Record<string, unknown>) => admin('POST', '/faults', input);
const clearFaults = () => admin('DELETE', '/faults');

/** Meta's validation refusal of a write: the caller's error, which no retry can fix. */
const INVALID_PARAMETER = {
  status: 400,
  code: 100,
  message: '(#100) Invalid parameter',
  userTitle: 'Invalid Parameter',
  userMessage: 'Meta does not accept this.',
};

const newKey = (): string => `key-${randomBytes(8).toString('hex')}`;

/** POST /links/{linkId}/ads as the link's tenant (or another), with the key when one is given. */
const createAd = (
  linked: Linked,
  key: string | undefined,
  body: unknown = adBody(linked),
  tenant = linked.tenant
) =>
  api(`/links/${linked.linkId}/ads`, {
    tenant,
    body,
    ...(key !== undefined ? { headers: { 'idempotency-key': key } } : {}),
  });

/**
 * Every test links the sandbox's one demo Page, so a run over the whole shared table can spend most
 * of that Page's hourly budget and rightly slow down for minutes. Tests of run mechanics lift the
 * Page and WABA budgets (fresh windows) and put them back afterwards with the returned function.
 */
const liftCallBudgets = async (): Promise<() => Promise<unknown>> => {
  const budgets = ['pageCallBudgetPerHour', 'wabaCallBudgetPerHour'] as const;
  const before = await admin<Record<(typeof budgets)[number], number>>('POST', '/settings', {});
  await admin('POST', '/settings', {
    ...Object.fromEntries(budgets.map((budget) => [budget, 1_000_000_000])),
    resetUsage: true,
  });
  return () =>
    admin('POST', '/settings', {
      ...Object.fromEntries(budgets.map((budget) => [budget, before[budget]])),
      resetUsage: true,
    });
};

export type { ApiBody, Edge, Linked };
export {
  ALL_SCOPES,
  adBody,
  admin,
  bodyOf,
  clearFaults,
  countLive,
  createAd,
  fault,
  graph,
  INVALID_PARAMETER,
  liftCallBudgets,
  linkedTenant,
  liveObjects,
  newKey,
  signIn,
};
