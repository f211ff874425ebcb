import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createOperationStore } from '../../../functions/adapters/ads/operation-store.js';
import { solidPng } from '../../../infra/local/sandbox/png.js';
import { api, awsClients, useSystem } from '../../helpers/system.js';

/**
 * The linking journey over HTTP, as a browser would walk it, for integration tests: a fresh sandbox
 * user per test (so tests never share Pages or numbers), Meta's consent dialog, the callback page and
 * the picker form.
 */

interface SandboxUser {
  userId: string;
  pageIds: string[];
  phoneNumberIds: string[];
  wabaId: string;
  /** Only when created with `adAccount: true`. */
  adAccountId?: string;
}

/** The seeded demo user; the dialog logs in as it unless a test says otherwise. */
const DEMO_USER_ID = '100000000000001';

const sandbox = (path: string, init: RequestInit = {}) =>
  fetch(`${useSystem().urls.sandbox}${path}`, init);

const sandboxJson = async <T>(path: string, body: unknown): Promise<T> => {
  const response = await sandbox(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** Creates a sandbox user with its own Pages and numbers and makes the dialog log in as them. */
const newSandboxUser = async (
  options: { pages?: number; phoneNumbers?: number; adAccount?: boolean } = {}
): Promise<SandboxUser> => {
  const user = await sandboxJson<SandboxUser>('/_admin/users', {
    pages: options.pages ?? 2,
    phoneNumbers: options.phoneNumbers ?? 2,
    linkFirstPage: true,
    adAccount: options.adAccount ?? false,
  });
  await logInAs(user.userId);
  return user;
};

const logInAs = (userId: string) => sandboxJson('/_admin/settings', { dialogUserId: userId });

/** Other test files expect the demo user in the dialog: put it back. */
const restoreDemoUser = () => logInAs(DEMO_USER_ID);

const formValue = (html: string, name: string): string => {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no ${name} field in:\n${html}`);
  return match[1];
};

const startLinking = async (
  tenant: string
): Promise<{ authorizeUrl: string; expiresAt: string }> => {
  const response = await api('/links/oauth/start', { tenant, method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as { authorizeUrl: string; expiresAt: string };
};

/**
 * Walks Meta's consent dialog: opens the authorize URL, continues (a Login for Business
 * configuration is granted whole) or cancels, and answers where Meta redirects the browser.
 */
const consent = async (
  authorizeUrl: string,
  options: { cancel?: boolean } = {}
): Promise<string> => {
  const dialog = await fetch(authorizeUrl);
  const html = await dialog.text();
  expect(dialog.status, html).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const form = new URLSearchParams({ session: formValue(html, 'session') });
  form.set('action', options.cancel ? 'cancel' : 'continue');
  const answer = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return answer.headers.get('location') ?? '';
};

/** Follows Meta's redirect to Tandem's callback. */
const openCallback = async (callbackUrl: string): Promise<{ status: number; html: string }> => {
  const response = await fetch(callbackUrl, { redirect: 'manual' });
  return { status: response.status, html: await response.text() };
};

/** Start, consent and callback: the picker page for `tenant`. */
const signIn = async (tenant: string): Promise<{ status: number; html: string }> => {
  const { authorizeUrl } = await startLinking(tenant);
  return openCallback(await consent(authorizeUrl));
};

/** Posts the picker form. */
const submitPicker = async (
  fields: Record<string, string>
): Promise<{ status: number; html: string }> => {
  const response = await fetch(`${useSystem().urls.api}/oauth/select`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, html: await response.text() };
};

/**
 * Signs a sandbox user (a fresh one unless `user` is given) in to `tenant` and answers the grant id,
 * found through GET /grants.
 */
const signInForGrant = async (
  tenant: string,
  options: { pages?: number; phoneNumbers?: number; adAccount?: boolean; user?: SandboxUser } = {}
): Promise<{ user: SandboxUser; grantId: string; selectionId: string }> => {
  const user = options.user ?? (await newSandboxUser(options));
  if (options.user) await logInAs(options.user.userId);
  const page = await signIn(tenant);
  expect(page.status, page.html).toBe(200);
  const grants = (await (await api('/grants?limit=100', { tenant })).json()) as {
    items: { grantId: string; metaUserId: string }[];
  };
  const grant = grants.items.find((item) => item.metaUserId === user.userId);
  if (!grant) throw new Error(`no grant for ${user.userId} in ${JSON.stringify(grants)}`);
  return { user, grantId: grant.grantId, selectionId: formValue(page.html, 'selection') };
};

interface LinkJson {
  linkId: string;
  grantId: string;
  pageId: string;
  phoneNumberId: string;
  status: string;
  version: number;
  sync: { enabled: boolean; fields: Record<string, boolean> };
  /** Only in the answer to POST /links. */
  webhooks?: { subscribed: boolean; reason?: string };
}

/** Signs in and links the user's first Page and number through the JSON API. */
const linkThroughApi = async (tenant: string, options: { adAccount?: boolean } = {}) => {
  const signedIn = await signInForGrant(tenant, options);
  const { user, grantId } = signedIn;
  const response = await api('/links', {
    tenant,
    body: { grantId, pageId: user.pageIds[0], phoneNumberId: user.phoneNumberIds[0] },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return { ...signedIn, link: (await response.json()) as LinkJson };
};

/** Uploads an image and creates a paused Click-to-WhatsApp ad through Tandem; answers its operation id. */
const createPausedAd = async (tenant: string, linkId: string, adAccountId: string) => {
  const image = await api(`/links/${linkId}/ads/images?adAccountId=${adAccountId}`, {
    tenant,
    body: solidPng(randomBytes(4).toString('hex'), 16),
    headers: { 'content-type': 'image/png' },
  });
  expect(image.status, await image.clone().text()).toBe(201);
  const { imageHash } = (await image.json()) as { imageHash: string };
  const response = await api(`/links/${linkId}/ads`, {
    tenant,
    headers: { 'idempotency-key': `key-${randomBytes(8).toString('hex')}` },
    body: {
      adAccountId,
      name: 'Winter bread',
      objective: 'OUTCOME_ENGAGEMENT',
      budget: { kind: 'daily', amountMinor: 1500 },
      schedule: { start: new Date(Date.now() + 86_400_000).toISOString() },
      targeting: { countries: ['US'] },
      creative: {
        primaryText: 'Warm bread, delivered.',
        headline: 'Order on WhatsApp',
        image: { hash: imageHash },
        prefilledMessage: 'Hi!',
      },
    },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { operationId: string }).operationId;
};

/** The stored ad operation, straight from the idempotency table (undefined once deleted). */
const adOperation = (operationId: string) =>
  createOperationStore(awsClients().documents, useSystem().tables.idempotency).get(operationId);

/** A unique tenant id per test, so list assertions see only the test's own data. */
const aTenant = (name: string): string => `${name}-${Math.random().toString(36).slice(2, 10)}`;

export type { LinkJson, SandboxUser };
export {
  adOperation,
  aTenant,
  consent,
  createPausedAd,
  formValue,
  linkThroughApi,
  newSandboxUser,
  openCallback,
  restoreDemoUser,
  sandbox,
  sandboxJson,
  signIn,
  signInForGrant,
  startLinking,
  submitPicker,
};
