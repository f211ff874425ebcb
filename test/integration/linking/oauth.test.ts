import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { api, awsClients, useSystem } from '../../helpers/system.js';
import {
  aTenant,
  consent,
  continueBegin,
  formValue,
  newBrowser,
  newSandboxUser,
  openBegin,
  openCallback,
  requestSignIn,
  restoreDemoUser,
  sandboxJson,
  signIn,
  startLinking,
  submitPicker,
} from './journey.js';

afterAll(restoreDemoUser);

describe('Route: POST /links/oauth/start', () => {
  it("answers Tandem's begin URL, which leads to a dialog URL with a fixed redirect URI, state and S256", async () => {
    // Prepare
    const tenant = aTenant('start');
    const system = useSystem();

    // Act
    const started = await requestSignIn(tenant);
    const { authorizeUrl, expiresAt } = await startLinking(tenant);

    // Assess
    const begin = new URL(started.authorizeUrl);
    expect(`${begin.origin}${begin.pathname}`).toBe(`${system.urls.api}/oauth/begin`);
    expect(begin.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const url = new URL(authorizeUrl);
    expect(url.origin).toBe(new URL(system.urls.sandbox).origin);
    expect(url.pathname).toMatch(/^\/v\d+\.\d+\/dialog\/oauth$/);
    expect(url.searchParams.get('redirect_uri')).toBe(`${system.urls.api}/oauth/callback`);
    // A Business app's Facebook Login for Business: the saved configuration, never scope.
    expect(url.searchParams.get('config_id')).toBe(system.env.META_LOGIN_CONFIG_ID);
    expect(url.searchParams.has('scope')).toBe(false);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('ignores a redirect URI the caller tries to pass', async () => {
    // Prepare
    const tenant = aTenant('start');

    // Act
    const response = await api('/links/oauth/start?redirect_uri=https://evil.example/', {
      tenant,
      method: 'POST',
    });

    // Assess
    const { authorizeUrl } = (await response.json()) as { authorizeUrl: string };
    expect(new URL(authorizeUrl).origin).toBe(useSystem().urls.api);
    const page = await openBegin(authorizeUrl);
    const continued = await continueBegin(formValue(page.html, 'state'));
    expect(new URL(continued.location).searchParams.get('redirect_uri')).toBe(
      `${useSystem().urls.api}/oauth/callback`
    );
  });

  it('refuses a caller without a token', async () => {
    // Act
    const response = await api('/links/oauth/start', { method: 'POST' });

    // Assess
    expect(response.status).toBe(401);
  });
});

describe('Route: GET /oauth/begin', () => {
  it("names the tenant from the token's tenant_name claim and sets an HttpOnly, SameSite cookie", async () => {
    // Prepare
    const { authorizeUrl } = await requestSignIn(aTenant('begin'), {
      tenantName: 'Acme <Agency>',
    });

    // Act
    const response = await fetch(authorizeUrl, { redirect: 'manual' });
    const html = await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(html).toContain('Link your Facebook Page to Acme &lt;Agency&gt;');
    expect(html).toContain('Continue with Facebook');
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(
      /^tandem_signin=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=1800; HttpOnly; SameSite=Lax$/
    );
    expect(response.headers.get('content-security-policy')).toContain(
      `form-action 'self' ${new URL(useSystem().urls.sandbox).origin}`
    );
  });

  it('shows the tenant id when the token has no tenant_name', async () => {
    // Prepare
    const tenant = aTenant('nameless');
    const { authorizeUrl } = await requestSignIn(tenant);

    // Act
    const page = await openBegin(authorizeUrl, newBrowser());

    // Assess
    expect(page.html).toContain(`Link your Facebook Page to ${tenant}`);
  });

  it('binds nothing when only fetched, as a link preview or mail scanner would', async () => {
    // Prepare
    await newSandboxUser();
    const { authorizeUrl } = await requestSignIn(aTenant('preview'));
    const scanner = newBrowser();
    const user = newBrowser();
    await openBegin(authorizeUrl, scanner);

    // Act
    const page = await openBegin(authorizeUrl, user);
    const continued = await continueBegin(formValue(page.html, 'state'), user);

    // Assess
    expect(continued.status).toBe(303);
    expect((await openCallback(await consent(continued.location), user)).status).toBe(200);
  });
});

describe('Route: POST /oauth/begin', () => {
  it('refuses a post without the sign-in cookie (another site’s form) and binds nothing', async () => {
    // Prepare
    const { authorizeUrl } = await requestSignIn(aTenant('csrf'));
    const state = new URL(authorizeUrl).searchParams.get('state') ?? '';

    // Act
    const forged = await continueBegin(state, newBrowser());
    const user = newBrowser();
    await openBegin(authorizeUrl, user);
    const genuine = await continueBegin(state, user);

    // Assess
    expect(forged.status).toBe(403);
    expect(forged.html).toContain('oauth_browser_mismatch');
    expect(genuine.status).toBe(303);
  });

  it('keeps a sign-in to the first browser that continued it', async () => {
    // Prepare
    const { authorizeUrl } = await requestSignIn(aTenant('second'));
    const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
    const first = newBrowser();
    const second = newBrowser();
    await openBegin(authorizeUrl, first);
    await openBegin(authorizeUrl, second);
    await continueBegin(state, first);

    // Act
    const late = await continueBegin(state, second);

    // Assess
    expect(late.status).toBe(403);
    expect(late.html).toContain('started in another browser');
  });
});

describe('Browser binding of the sign-in (RFC 9700)', () => {
  it('refuses a callback opened in another browser: a phished admin grants nothing to the tenant', async () => {
    // Prepare: the tenant continues in its own browser, then has the victim open the Meta URL.
    await newSandboxUser();
    const tenant = aTenant('phisher');
    const attacker = newBrowser();
    const { authorizeUrl } = await startLinking(tenant, { browser: attacker });
    const victim = newBrowser();

    // Act
    const page = await openCallback(await consent(authorizeUrl), victim);

    // Assess
    expect(page.status).toBe(403);
    expect(page.html).toContain('oauth_browser_mismatch');
    const grants = (await (await api('/grants', { tenant })).json()) as { items: unknown[] };
    expect(grants.items).toEqual([]);
  });

  it('refuses the picker posted from another browser and links nothing', async () => {
    // Prepare
    const user = await newSandboxUser();
    const tenant = aTenant('picker-elsewhere');
    const page = await signIn(tenant);

    // Act
    const elsewhere = await submitPicker(
      {
        selection: formValue(page.html, 'selection'),
        pageId: user.pageIds[0] ?? '',
        phoneNumberId: user.phoneNumberIds[0] ?? '',
      },
      newBrowser()
    );

    // Assess
    expect(elsewhere.status).toBe(403);
    const links = (await (await api('/links', { tenant })).json()) as { items: unknown[] };
    expect(links.items).toEqual([]);
  });

  it('names the tenant on the picker before anything is linked', async () => {
    // Prepare
    await newSandboxUser();
    const tenant = aTenant('named');
    const { authorizeUrl } = await startLinking(tenant, { tenantName: 'Acme Agency' });

    // Act
    const page = await openCallback(await consent(authorizeUrl));

    // Assess
    expect(page.status).toBe(200);
    expect(page.html).toContain('They will be linked for <strong>Acme Agency</strong>');
  });
});

describe('Route: GET /oauth/callback', () => {
  it('shows the Pages and numbers the grant reaches, as a form', async () => {
    // Prepare
    const user = await newSandboxUser({ pages: 2, phoneNumbers: 2 });

    // Act
    const page = await signIn(aTenant('callback'));

    // Assess
    expect(page.status).toBe(200);
    for (const id of [...user.pageIds, ...user.phoneNumberIds]) expect(page.html).toContain(id);
    expect(formValue(page.html, 'selection')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(page.html).not.toMatch(/<script/i);
  });

  it('refuses a replayed state', async () => {
    // Prepare
    await newSandboxUser();
    const { authorizeUrl } = await startLinking(aTenant('replay'));
    const callbackUrl = await consent(authorizeUrl);
    const first = await openCallback(callbackUrl);
    expect(first.status).toBe(200);

    // Act
    const replay = await openCallback(callbackUrl);

    // Assess
    expect(replay.status).toBe(400);
    expect(replay.html).toContain('oauth_state_invalid');
    expect(replay.html).toContain('no longer valid');
  });

  it('refuses a forged state', async () => {
    // Prepare
    await newSandboxUser();
    const { authorizeUrl } = await startLinking(aTenant('forged'));
    const callbackUrl = new URL(await consent(authorizeUrl));
    callbackUrl.searchParams.set('state', 'A'.repeat(43));

    // Act
    const forged = await openCallback(callbackUrl.toString());

    // Assess
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('oauth_state_invalid');
  });

  it('refuses an expired state', async () => {
    // Prepare
    await newSandboxUser();
    const { authorizeUrl } = await startLinking(aTenant('expired'));
    const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
    const callbackUrl = await consent(authorizeUrl);
    // TTL deletion lags, so an expired item may still be there: rewrite this one as expired.
    await awsClients().documents.send(
      new PutCommand({
        TableName: useSystem().tables.oauthState,
        Item: {
          state,
          kind: 'authorize',
          tenantId: 'expired',
          codeVerifier: 'x'.repeat(43),
          expiresAt: Math.floor(Date.now() / 1000) - 1,
        },
      })
    );

    // Act
    const late = await openCallback(callbackUrl);

    // Assess
    expect(late.status).toBe(400);
    expect(late.html).toContain('oauth_state_expired');
  });

  it('refuses a denied consent with a clear page', async () => {
    // Prepare
    await newSandboxUser();
    const { authorizeUrl } = await startLinking(aTenant('denied'));

    // Act
    const denied = await openCallback(await consent(authorizeUrl, { cancel: true }));

    // Assess
    expect(denied.status).toBe(403);
    expect(denied.html).toContain('consent_denied');
    expect(denied.html).toContain('You cancelled the Facebook sign-in');
  });

  it('answers 500 naming what the login configuration lacks, and saves no grant', async () => {
    // Prepare: the dialog runs a configuration without pages_manage_metadata (the operator's slip).
    await newSandboxUser();
    const tenant = aTenant('config');
    const narrow = await sandboxJson<{ id: string }>('/_admin/login-configurations', {
      permissions: [
        'pages_show_list',
        'pages_read_engagement',
        'business_management',
        'whatsapp_business_management',
      ],
    });
    const { authorizeUrl } = await startLinking(tenant);
    const dialog = new URL(authorizeUrl);
    dialog.searchParams.set('config_id', narrow.id);

    // Act
    const page = await openCallback(await consent(dialog.toString()));

    // Assess
    expect(page.status).toBe(500);
    const named = [...page.html.matchAll(/<li><code>([a-z_]+)<\/code>/g)].map((match) => match[1]);
    expect(named).toEqual(['pages_manage_metadata']);
    expect(page.html).toContain('Facebook Login for Business &gt; Configurations');
    expect(page.html).not.toContain('auth_type=rerequest');
    const grants = (await (await api('/grants', { tenant })).json()) as { items: unknown[] };
    expect(grants.items).toEqual([]);
  });

  it('refuses a callback with no parameters', async () => {
    // Act
    const page = await openCallback(`${useSystem().urls.api}/oauth/callback`);

    // Assess
    expect(page.status).toBe(400);
    expect(page.html).toContain('oauth_state_invalid');
  });
});
