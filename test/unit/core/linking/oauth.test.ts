import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PermissionError, ValidationError } from '../../../../functions/core/errors.js';
import { grantIdFor } from '../../../../functions/core/linking/model.js';
import {
  type CallbackResult,
  completeAuthorization,
  startLinking,
} from '../../../../functions/core/linking/oauth.js';
import { APP_ID, LOGIN_CONFIG_ID, META_USER, makeDeps, must, NUMBER, PAGE, WABA } from './fakes.js';

const stateOf = (authorizeUrl: string): string =>
  new URL(authorizeUrl).searchParams.get('state') ?? '';

const chosen = (result: CallbackResult) => {
  if (result.kind !== 'choose') throw new Error(`expected choose, got ${result.kind}`);
  return result;
};

describe('Function: startLinking', () => {
  it('builds the dialog URL with the Login for Business configuration, the fixed redirect URI and an S256 challenge', async () => {
    // Prepare
    const { deps } = makeDeps();

    // Act
    const { authorizeUrl, expiresAt } = await startLinking(deps, 'tenant-a');

    // Assess
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(url.searchParams.get('client_id')).toBe(APP_ID);
    expect(url.searchParams.get('redirect_uri')).toBe('https://api.tandem.example/oauth/callback');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('config_id')).toBe(LOGIN_CONFIG_ID);
    // A Business app's dialog with scope is refused by Meta: the configuration carries them.
    expect(url.searchParams.has('scope')).toBe(false);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.has('auth_type')).toBe(false);
    const session = deps.sessions.items.get(stateOf(authorizeUrl));
    expect(session).toMatchObject({ kind: 'authorize', tenantId: 'tenant-a' });
    const verifier = session?.kind === 'authorize' ? session.codeVerifier : '';
    expect(url.searchParams.get('code_challenge')).toBe(
      createHash('sha256').update(verifier).digest('base64url')
    );
    expect(expiresAt).toBe('2026-07-01T10:10:00.000Z');
  });

  it('asks for every scope, pages_manage_ads among them, only in the classic mode chosen explicitly', async () => {
    // Prepare
    const { deps } = makeDeps();
    deps.oauth.login = { kind: 'scopes' };

    // Act
    const { authorizeUrl } = await startLinking(deps, 'tenant-a');

    // Assess
    const url = new URL(authorizeUrl);
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

  it('asks again for declined permissions when rerequest is set', async () => {
    // Prepare
    const { deps } = makeDeps();
    deps.oauth.login = { kind: 'scopes' };

    // Act
    const { authorizeUrl } = await startLinking(deps, 'tenant-a', { rerequest: true });

    // Assess
    expect(new URL(authorizeUrl).searchParams.get('auth_type')).toBe('rerequest');
  });
});

describe('Function: completeAuthorization', () => {
  it('stores the sealed grant and offers the Pages and numbers it reaches', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    const { authorizeUrl } = await startLinking(deps, 'tenant-a');

    // Act
    const result = chosen(
      await completeAuthorization(deps, { state: stateOf(authorizeUrl), code: 'abc' })
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
    const state = stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl);
    await completeAuthorization(deps, { state, code: 'abc' });

    // Act
    const replay = completeAuthorization(deps, { state, code: 'abc' });

    // Assess
    await expect(replay).rejects.toMatchObject({ code: 'oauth_state_invalid' });
  });

  it('refuses a forged state', async () => {
    // Prepare
    const { deps } = makeDeps();

    // Act
    const forged = completeAuthorization(deps, { state: 'A'.repeat(43), code: 'abc' });

    // Assess
    await expect(forged).rejects.toBeInstanceOf(ValidationError);
    await expect(forged).rejects.toMatchObject({ code: 'oauth_state_invalid' });
  });

  it('refuses a missing state without touching the store', async () => {
    // Prepare
    const { deps } = makeDeps();

    // Act
    const missing = completeAuthorization(deps, { code: 'abc' });

    // Assess
    await expect(missing).rejects.toMatchObject({ code: 'oauth_state_invalid' });
  });

  it('refuses an expired state even if the store still holds it', async () => {
    // Prepare
    const { deps, clock, meta } = makeDeps();
    const state = stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl);
    clock.time = new Date(clock.time.getTime() + 601_000);

    // Act
    const late = completeAuthorization(deps, { state, code: 'abc' });

    // Assess
    await expect(late).rejects.toMatchObject({ code: 'oauth_state_expired' });
    expect(meta.exchanged).toEqual([]);
  });

  it('refuses a denied consent and burns the state', async () => {
    // Prepare
    const { deps, meta } = makeDeps();
    const state = stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl);

    // Act
    const denied = completeAuthorization(deps, {
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
    const state = stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl);

    // Act
    const empty = completeAuthorization(deps, { state });

    // Assess
    await expect(empty).rejects.toMatchObject({ code: 'oauth_code_missing' });
  });

  it('names exactly the missing required scopes, stores nothing and offers a rerequest (classic mode)', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    deps.oauth.login = { kind: 'scopes' };
    meta.info.scopes = ['pages_show_list', 'business_management', 'whatsapp_business_management'];
    const state = stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl);

    // Act
    const result = await completeAuthorization(deps, { state, code: 'abc' });

    // Assess
    expect(result.kind).toBe('missing_scopes');
    if (result.kind !== 'missing_scopes') return;
    expect(result.missing).toEqual(['pages_read_engagement', 'pages_manage_metadata']);
    expect(new URL(result.retryUrl ?? '').searchParams.get('auth_type')).toBe('rerequest');
    expect(grantItems.size).toBe(0);
  });

  it('says the login configuration lacks them when a configuration did not grant a required scope', async () => {
    // Prepare
    const { deps, meta, grantItems } = makeDeps();
    meta.info.scopes = meta.info.scopes.filter((scope) => scope !== 'pages_manage_metadata');
    const state = stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl);

    // Act
    const result = await completeAuthorization(deps, { state, code: 'abc' });

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
    const state = stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl);

    // Act
    const result = chosen(await completeAuthorization(deps, { state, code: 'abc' }));

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
    const state = stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl);

    // Act
    const foreign = completeAuthorization(deps, { state, code: 'abc' });

    // Assess
    await expect(foreign).rejects.toMatchObject({ code: 'token_rejected' });
    expect(grantItems.size).toBe(0);
  });

  it('refreshes the same grant when the user signs in again, keeping its links', async () => {
    // Prepare
    const { deps, grantItems } = makeDeps();
    const first = chosen(
      await completeAuthorization(deps, {
        state: stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl),
        code: 'one',
      })
    );
    must(grantItems.get(`tenant-a/${first.grant.grantId}`)).linkCount = 1;

    // Act
    const second = chosen(
      await completeAuthorization(deps, {
        state: stateOf((await startLinking(deps, 'tenant-a')).authorizeUrl),
        code: 'two',
      })
    );

    // Assess
    expect(second.grant.grantId).toBe(first.grant.grantId);
    expect(second.grant.linkCount).toBe(1);
    expect(grantItems.size).toBe(1);
  });
});
