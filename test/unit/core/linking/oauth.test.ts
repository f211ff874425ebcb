import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PermissionError, ValidationError } from '../../../../functions/core/errors.js';
import { createLink } from '../../../../functions/core/linking/links.js';
import { grantIdFor } from '../../../../functions/core/linking/model.js';
import {
  browserHashOf,
  type CallbackResult,
  completeAuthorization,
  continueSignIn,
  startLinking,
  viewSignIn,
} from '../../../../functions/core/linking/oauth.js';
import {
  APP_ID,
  BROWSER,
  beganSignIn,
  LOGIN_CONFIG_ID,
  META_USER,
  makeDeps,
  must,
  NUMBER,
  OTHER_BROWSER,
  PAGE,
  WABA,
} from './fakes.js';

/** The callback as this browser brings it back. */
const fromBrowser = { browserKey: BROWSER };

const stateOf = (authorizeUrl: string): string =>
  new URL(authorizeUrl).searchParams.get('state') ?? '';

const chosen = (result: CallbackResult) => {
  if (result.kind !== 'choose') throw new Error(`expected choose, got ${result.kind}`);
  return result;
};

describe('Function: startLinking', () => {
  it("answers Tandem's begin URL with the state, binding no browser yet", async () => {
    // Prepare
    const { deps } = makeDeps();

    // Act
    const { authorizeUrl, expiresAt } = await startLinking(deps, {
      tenantId: 'tenant-a',
      tenantName: 'Acme Agency',
    });

    // Assess
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe('https://api.tandem.example/oauth/begin');
    expect([...url.searchParams.keys()]).toEqual(['state']);
    const session = deps.sessions.items.get(stateOf(authorizeUrl));
    expect(session).toMatchObject({
      kind: 'authorize',
      tenantId: 'tenant-a',
      tenantName: 'Acme Agency',
    });
    expect(session).not.toHaveProperty('browserHash');
    expect(expiresAt).toBe('2026-07-01T10:10:00.000Z');
  });
});

describe('Function: viewSignIn', () => {
  it('names the tenant and changes nothing (a link preview takes nothing)', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { authorizeUrl } = await startLinking(deps, { tenantId: 't', tenantName: 'Acme' });
    const state = stateOf(authorizeUrl);

    // Act
    const view = await viewSignIn(deps, state, undefined);

    // Assess
    expect(view).toEqual({ state, tenantName: 'Acme', expiresAt: '2026-07-01T10:10:00.000Z' });
    expect(deps.sessions.items.get(state)).not.toHaveProperty('browserHash');
  });

  it('refuses a sign-in another browser already continued', async () => {
    // Prepare
    const { deps } = makeDeps();
    const state = await beganSignIn(deps, 'tenant-a', OTHER_BROWSER);

    // Act
    const here = viewSignIn(deps, state, BROWSER);

    // Assess
    await expect(here).rejects.toMatchObject({ code: 'oauth_browser_mismatch' });
    expect(await viewSignIn(deps, state, OTHER_BROWSER)).toMatchObject({ state });
  });
});

