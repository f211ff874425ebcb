import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/seed.js';
import type { Sandbox } from '../../src/server.js';
import {
  ALL_SCOPES,
  APP_ID,
  APP_SECRET,
  admin,
  answerDialog,
  exchangeCode,
  type GraphErrorBody,
  graph,
  login,
  openDialog,
  pkcePair,
  REDIRECT_URI,
  startTestSandbox,
} from './helpers.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
});

describe('Sandbox: OAuth', () => {
  it("lists a Login for Business configuration's permissions, with nothing to untick", async () => {
    // Act
    const dialog = await openDialog(sandbox);

    // Assess
    expect(dialog.status).toBe(200);
    expect(dialog.html).toContain('<li>pages_manage_ads</li>');
    expect(dialog.html).not.toContain('type="checkbox"');
    expect(dialog.html).toContain('>Continue</button>');
    expect(dialog.html).toContain('>Cancel</button>');
  });

  it('refuses a dialog that asks for scope without config_id, as Meta does for a Business app', async () => {
    // Act
    const dialog = await openDialog(sandbox, { scopes: ['pages_show_list'] });

    // Assess
    expect(dialog.status).toBe(400);
    expect(dialog.html).toContain('It looks like this app isn&#39;t available');
    expect(dialog.session).toBeUndefined();
  });

  it('refuses a config_id the app has no configuration for', async () => {
    // Act
    const dialog = await openDialog(sandbox, { configId: '123' });

    // Assess
    expect(dialog.status).toBe(400);
    expect(dialog.html).toContain('Invalid config_id');
  });

  it('grants a configuration whole: every permission in it, whatever the form posts', async () => {
    // Prepare
    const dialog = await openDialog(sandbox);
    const answer = await answerDialog(sandbox, dialog.session ?? '', 'continue', []);
    const token = await exchangeCode(sandbox, answer.location.searchParams.get('code') ?? '');

    // Act
    const permissions = await graph<{ data: { permission: string; status: string }[] }>(
      sandbox,
      '/me/permissions',
      { token: token.body.access_token }
    );

    // Assess
    expect(
      permissions.body.data
        .filter((item) => item.status === 'granted')
        .map((item) => item.permission)
    ).toEqual(expect.arrayContaining(ALL_SCOPES));
  });

  it('renders one ticked checkbox per permission for a classic app asking for scope', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/settings', { appType: 'classic' });

    // Act
    const dialog = await openDialog(sandbox, { scopes: ['pages_show_list', 'ads_management'] });
    const withConfig = await openDialog(sandbox);

    // Assess
    expect(dialog.status).toBe(200);
    expect(dialog.html).toContain('value="pages_show_list" checked');
    expect(dialog.html).toContain('value="ads_management" checked');
    expect(withConfig.status).toBe(400);
  });

  it('redirects back with a single-use code', async () => {
    // Prepare
    const dialog = await openDialog(sandbox, { state: 'abc' });
    const answer = await answerDialog(sandbox, dialog.session ?? '', 'continue');
    const code = answer.location.searchParams.get('code') ?? '';

    // Act
    const first = await exchangeCode(sandbox, code);
    const second = await exchangeCode(sandbox, code);

    // Assess
    expect(answer.status).toBe(302);
    expect(`${answer.location.origin}${answer.location.pathname}`).toBe(REDIRECT_URI);
    expect(answer.location.searchParams.get('state')).toBe('abc');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'bearer' });
    expect(first.body.expires_in).toBeLessThanOrEqual(3600);
    expect(second.status).toBe(400);
    expect((second.body as unknown as GraphErrorBody).error).toMatchObject({
      code: 100,
      error_subcode: 36009,
    });
  });

  it('redirects with access_denied when the user cancels', async () => {
    // Prepare
    const dialog = await openDialog(sandbox, { state: 'xyz' });

    // Act
    const answer = await answerDialog(sandbox, dialog.session ?? '', 'cancel');

    // Assess
    expect(answer.status).toBe(302);
    expect(Object.fromEntries(answer.location.searchParams)).toEqual({
      error: 'access_denied',
      error_code: '200',
      error_description: 'Permissions error',
      error_reason: 'user_denied',
      state: 'xyz',
    });
    expect(answer.location.search).toContain('error_description=Permissions+error');
  });

  it('shows an error page and never redirects for an unlisted redirect_uri or a wrong client_id', async () => {
    // Act
    const badRedirect = await openDialog(sandbox, {
      redirectUri: 'http://127.0.0.1:3999/elsewhere',
    });
    const badClient = await openDialog(sandbox, { clientId: '999' });

    // Assess
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.html).toContain('URL blocked');
    expect(badRedirect.session).toBeUndefined();
    expect(badClient.status).toBe(400);
    expect(badClient.session).toBeUndefined();
  });

  it('rejects a code exchange whose PKCE verifier does not match the challenge', async () => {
    // Prepare
    const { challenge, verifier } = pkcePair();
    const dialog = await openDialog(sandbox, { codeChallenge: challenge });
    const answer = await answerDialog(sandbox, dialog.session ?? '', 'continue');
    const code = answer.location.searchParams.get('code') ?? '';

    // Act
    const wrong = await exchangeCode(sandbox, code, { code_verifier: pkcePair().verifier });
    const missing = await exchangeCode(sandbox, code);
    const right = await exchangeCode(sandbox, code, { code_verifier: verifier });

    // Assess
    expect(wrong.status).toBe(400);
    expect((wrong.body as unknown as GraphErrorBody).error.code).toBe(100);
    expect(missing.status).toBe(400);
    expect(right.status).toBe(200);
  });

  it('rejects a code exchange with a different redirect_uri or a wrong secret', async () => {
    // Prepare
    const dialog = await openDialog(sandbox);
    const answer = await answerDialog(sandbox, dialog.session ?? '', 'continue');
    const code = answer.location.searchParams.get('code') ?? '';

    // Act
    const otherRedirect = await exchangeCode(sandbox, code, {
      redirect_uri: 'http://127.0.0.1:3999/other',
    });
    const wrongSecret = await exchangeCode(sandbox, code, { client_secret: 'nope' });

    // Assess
    expect((otherRedirect.body as unknown as GraphErrorBody).error).toMatchObject({
      code: 100,
      error_subcode: 36008,
    });
    expect((wrongSecret.body as unknown as GraphErrorBody).error).toMatchObject({
      code: 1,
      is_transient: false,
    });
  });

  it('grants a classic app only the permissions left ticked', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/settings', { appType: 'classic' });
    const ticked = ALL_SCOPES.filter((scope) => scope !== 'ads_management');
    const dialog = await openDialog(sandbox, { scopes: ALL_SCOPES });
    const answer = await answerDialog(sandbox, dialog.session ?? '', 'continue', ticked);
    const token = (await exchangeCode(sandbox, answer.location.searchParams.get('code') ?? '')).body
      .access_token;

    // Act
    const permissions = await graph<{ data: { permission: string; status: string }[] }>(
      sandbox,
      '/me/permissions',
      { token }
    );

    // Assess
    expect(permissions.body.data).toContainEqual({
      permission: 'ads_management',
      status: 'declined',
    });
    expect(permissions.body.data).toContainEqual({
      permission: 'pages_show_list',
      status: 'granted',
    });
  });

  it('exchanges a short-lived token for a long-lived one', async () => {
    // Prepare
    const short = await login(sandbox);

    // Act
    const long = await graph<{ access_token: string; expires_in: number; token_type: string }>(
      sandbox,
      `/oauth/access_token?grant_type=fb_exchange_token&client_id=${APP_ID}&client_secret=${APP_SECRET}&fb_exchange_token=${short}`
    );
    const me = await graph(sandbox, '/me', { token: long.body.access_token });

    // Assess
    expect(long.body).toMatchObject({ token_type: 'bearer', expires_in: 5183944 });
    expect(long.body.access_token).not.toBe(short);
    expect(me.body).toEqual({ id: DEMO.userId, name: DEMO.userName });
  });

  it('refuses to exchange an expired token with 190/463', async () => {
    // Prepare
    const short = await login(sandbox);
    await admin(sandbox, 'POST', '/tokens/expire', { token: short });

    // Act
    const reply = await graph<GraphErrorBody>(
      sandbox,
      `/oauth/access_token?grant_type=fb_exchange_token&client_id=${APP_ID}&client_secret=${APP_SECRET}&fb_exchange_token=${short}`
    );

    // Assess
    expect(reply.body.error).toMatchObject({
      code: 190,
      error_subcode: 463,
      type: 'OAuthException',
    });
  });
});

