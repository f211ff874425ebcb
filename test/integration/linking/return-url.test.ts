import { afterAll, describe, expect, it } from 'vitest';
import { api } from '../../helpers/system.js';
import {
  aTenant,
  consent,
  formValue,
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