describe('Function: continueSignIn', () => {
  it('binds the browser and answers the dialog URL with the Login for Business configuration, the fixed redirect URI and S256', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { authorizeUrl } = await startLinking(deps, { tenantId: 'tenant-a', tenantName: 'A' });
    const state = stateOf(authorizeUrl);

    // Act
    const dialogUrl = await continueSignIn(deps, state, BROWSER);

    // Assess
    const url = new URL(dialogUrl);
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(url.searchParams.get('client_id')).toBe(APP_ID);
    expect(url.searchParams.get('redirect_uri')).toBe('https://api.tandem.example/oauth/callback');
    expect(url.searchParams.get('state')).toBe(state);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('config_id')).toBe(LOGIN_CONFIG_ID);
    // A Business app's dialog with scope is refused by Meta: the configuration carries them.
    expect(url.searchParams.has('scope')).toBe(false);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.has('auth_type')).toBe(false);
    const session = deps.sessions.items.get(state);
    const verifier = session?.kind === 'authorize' ? session.codeVerifier : '';
    expect(url.searchParams.get('code_challenge')).toBe(
      createHash('sha256').update(verifier).digest('base64url')
    );
    expect(session).toMatchObject({ browserHash: browserHashOf(BROWSER) });
  });

  it('asks for every scope, pages_manage_ads among them, only in the classic mode chosen explicitly', async () => {
    // Prepare
    const { deps } = makeDeps();
    deps.oauth.login = { kind: 'scopes' };
    const { authorizeUrl } = await startLinking(deps, { tenantId: 'tenant-a', tenantName: 'A' });

    // Act
    const dialogUrl = await continueSignIn(deps, stateOf(authorizeUrl), BROWSER);

    // Assess
    const url = new URL(dialogUrl);
    expect(url.searchParams.has('config_id')).toBe(false);
    expect(url.searchParams.get('scope')?.split(',')).toEqual([
      'pages_show_list',
      'pages_read_engagement',
      'pages_manage_metadata',
      'whatsapp_business_management',
      'business_management',
      'ads_management',
      'ads_read',
      'pages_manage_ads',
    ]);
  });

  it('lets the same browser continue twice, and no other browser at all', async () => {
    // Prepare
    const { deps } = makeDeps();
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const again = await continueSignIn(deps, state, BROWSER);
    const other = continueSignIn(deps, state, OTHER_BROWSER);

    // Assess
    expect(new URL(again).searchParams.get('state')).toBe(state);
    await expect(other).rejects.toMatchObject({ code: 'oauth_browser_mismatch' });
  });

  it('refuses an expired or unknown state', async () => {
    // Prepare
    const { deps, clock } = makeDeps();
    const { authorizeUrl } = await startLinking(deps, { tenantId: 'tenant-a', tenantName: 'A' });
    clock.time = new Date(clock.time.getTime() + 601_000);

    // Act
    const late = continueSignIn(deps, stateOf(authorizeUrl), BROWSER);
    const unknown = continueSignIn(deps, 'A'.repeat(43), BROWSER);

    // Assess
    await expect(late).rejects.toMatchObject({ code: 'oauth_state_expired' });
    await expect(unknown).rejects.toMatchObject({ code: 'oauth_state_invalid' });
  });
});

