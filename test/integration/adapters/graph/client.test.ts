import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphClient,
  type GraphClient,
  GraphConfigurationError,
  GraphRateLimitError,
  GraphTimeoutError,
  GraphTokenError,
  GraphTransientError,
} from '../../../../functions/adapters/graph/index.js';
import { createLogger } from '../../../../functions/adapters/observability/logger.js';
import * as z from '../../../../functions/core/zod.js';
import { DEMO } from '../../../../infra/local/meta-sandbox/src/seed.js';
import { startSandbox } from '../../../../infra/local/meta-sandbox/src/server.js';

const APP_ID = '1234567890';
const APP_SECRET = 'sandbox-app-secret-0123456789';
const REDIRECT_URI = 'http://127.0.0.1:4999/oauth/callback';

const quietLog = createLogger({}, 'silent');

let sandbox: { url: string; systemUserToken: string; close(): Promise<void> | void };
let graph: GraphClient;
/** A long-lived user token from the OAuth flow in beforeAll, shared by the tests. */
let userToken: string;

const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${sandbox.url}/_admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`admin ${method} ${path}: HTTP ${response.status}`);
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
};

const recordedRequest = z.looseObject({ method: z.string(), path: z.string() });
const recordedRequests = z.union([
  z.array(recordedRequest),
  z.pipe(
    z.looseObject({ requests: z.array(recordedRequest) }),
    z.transform((value) => value.requests)
  ),
  z.pipe(
    z.looseObject({ data: z.array(recordedRequest) }),
    z.transform((value) => value.data)
  ),
]);

/** How many requests the sandbox received for `method` on a path ending in `suffix`. */
const countRequests = async (method: string, suffix: string): Promise<number> => {
  const requests = recordedRequests.parse(await admin('GET', 'requests'));
  return requests.filter(
    (request) => request.method === method && request.path.split('?')[0]?.endsWith(suffix)
  ).length;
};

/** Drives the sandbox's login dialog like a browser: load it, submit its form, read the redirect. */
const loginThroughDialog = async (dialogUrl: string): Promise<URL> => {
  const page = await fetch(dialogUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('The dialog has no form');
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    const name = /name="([^"]+)"/.exec(attributes)?.[1];
    const value = /value="([^"]*)"/.exec(attributes)?.[1] ?? '';
    const isUncheckedBox =
      attributes.includes('type="checkbox"') && !attributes.includes('checked');
    if (name && !isUncheckedBox)
      form.append(
        name,
        value.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
      );
  }
  form.append('action', 'continue');
  const answer = await fetch(new URL(action, dialogUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') ?? '');
};

/** Runs the login dialog (the app's login configuration) with PKCE; answers the callback URL and verifier. */
const authorise = async (state: string) => {
  const verifier = randomBytes(32).toString('base64url');
  const dialogUrl = graph.dialogUrl({
    redirectUri: REDIRECT_URI,
    state,
    configId: DEMO.loginConfigId,
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  return { callback: await loginThroughDialog(dialogUrl), verifier };
};

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    appId: APP_ID,
    appSecret: APP_SECRET,
    redirectUris: [REDIRECT_URI],
  });
  graph = createGraphClient({
    baseUrl: sandbox.url,
    dialogBaseUrl: sandbox.url,
    appId: APP_ID,
    appSecret: APP_SECRET,
    retry: { maxAttempts: 3 },
    // Retries wait nothing here: the backoff itself is unit-tested.
    sleep: async () => {},
    timeoutMs: 2_000,
    log: quietLog,
    // The sandbox stands in for Meta's CDN on loopback: trusted explicitly, as `npm start` does.
    trustedFetchOrigins: [sandbox.url],
  });
  await admin('POST', 'settings', { requireAppsecretProof: true });
  const { callback, verifier } = await authorise('setup');
  const short = await graph.exchangeCode({
    code: callback.searchParams.get('code') ?? '',
    redirectUri: REDIRECT_URI,
    codeVerifier: verifier,
  });
  userToken = (await graph.exchangeForLongLived(short.data.access_token)).data.access_token;
});

afterEach(async () => {
  await admin('DELETE', 'faults');
});

afterAll(async () => {
  await sandbox?.close();
});