describe('Sandbox: access tokens', () => {
  it('requires a valid appsecret_proof unless the requirement is turned off', async () => {
    // Prepare
    const token = await login(sandbox);

    // Act
    const missing = await graph<GraphErrorBody>(sandbox, '/me', { token, proof: false });
    const wrong = await graph<GraphErrorBody>(sandbox, '/me', { token, proof: 'deadbeef' });
    await admin(sandbox, 'POST', '/settings', { requireAppsecretProof: false });
    const relaxed = await graph(sandbox, '/me', { token, proof: false });

    // Assess
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 100, type: 'GraphMethodException' });
    expect(wrong.body.error).toMatchObject({
      code: 100,
      type: 'GraphMethodException',
      message: 'Invalid appsecret_proof provided in the API argument',
    });
    expect(relaxed.status).toBe(200);
  });

  it('accepts the token in an Authorization header', async () => {
    // Prepare
    const token = await login(sandbox);

    // Act
    const reply = await graph(sandbox, '/me', { token, tokenInHeader: true });

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.headers.get('facebook-api-version')).toBe('v25.0'); // the version the path named
  });

  it('answers an unknown token with 190/467 and an expired one with 190/463, in HTTP 400 as Graph does', async () => {
    // Prepare
    const token = await login(sandbox);
    await admin(sandbox, 'POST', '/tokens/expire', { userId: DEMO.userId });

    // Act
    const unknown = await graph<GraphErrorBody>(sandbox, '/me', { token: 'EAAnotatoken' });
    const expired = await graph<GraphErrorBody>(sandbox, '/me', { token });
    const whatsapp = await graph<GraphErrorBody>(
      sandbox,
      `/${DEMO.phoneNumberIdA}/whatsapp_business_profile`,
      { token: 'EAAnotatoken' }
    );

    // Assess
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('www-authenticate')).toContain('invalid_token');
    // The WhatsApp spec documents 401 for an invalid token on its paths.
    expect(whatsapp.status).toBe(401);
    expect(whatsapp.body.error).toMatchObject({ code: 190 });
    expect(unknown.body.error).toMatchObject({ code: 190, error_subcode: 467 });
    expect(unknown.body.error.fbtrace_id).toBe(unknown.headers.get('x-fb-trace-id'));
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('names the missing permission after one is revoked', async () => {
    // Prepare
    const token = await login(sandbox);
    await graph(sandbox, '/me/permissions/whatsapp_business_management', {
      token,
      method: 'DELETE',
    });

    // Act
    const reply = await graph<GraphErrorBody>(
      sandbox,
      `/${DEMO.phoneNumberIdA}/whatsapp_business_profile`,
      { token }
    );

    // Assess
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe(200);
    expect(reply.body.error.message).toContain('whatsapp_business_management');
  });

  it('invalidates every token of the user when all permissions are revoked', async () => {
    // Prepare
    const token = await login(sandbox);

    // Act
    const revoke = await graph(sandbox, `/${DEMO.userId}/permissions`, { token, method: 'DELETE' });
    const after = await graph<GraphErrorBody>(sandbox, '/me', { token });

    // Assess
    expect(revoke.body).toEqual({ success: true });
    expect(after.body.error).toMatchObject({ code: 190, error_subcode: 458 });
  });

  it('describes a user token with debug_token, listing the WABAs the grant reaches', async () => {
    // Prepare
    const token = await login(sandbox);
    const appToken = `${APP_ID}|${APP_SECRET}`;

    // Act
    const reply = await graph<{ data: Record<string, unknown> }>(
      sandbox,
      `/debug_token?input_token=${token}`,
      { token: appToken, proof: false }
    );

    // Assess
    expect(reply.body.data).toMatchObject({
      app_id: APP_ID,
      type: 'USER',
      is_valid: true,
      user_id: DEMO.userId,
    });
    expect(reply.body.data.scopes).toEqual(expect.arrayContaining(ALL_SCOPES));
    expect(reply.body.data.granular_scopes).toContainEqual({
      scope: 'whatsapp_business_management',
      target_ids: [DEMO.wabaId],
    });
    for (const key of ['application', 'expires_at', 'data_access_expires_at', 'issued_at']) {
      expect(reply.body.data).toHaveProperty(key);
    }
  });

  it('describes an unknown token as not valid', async () => {
    // Act
    const reply = await graph<{ data: Record<string, unknown> }>(
      sandbox,
      '/debug_token?input_token=EAAbogus',
      {
        token: `${APP_ID}|${APP_SECRET}`,
      }
    );

    // Assess
    expect(reply.body.data).toMatchObject({ is_valid: false, error: { code: 190 } });
  });
});