describe('Function: completeAuthorization', () => {
  it('stores the sealed grant and offers the Pages and numbers it reaches', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const result = chosen(
      await completeAuthorization(deps, { ...fromBrowser, state, code: 'abc' })
    );

    // Assess
    expect(meta.exchanged).toEqual([
      {
        code: 'abc',
        redirectUri: 'https://api.tandem.example/oauth/callback',
        codeVerifier: expect.stringMatching(/^verifier-/),
      },
    ]);
    const grantId = grantIdFor('tenant-a', META_USER);
    const stored = grantItems.get(`tenant-a/${grantId}`);
    expect(stored?.wabaIds).toEqual([WABA]);
    expect(stored?.token.ciphertext).not.toContain('long-abc');
    expect(
      await deps.vault.open(must(stored).token, {
        tenantId: 'tenant-a',
        grantId,
        purpose: 'meta_user_token',
      })
    ).toBe('long-abc');
    expect(result.grant).not.toHaveProperty('token');
    expect(result.assets.pages.map((page) => page.id)).toContain(PAGE.id);
    expect(result.assets.phoneNumbers.map((number) => number.id)).toContain(NUMBER.id);
    expect(deps.sessions.items.get(result.selectionId)).toMatchObject({
      kind: 'selection',
      tenantId: 'tenant-a',
      grantId,
    });
  });

  it('refuses a replayed state', async () => {
    // Prepare
    const { deps } = makeDeps();
    const state = await beganSignIn(deps, 'tenant-a');
    await completeAuthorization(deps, { ...fromBrowser, state, code: 'abc' });

    // Act
    const replay = completeAuthorization(deps, { ...fromBrowser, state, code: 'abc' });

    // Assess
    await expect(replay).rejects.toMatchObject({ code: 'oauth_state_invalid' });
  });

  it('refuses a forged state', async () => {
    // Prepare
    const { deps } = makeDeps();

    // Act
    const forged = completeAuthorization(deps, {
      ...fromBrowser,
      state: 'A'.repeat(43),
      code: 'abc',
    });

    // Assess
    await expect(forged).rejects.toBeInstanceOf(ValidationError);
    await expect(forged).rejects.toMatchObject({ code: 'oauth_state_invalid' });
  });

  it('refuses a missing state without touching the store', async () => {
    // Prepare
    const { deps } = makeDeps();

    // Act
    const missing = completeAuthorization(deps, { ...fromBrowser, code: 'abc' });

    // Assess
    await expect(missing).rejects.toMatchObject({ code: 'oauth_state_invalid' });
  });

  it('refuses an expired state even if the store still holds it', async () => {
    // Prepare
    const { deps, clock, meta } = makeDeps();
    const state = await beganSignIn(deps, 'tenant-a');
    clock.time = new Date(clock.time.getTime() + 601_000);

    // Act
    const late = completeAuthorization(deps, { ...fromBrowser, state, code: 'abc' });

    // Assess
    await expect(late).rejects.toMatchObject({ code: 'oauth_state_expired' });
    expect(meta.exchanged).toEqual([]);
  });

  it('refuses a denied consent and burns the state', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const denied = completeAuthorization(deps, {
      ...fromBrowser,
      state,
      error: 'access_denied',
      errorReason: 'user_denied',
    });

    // Assess
    await expect(denied).rejects.toBeInstanceOf(PermissionError);
    await expect(denied).rejects.toMatchObject({ code: 'consent_denied' });
    expect(deps.sessions.items.has(state)).toBe(false);
    expect(meta.exchanged).toEqual([]);
  });

  it('refuses a callback without a code', async () => {
    // Prepare
    const { deps } = makeDeps();
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const empty = completeAuthorization(deps, { ...fromBrowser, state });

    // Assess
    await expect(empty).rejects.toMatchObject({ code: 'oauth_code_missing' });
  });

  it('names exactly the missing required scopes, stores nothing and offers a rerequest (classic mode)', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    deps.oauth.login = { kind: 'scopes' };
    meta.info.scopes = ['pages_show_list', 'business_management', 'whatsapp_business_management'];
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const result = await completeAuthorization(deps, { ...fromBrowser, state, code: 'abc' });

    // Assess
    expect(result.kind).toBe('missing_scopes');
    if (result.kind !== 'missing_scopes') return;
    expect(result.missing).toEqual(['pages_read_engagement', 'pages_manage_metadata']);
    const retry = new URL(result.retryUrl ?? '');
    // Declined permissions are asked for again.
    expect(retry.searchParams.get('auth_type')).toBe('rerequest');
    expect(retry.searchParams.get('scope')).toContain('pages_manage_metadata');
    expect(`${retry.origin}${retry.pathname}`).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    // The retry is bound to the same browser already, so it may go straight to Meta.
    expect(deps.sessions.items.get(retry.searchParams.get('state') ?? '')).toMatchObject({
      tenantId: 'tenant-a',
      browserHash: browserHashOf(BROWSER),
    });
    expect(grantItems.size).toBe(0);
  });

  it('says the login configuration lacks them when a configuration did not grant a required scope', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    meta.info.scopes = meta.info.scopes.filter((scope) => scope !== 'pages_manage_metadata');
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const result = await completeAuthorization(deps, { ...fromBrowser, state, code: 'abc' });

    // Assess
    expect(result).toEqual({
      kind: 'missing_scopes',
      missing: ['pages_manage_metadata'],
      // A configuration is granted whole: asking the user again cannot help, the operator must.
      configurationIncomplete: true,
    });
    expect(grantItems.size).toBe(0);
  });

  it('accepts a grant without the optional ads scopes and reports them missing', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    meta.info.scopes = meta.info.scopes.filter(
      (scope) => !scope.startsWith('ads_') && scope !== 'pages_manage_ads'
    );
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const result = chosen(
      await completeAuthorization(deps, { ...fromBrowser, state, code: 'abc' })
    );

    // Assess
    expect(result.grant.missingOptionalScopes).toEqual([
      'ads_management',
      'ads_read',
      'pages_manage_ads',
    ]);
  });

  it('refuses a token issued to another app', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    meta.info.appId = '999';
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const foreign = completeAuthorization(deps, { ...fromBrowser, state, code: 'abc' });

    // Assess
    await expect(foreign).rejects.toMatchObject({ code: 'token_rejected' });
    expect(grantItems.size).toBe(0);
  });

  it('refreshes the same grant when the user signs in again, keeping its links', async () => {
    // Prepare
    const { deps, grantItems } = makeDeps();
    const first = chosen(
      await completeAuthorization(deps, {
        ...fromBrowser,
        state: await beganSignIn(deps, 'tenant-a'),
        code: 'one',
      })
    );
    must(grantItems.get(`tenant-a/${first.grant.grantId}`)).linkCount = 1;

    // Act
    const second = chosen(
      await completeAuthorization(deps, {
        ...fromBrowser,
        state: await beganSignIn(deps, 'tenant-a'),
        code: 'two',
      })
    );

    // Assess
    expect(second.grant.grantId).toBe(first.grant.grantId);
    expect(second.grant.linkCount).toBe(1);
    expect(grantItems.size).toBe(1);
  });

  it.each([
    ['another browser', OTHER_BROWSER],
    ['no sign-in cookie', undefined],
  ])(
    'refuses a callback brought back by %s, burning the state and storing nothing',
    async (_, browserKey) => {
      // Prepare: e.g. a phished admin's browser opening the Meta URL another browser continued to.
      const { deps, meta, grantItems } = makeDeps();
      const state = await beganSignIn(deps, 'tenant-a');

      // Act
      const elsewhere = completeAuthorization(deps, { browserKey, state, code: 'abc' });

      // Assess
      await expect(elsewhere).rejects.toMatchObject({ code: 'oauth_browser_mismatch' });
      expect(meta.exchanged).toEqual([]);
      expect(grantItems.size).toBe(0);
      expect(deps.sessions.items.has(state)).toBe(false);
    }
  );

  it('refuses a callback for a sign-in no browser continued (the dialog URL was never Tandem’s)', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { authorizeUrl } = await startLinking(deps, { tenantId: 'tenant-a', tenantName: 'A' });

    // Act
    const skipped = completeAuthorization(deps, {
      ...fromBrowser,
      state: stateOf(authorizeUrl),
      code: 'abc',
    });

    // Assess
    await expect(skipped).rejects.toMatchObject({ code: 'oauth_browser_mismatch' });
  });

  it('names the tenant to the picker and binds the picker to the browser', async () => {
    // Prepare
    const { deps } = makeDeps();
    const state = await beganSignIn(deps, 'tenant-a');

    // Act
    const result = chosen(await completeAuthorization(deps, { ...fromBrowser, state, code: 'x' }));

    // Assess
    expect(result.tenantName).toBe('tenant-a Ltd');
    expect(deps.sessions.items.get(result.selectionId)).toMatchObject({
      tenantName: 'tenant-a Ltd',
      browserHash: browserHashOf(BROWSER),
    });
  });
});