describe('Function: createGraphClient', () => {
  it('runs the OAuth flow: code, token, long-lived token, debug_token', async () => {
    // Prepare
    const state = randomBytes(16).toString('base64url');

    // Act
    const { callback, verifier } = await authorise(state);
    const code = callback.searchParams.get('code') ?? '';
    const short = await graph.exchangeCode({
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });
    const long = await graph.exchangeForLongLived(short.data.access_token);
    const debug = await graph.debugToken(long.data.access_token);
    const me = await graph.me(long.data.access_token);
    const permissions = await graph.permissions(long.data.access_token);

    // Assess
    expect(callback.searchParams.get('state')).toBe(state);
    expect(short.data.access_token).not.toBe('');
    expect(long.data.expires_in ?? 0).toBeGreaterThan(short.data.expires_in ?? 0);
    expect(debug.data).toMatchObject({ is_valid: true, app_id: APP_ID, user_id: DEMO.userId });
    expect(me.data.id).toBe(DEMO.userId);
    expect(permissions.data).toContainEqual(
      expect.objectContaining({ permission: 'whatsapp_business_management', status: 'granted' })
    );
  });

  it('lists the Pages, WABAs and phone numbers the grant reaches', async () => {
    // Act
    const pages = await graph.listPages(userToken);
    const businesses = await graph.listBusinesses(userToken);
    const wabas = await graph.listWabas(userToken, DEMO.businessId);
    const numbers = await graph.listPhoneNumbers(userToken, DEMO.wabaId);
    const number = await graph.getPhoneNumber(userToken, DEMO.phoneNumberIdA);

    // Assess
    expect(pages.data.map((page) => page.id)).toContain(DEMO.pageId);
    expect(pages.data.find((page) => page.id === DEMO.pageId)?.access_token).toBeTruthy();
    expect(businesses.data.map((business) => business.id)).toContain(DEMO.businessId);
    expect(wabas.data).toContainEqual(
      expect.objectContaining({ id: DEMO.wabaId, relation: 'owned' })
    );
    expect(numbers.data.map((phone) => phone.id)).toEqual(
      expect.arrayContaining([DEMO.phoneNumberIdA, DEMO.phoneNumberIdB])
    );
    expect(number.data.display_phone_number).toBe(DEMO.displayPhoneNumberA);
  });

  it('reads a Page with its Page token and its picture', async () => {
    // Prepare
    const pages = await graph.listPages(userToken);
    const pageToken = pages.data.find((page) => page.id === DEMO.pageId)?.access_token ?? '';

    // Act
    const first = await graph.getPage(pageToken, DEMO.pageId, ['about', 'emails', 'website']);
    const again = await graph.getPage(pageToken, DEMO.pageId, ['about', 'emails', 'website'], {
      etag: first.etag,
    });
    const picture = await graph.getPagePicture(pageToken, DEMO.pageId);
    const image = await graph.downloadImage(picture.data.url);

    // Assess
    expect(first.notModified).toBe(false);
    expect(first.notModified ? undefined : first.data.about).toBeTruthy();
    expect(first.etag).toBeTruthy();
    expect(again.notModified).toBe(true);
    expect(image.bytes.byteLength).toBeGreaterThan(0);
    expect(image.contentType).toMatch(/^image\//);
  });

  it('writes the WhatsApp business profile and reads it back in both shapes', async () => {
    // Prepare
    const update = {
      about: 'Fresh bread every morning.',
      description: 'A family bakery.',
      websites: ['https://demobakery.example'],
      vertical: 'RESTAURANT' as const,
    };

    // Act
    const written = await graph.updateBusinessProfile(userToken, DEMO.phoneNumberIdA, update);
    const docsShape = await graph.getBusinessProfile(userToken, DEMO.phoneNumberIdA);
    await admin('POST', 'settings', { profileShape: 'spec' });
    const specShape = await graph.getBusinessProfile(userToken, DEMO.phoneNumberIdA);
    const specRaw = await graph.get(
      userToken,
      `${DEMO.phoneNumberIdA}/whatsapp_business_profile`,
      {},
      z.object({ data: z.array(z.object({ business_profile: z.unknown() })) })
    );
    await admin('POST', 'settings', { profileShape: 'docs' });

    // Assess
    expect(written.data).toBe(true);
    expect(docsShape.data).toMatchObject(update);
    expect(specRaw.data.data[0]?.business_profile).toBeDefined();
    expect(specShape.data).toEqual(docsShape.data);
  });

  it("uploads a profile picture with the app's system user token and sets it by handle", async () => {
    // Prepare
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64'
    );

    // Act
    const upload = await graph.uploadProfilePicture(
      sandbox.systemUserToken,
      png,
      'image/png',
      'logo.png'
    );
    const written = await graph.updateBusinessProfile(userToken, DEMO.phoneNumberIdA, {
      profile_picture_handle: upload.data.handle,
    });
    const profile = await graph.getBusinessProfile(userToken, DEMO.phoneNumberIdA);

    // Assess
    expect(upload.data.handle).not.toBe('');
    expect(written.data).toBe(true);
    expect(profile.data.profile_picture_url).toBeTruthy();
  });

  it('answers a batch item by item', async () => {
    // Act
    const { data } = await graph.batch(userToken, [
      { method: 'GET', relativeUrl: 'me?fields=id' },
      { method: 'GET', relativeUrl: `${DEMO.phoneNumberIdA}/whatsapp_business_profile` },
      { method: 'GET', relativeUrl: '999999999999999' },
    ]);

    // Assess
    expect(data[0]).toEqual({ ok: true, code: 200, body: { id: DEMO.userId } });
    expect(data[1]?.ok).toBe(true);
    expect(data[2]?.ok).toBe(false);
  });

  it("reports Meta's refusal of a wrong app secret as a configuration error, once", async () => {
    // Prepare
    const { callback, verifier } = await authorise('wrong-secret');
    const misconfigured = createGraphClient({
      baseUrl: sandbox.url,
      dialogBaseUrl: sandbox.url,
      appId: APP_ID,
      appSecret: 'not-the-app-secret',
      retry: { maxAttempts: 3 },
      sleep: async () => {},
      timeoutMs: 2_000,
      log: quietLog,
    });
    const before = await countRequests('GET', '/oauth/access_token');

    // Act
    const exchange = misconfigured.exchangeCode({
      code: callback.searchParams.get('code') ?? '',
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });

    // Assess
    await expect(exchange).rejects.toBeInstanceOf(GraphConfigurationError);
    await expect(exchange).rejects.toMatchObject({ code: 1, retryable: false });
    expect((await countRequests('GET', '/oauth/access_token')) - before).toBe(1);
  });

  it('never retries an expired token', async () => {
    // Prepare
    await admin('POST', 'faults', {
      match: { method: 'GET', path: '/me$' },
      times: 5,
      error: { status: 400, code: 190, subcode: 463, isTransient: true },
    });
    const before = await countRequests('GET', '/me');

    // Act
    const failure = graph.me(userToken);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTokenError);
    expect((await countRequests('GET', '/me')) - before).toBe(1);
  });

  it('retries a transient 500 and then succeeds', async () => {
    // Prepare
    await admin('POST', 'faults', {
      match: { method: 'GET', path: '/me$' },
      times: 1,
      error: { status: 500, code: 2, isTransient: true },
    });
    const before = await countRequests('GET', '/me');

    // Act
    const result = await graph.me(userToken);

    // Assess
    expect(result.data.id).toBe(DEMO.userId);
    expect((await countRequests('GET', '/me')) - before).toBe(2);
  });

  it('retries a dropped connection on a GET', async () => {
    // Prepare
    await admin('POST', 'faults', {
      match: { method: 'GET', path: '/me$' },
      times: 1,
      dropConnection: true,
    });

    // Act
    const result = await graph.me(userToken);

    // Assess
    expect(result.data.id).toBe(DEMO.userId);
  });

  it('surfaces a rate limit with the pause Meta asks for', async () => {
    // Prepare
    await admin('POST', 'faults', {
      match: { method: 'GET', path: '/phone_numbers$' },
      times: 5,
      rateLimit: { kind: 'waba' },
    });

    // Act
    const failure = graph.listPhoneNumbers(userToken, DEMO.wabaId);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphRateLimitError);
    const error = await failure.catch((caught: unknown) => caught);
    expect(error instanceof GraphRateLimitError && error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('gives up on a response slower than the timeout', async () => {
    // Prepare
    const impatient = createGraphClient({
      baseUrl: sandbox.url,
      appId: APP_ID,
      appSecret: APP_SECRET,
      retry: { maxAttempts: 1 },
      timeoutMs: 100,
      log: quietLog,
    });
    await admin('POST', 'faults', { match: { path: '/me$' }, times: 1, latencyMs: 2_000 });

    // Act
    const failure = impatient.me(userToken);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTimeoutError);
  });

  it('does not retry a POST that failed transiently', async () => {
    // Prepare
    await admin('POST', 'faults', {
      match: { method: 'POST', path: '/campaigns$' },
      times: 5,
      error: { status: 500, code: 2, isTransient: true },
    });
    const before = await countRequests('POST', '/campaigns');

    // Act
    const failure = graph.post(
      userToken,
      `${DEMO.adAccountId}/campaigns`,
      { name: 'Never twice', objective: 'OUTCOME_ENGAGEMENT', status: 'PAUSED' },
      z.object({ id: z.string() })
    );

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTransientError);
    expect((await countRequests('POST', '/campaigns')) - before).toBe(1);
  });

  it('reports a token the sandbox expired as a token error with its reason', async () => {
    // Prepare
    const { callback, verifier } = await authorise('expire');
    const short = await graph.exchangeCode({
      code: callback.searchParams.get('code') ?? '',
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });
    await admin('POST', 'tokens/expire', { token: short.data.access_token });

    // Act
    const failure = graph.me(short.data.access_token);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTokenError);
    await expect(failure).rejects.toMatchObject({ code: 190, subcode: 463 });
  });
});
