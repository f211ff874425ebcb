import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { api, awsClients, useSystem } from '../../helpers/system.js';
import {
  aTenant,
  consent,
  formValue,
  newSandboxUser,
  openCallback,
  restoreDemoUser,
  sandboxJson,
  signIn,
  startLinking,
} from './journey.js';

afterAll(restoreDemoUser);

describe('Route: POST /links/oauth/start', () => {
  it('answers a dialog URL with a fixed redirect URI, state and an S256 challenge', async () => {
    // Prepare
    const tenant = aTenant('start');

    // Act
    const { authorizeUrl, expiresAt } = await startLinking(tenant);

    // Assess
    const url = new URL(authorizeUrl);
    const system = useSystem();
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
    expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toBe(
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