describe('Function: completeAuthorization (stories sign-in)', () => {
  it("reads the Instagram account of the grant's links once the grant holds instagram_basic", async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    const storiesDeps = {
      ...deps,
      oauth: { ...deps.oauth, storiesLogin: { kind: 'configuration' as const, configId: '77' } },
    };
    const grantId = grantIdFor('tenant-a', META_USER);
    await completeAuthorization(storiesDeps, {
      ...fromBrowser,
      state: await beganSignIn(storiesDeps, 'tenant-a'),
      code: 'code-a',
    });
    const link = await createLink(storiesDeps, 'tenant-a', {
      grantId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });
    meta.info.scopes = [...meta.info.scopes, 'instagram_basic', 'instagram_content_publish'];
    meta.instagram.set(PAGE.id, { id: '17841400000000001', username: 'bluebakery' });
    const { authorizeUrl } = await startLinking(storiesDeps, {
      tenantId: 'tenant-a',
      tenantName: 'tenant-a Ltd',
      purpose: 'stories',
    });
    const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
    await continueSignIn(storiesDeps, state, BROWSER);

    // Act
    const result = await completeAuthorization(storiesDeps, {
      ...fromBrowser,
      state,
      code: 'code-stories',
    });

    // Assess
    expect(result.kind).toBe('permissions_granted');
    expect(await deps.links.get('tenant-a', link.linkId)).toMatchObject({
      instagramAccountId: '17841400000000001',
      instagramUsername: 'bluebakery',
      version: 2,
    });
  });
});
