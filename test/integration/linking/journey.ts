import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createOperationStore } from '../../../functions/adapters/dynamodb/ad-operations.js';
import { solidPng } from '../../../infra/local/meta-sandbox/src/png.js';
import { api, awsClients, devToken, useSystem } from '../../helpers/system.js';

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

/**
 * A browser's cookie jar, as far as the linking journey needs one: it keeps what Tandem's pages set
 * and sends it back. Tests of the browser binding use a second one.
 */
interface Browser {
  cookies: Map<string, string>;
}

const newBrowser = (): Browser => ({ cookies: new Map() });

/** The browser the journey runs in unless a test says otherwise. */
const defaultBrowser = newBrowser();

const cookieHeader = (browser: Browser): Record<string, string> =>
  browser.cookies.size === 0
    ? {}
    : {
        cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      };

const keepCookies = (browser: Browser, response: Response): void => {
  for (const setCookie of response.headers.getSetCookie()) {
    const [pair = ''] = setCookie.split(';');
    const separator = pair.indexOf('=');
    browser.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
  }
};

/** Fetches a Tandem page as `browser`: its cookies go along, the ones set come back into it. */
const browse = async (url: string, browser: Browser, init: RequestInit = {}): Promise<Response> => {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...cookieHeader(browser), ...(init.headers as Record<string, string>) },
  });
  keepCookies(browser, response);
  return response;
};

/** POST /links/oauth/start as the client app calls it: answers Tandem's begin URL. */
const requestSignIn = async (
  tenant: string,
  options: { tenantName?: string; returnUrl?: string } = {}
): Promise<{ authorizeUrl: string; expiresAt: string }> => {
  const token = await devToken({
    tenantId: tenant,
    ...(options.tenantName ? { claims: { tenant_name: options.tenantName } } : {}),
  });
  const response = await api('/links/oauth/start', {
    authorization: `Bearer ${token}`,
    method: 'POST',
    ...(options.returnUrl ? { body: { returnUrl: options.returnUrl } } : {}),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { authorizeUrl: string; expiresAt: string };
};

/** Opens the begin page as `browser`: the page, and its form's fields. */
const openBegin = async (
  beginUrl: string,
  browser: Browser = defaultBrowser
): Promise<{ status: number; html: string }> => {
  const response = await browse(beginUrl, browser);
  return { status: response.status, html: await response.text() };
};

/** Posts the begin page's form as `browser`; answers the status and where it redirects. */
const continueBegin = async (
  state: string,
  browser: Browser = defaultBrowser
): Promise<{ status: number; location: string; html: string }> => {
  const response = await browse(`${useSystem().urls.api}/oauth/begin`, browser, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state }).toString(),
  });
  return {
    status: response.status,
    location: response.headers.get('location') ?? '',
    html: await response.text(),
  };
};

/**
 * Starts a sign-in for `tenant` and walks Tandem's begin page as `browser`, as a user would: answers
 * the Meta dialog URL it leads to (`authorizeUrl`) and the begin URL the API answered.
 */
const startLinking = async (
  tenant: string,
  options: { tenantName?: string; browser?: Browser; returnUrl?: string } = {}
): Promise<{ authorizeUrl: string; beginUrl: string; expiresAt: string }> => {
  const browser = options.browser ?? defaultBrowser;
  const { authorizeUrl: beginUrl, expiresAt } = await requestSignIn(tenant, options);
  const page = await openBegin(beginUrl, browser);
  expect(page.status, page.html).toBe(200);
  const continued = await continueBegin(formValue(page.html, 'state'), browser);
  expect(continued.status, continued.html).toBe(303);
  return { authorizeUrl: continued.location, beginUrl, expiresAt };
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

/** Follows Meta's redirect to Tandem's callback, in `browser`. */
const openCallback = async (
  callbackUrl: string,
  browser: Browser = defaultBrowser
): Promise<{ status: number; html: string; location: string }> => {
  const response = await browse(callbackUrl, browser);
  return {
    status: response.status,
    html: await response.text(),
    location: response.headers.get('location') ?? '',
  };
};

/** Start, consent and callback: the picker page for `tenant`. */
const signIn = async (tenant: string): Promise<{ status: number; html: string }> => {
  const { authorizeUrl } = await startLinking(tenant);
  return openCallback(await consent(authorizeUrl));
};

/** Posts the picker form, from `browser`. */
const submitPicker = async (
  fields: Record<string, string>,
  browser: Browser = defaultBrowser
): Promise<{ status: number; html: string }> => {
  const response = await browse(`${useSystem().urls.api}/oauth/select`, browser, {
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

/** Signs in (a fresh user unless `user` is given) and links its first Page and number. */
const linkThroughApi = async (
  tenant: string,
  options: { user?: SandboxUser; adAccount?: boolean } = {}
) => {
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

export type { Browser, LinkJson, SandboxUser };
export {
  adOperation,
  aTenant,
  consent,
  continueBegin,
  createPausedAd,
  formValue,
  linkThroughApi,
  newBrowser,
  newSandboxUser,
  openBegin,
  openCallback,
  requestSignIn,
  restoreDemoUser,
  sandbox,
  sandboxJson,
  signIn,
  signInForGrant,
  startLinking,
  submitPicker,
};
