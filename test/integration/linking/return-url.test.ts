import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { api, awsClients, useSystem } from '../../helpers/system.js';
import {
  aTenant,
  consent,
  formValue,
  linkThroughApi,
  newSandboxUser,
  openCallback,
  restoreDemoUser,
  startLinking,
  submitPicker,
} from './journey.js';

/** A sign-in that returns to the client app: registered origins, the returnUrl check, the way back. */

afterAll(restoreDemoUser);

const APP = 'https://app.agency.example';

const register = (tenant: string, origins: string[]) =>
  api('/settings/origins', { tenant, method: 'PUT', body: { origins } });

const errorCode = async (response: Response): Promise<string> =>
  ((await response.json()) as { error: { code: string } }).error.code;

describe('Route: PUT /settings/origins', () => {
  it('registers exact origins and refuses anything with a path or plain http', async () => {
    // Prepare
    const tenant = aTenant('origins');

    // Act
    const registered = await register(tenant, [APP, 'http://localhost:5173']);
    const withPath = await register(tenant, ['https://app.agency.example/callback']);
    const plainHttp = await register(tenant, ['http://app.agency.example']);
    const read = await api('/settings/origins', { tenant });
    const foreign = await api('/settings/origins', { tenant: aTenant('origins-other') });

    // Assess
    expect(registered.status).toBe(200);
    expect([withPath.status, plainHttp.status]).toEqual([400, 400]);
    expect(await errorCode(withPath)).toBe('invalid_origin');
    expect(((await read.json()) as { origins: string[] }).origins).toEqual([
      APP,
      'http://localhost:5173',
    ]);
    expect(((await foreign.json()) as { origins: string[] }).origins).toEqual([]);
  });
});

describe('Route: POST /links/oauth/start with a returnUrl', () => {
  it.each([
    ['an unregistered origin', 'https://evil.example/done'],
    ['a look-alike host', 'https://app.agency.example.evil.example/done'],
    ['the registered host on another scheme', 'http://app.agency.example/done'],
    ['credentials in the URL', 'https://user:pass@app.agency.example/done'],
    ['not a URL', 'javascript:alert(1)'],
  ])('refuses %s', async (_what, returnUrl) => {
    // Prepare
    const tenant = aTenant('return-refused');
    await register(tenant, [APP]);

    // Act
    const response = await api('/links/oauth/start', { tenant, body: { returnUrl } });

    // Assess
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('return_url_not_registered');
  });

  it('refuses any returnUrl while the tenant has registered no origin', async () => {
    // Act
    const response = await api('/links/oauth/start', {
      tenant: aTenant('return-none'),
      body: { returnUrl: `${APP}/done` },
    });

    // Assess
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('return_url_not_registered');
  });

  it('sends the browser back to the returnUrl with the outcome once linked', async () => {
    // Prepare
    const tenant = aTenant('return-ok');
    await register(tenant, [APP]);
    const user = await newSandboxUser();
    const { authorizeUrl } = await startLinking(tenant, { returnUrl: `${APP}/done?from=tandem` });
    const picker = await openCallback(await consent(authorizeUrl));
    expect(picker.status, picker.html).toBe(200);

    // Act
    const linked = await submitPicker({
      selection: formValue(picker.html, 'selection'),
      pageId: user.pageIds[0] as string,
      phoneNumberId: user.phoneNumberIds[0] as string,
    });

    // Assess
    expect(linked.status, linked.html).toBe(201);
    const back = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(linked.html)?.[1];
    const url = new URL((back ?? '').replaceAll('&amp;', '&'));
    expect(url.origin + url.pathname).toBe(`${APP}/done`);
    expect(url.searchParams.get('from')).toBe('tandem');
    expect(url.searchParams.get('tandem_outcome')).toBe('linked');
    expect(url.searchParams.get('link_id')).toMatch(/^lnk_[0-9a-f]{32}$/);
  });
});

/** Where a 303 sends the browser: the returnUrl's path, its own query and Tandem's outcome. */
const outcomeOf = (location: string) => {
  const url = new URL(location);
  return {
    to: url.origin + url.pathname,
    from: url.searchParams.get('from'),
    outcome: url.searchParams.get('tandem_outcome'),
    linkId: url.searchParams.get('link_id'),
  };
};

const grantsOf = async (tenant: string): Promise<unknown[]> =>
  ((await (await api('/grants', { tenant })).json()) as { items: unknown[] }).items;

describe('Route: GET /oauth/callback, a sign-in with a returnUrl that ends badly', () => {
  it('sends the browser back with tandem_outcome=cancelled when the user cancels at Meta', async () => {
    // Prepare
    const tenant = aTenant('return-cancel');
    await register(tenant, [APP]);
    await newSandboxUser();
    const { authorizeUrl } = await startLinking(tenant, { returnUrl: `${APP}/done?from=tandem` });

    // Act
    const back = await openCallback(await consent(authorizeUrl, { cancel: true }));

    // Assess
    expect(back.status, back.html).toBe(303);
    expect(outcomeOf(back.location)).toEqual({
      to: `${APP}/done`,
      from: 'tandem',
      outcome: 'cancelled',
      linkId: null,
    });
    expect(back.html).toContain('Back to your app');
    expect(await grantsOf(tenant)).toEqual([]);
  });

  it('keeps the error page for a cancelled sign-in that has no returnUrl', async () => {
    // Prepare
    const tenant = aTenant('return-cancel-none');
    await newSandboxUser();
    const { authorizeUrl } = await startLinking(tenant);

    // Act
    const page = await openCallback(await consent(authorizeUrl, { cancel: true }));

    // Assess
    expect(page.status).toBe(403);
    expect(page.location).toBe('');
    expect(page.html).toContain('consent_denied');
  });

  it('sends the browser back with tandem_outcome=expired when the sign-in expired', async () => {
    // Prepare
    const tenant = aTenant('return-expired');
    await register(tenant, [APP]);
    await newSandboxUser();
    const { authorizeUrl } = await startLinking(tenant, { returnUrl: `${APP}/done` });
    const callbackUrl = await consent(authorizeUrl);
    // TTL deletion lags, so an expired item may still be there: make this one expired.
    await awsClients().documents.send(
      new UpdateCommand({
        TableName: useSystem().tables.oauthState,
        Key: { state: new URL(authorizeUrl).searchParams.get('state') ?? '' },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      })
    );

    // Act
    const back = await openCallback(callbackUrl);

    // Assess
    expect(back.status, back.html).toBe(303);
    expect(outcomeOf(back.location)).toMatchObject({ to: `${APP}/done`, outcome: 'expired' });
    expect(await grantsOf(tenant)).toEqual([]);
  });

  it('sends the browser back with tandem_outcome=nothing_selectable when all is linked already', async () => {
    // Prepare: the user's only Page and number are linked in another tenant.
    const user = await newSandboxUser({ pages: 1, phoneNumbers: 1 });
    await linkThroughApi(aTenant('return-taken'), { user });
    const tenant = aTenant('return-nothing');
    await register(tenant, [APP]);
    const { authorizeUrl } = await startLinking(tenant, { returnUrl: `${APP}/done` });

    // Act
    const back = await openCallback(await consent(authorizeUrl));

    // Assess
    expect(back.status, back.html).toBe(303);
    expect(outcomeOf(back.location)).toMatchObject({
      to: `${APP}/done`,
      outcome: 'nothing_selectable',
    });
    expect(back.html).toContain('nothing to link');
  });
});
