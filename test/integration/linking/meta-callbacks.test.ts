import { afterAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../../functions/core/meta-signed-request.js';
import { api, useSystem } from '../../helpers/system.js';
import {
  adOperation,
  aTenant,
  createPausedAd,
  linkThroughApi,
  restoreDemoUser,
  sandboxJson,
  signInForGrant,
} from './journey.js';

afterAll(restoreDemoUser);

interface CallbackResult {
  status: number;
  body: { url?: string; confirmation_code?: string; error?: { code: string } } | null;
}

const postSignedRequest = (path: string, signedRequest: string) =>
  fetch(`${useSystem().urls.api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ signed_request: signedRequest }).toString(),
  });

describe('Route: POST /meta/deauthorize', () => {
  it('removes the user’s links and grants in every tenant when Meta calls', async () => {
    // Prepare
    const first = aTenant('deauth-a');
    const second = aTenant('deauth-b');
    const { user } = await linkThroughApi(first);
    const { grantId } = await signInForGrant(second, { user });
    const other = await api('/links', {
      tenant: second,
      body: { grantId, pageId: user.pageIds[1], phoneNumberId: user.phoneNumberIds[1] },
    });
    expect(other.status).toBe(201);

    // Act
    const result = await sandboxJson<CallbackResult>(
      `/_admin/users/${user.userId}/deauthorize`,
      {}
    );

    // Assess
    expect(result.status).toBe(200);
    for (const tenant of [first, second]) {
      const links = (await (await api('/links', { tenant })).json()) as { items: unknown[] };
      const grants = (await (await api('/grants', { tenant })).json()) as { items: unknown[] };
      expect(links.items).toEqual([]);
      expect(grants.items).toEqual([]);
    }
  });

  it('answers 400 to a forged signature and deletes nothing', async () => {
    // Prepare
    const tenant = aTenant('deauth-forged');
    const { user } = await linkThroughApi(tenant);

    // Act
    const result = await sandboxJson<CallbackResult>(`/_admin/users/${user.userId}/deauthorize`, {
      forgeSignature: true,
    });

    // Assess
    expect(result.status).toBe(400);
    expect(result.body?.error?.code).toBe('signed_request_invalid');
    const links = (await (await api('/links', { tenant })).json()) as { items: unknown[] };
    expect(links.items).toHaveLength(1);
  });

  it.each([
    ['a request without a dot', 'garbage'],
    [
      'an unsigned request',
      `.${Buffer.from('{"algorithm":"HMAC-SHA256","user_id":"1"}').toString('base64url')}`,
    ],
    ['another algorithm', signRequest({ algorithm: 'HMAC-SHA1', user_id: '1' }, 'x')],
  ])('answers 400 to %s', async (_, signedRequest) => {
    // Act
    const response = await postSignedRequest('/meta/deauthorize', signedRequest);

    // Assess
    expect(response.status).toBe(400);
  });

  it('answers 400 when signed_request is missing', async () => {
    // Act
    const response = await fetch(`${useSystem().urls.api}/meta/deauthorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'other=1',
    });

    // Assess
    expect(response.status).toBe(400);
  });
});

describe('Route: POST /meta/data-deletion', () => {
  it('deletes the user’s data and answers a status URL that works', async () => {
    // Prepare
    const tenant = aTenant('deletion');
    const { user } = await linkThroughApi(tenant);

    // Act
    const result = await sandboxJson<CallbackResult>(
      `/_admin/users/${user.userId}/data-deletion`,
      {}
    );

    // Assess
    expect(result.status).toBe(200);
    const code = result.body?.confirmation_code ?? '';
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    expect(result.body?.url).toBe(`${useSystem().urls.api}/meta/data-deletion/${code}`);
    const links = (await (await api('/links', { tenant })).json()) as { items: unknown[] };
    expect(links.items).toEqual([]);
    const status = await fetch(result.body?.url ?? '');
    expect(status.status).toBe(200);
    expect(status.headers.get('content-type')).toContain('text/html');
    const html = await status.text();
    expect(html).toContain('Completed');
    expect(html).toContain(code);
    expect(html).not.toContain(user.userId);
  });

  it('deletes the records of the ads the user created, and says so', async () => {
    // Prepare
    const tenant = aTenant('deletion-ads');
    const { user, link } = await linkThroughApi(tenant, { adAccount: true });
    const operation = await createPausedAd(tenant, link.linkId, user.adAccountId ?? '');

    // Act
    const result = await sandboxJson<CallbackResult>(
      `/_admin/users/${user.userId}/data-deletion`,
      {}
    );

    // Assess
    expect(result.status).toBe(200);
    expect(await adOperation(operation)).toBeUndefined();
    const html = await (await fetch(result.body?.url ?? '')).text();
    expect(html).toContain('the records of 1 ad creation');
  });

  it('answers 400 to a forged signature', async () => {
    // Prepare
    const tenant = aTenant('deletion-forged');
    const { user } = await linkThroughApi(tenant);

    // Act
    const result = await sandboxJson<CallbackResult>(`/_admin/users/${user.userId}/data-deletion`, {
      forgeSignature: true,
    });

    // Assess
    expect(result.status).toBe(400);
  });
});

/** A signed_request as Meta would sign it, `ageSeconds` ago. */
const metaSigned = (userId: string, ageSeconds = 0) =>
  signRequest(
    {
      algorithm: 'HMAC-SHA256',
      user_id: userId,
      issued_at: Math.floor(Date.now() / 1000) - ageSeconds,
    },
    useSystem().env.META_APP_SECRET ?? ''
  );

describe('Replays of Meta’s callbacks', () => {
  it.each(['/meta/deauthorize', '/meta/data-deletion'])(
    '%s refuses a request older than an hour and deletes nothing',
    async (path) => {
      // Prepare
      const tenant = aTenant('stale');
      const { user } = await linkThroughApi(tenant);

      // Act
      const response = await postSignedRequest(path, metaSigned(user.userId, 2 * 3600));

      // Assess
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'signed_request_expired'
      );
      const links = (await (await api('/links', { tenant })).json()) as { items: unknown[] };
      expect(links.items).toHaveLength(1);
    }
  );

  it('answers a replayed data-deletion request with its first code, sparing links made since', async () => {
    // Prepare
    const tenant = aTenant('replay');
    const { user } = await linkThroughApi(tenant);
    const signed = metaSigned(user.userId);
    const first = await postSignedRequest('/meta/data-deletion', signed);
    const firstAnswer = (await first.json()) as { confirmation_code: string };
    await linkThroughApi(tenant, { user });

    // Act
    const replay = await postSignedRequest('/meta/data-deletion', signed);

    // Assess
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { confirmation_code: string }).confirmation_code).toBe(
      firstAnswer.confirmation_code
    );
    const links = (await (await api('/links', { tenant })).json()) as { items: unknown[] };
    expect(links.items).toHaveLength(1);
  });

  it('answers a replayed deauthorize request without deleting links made since', async () => {
    // Prepare
    const tenant = aTenant('replay-deauth');
    const { user } = await linkThroughApi(tenant);
    const signed = metaSigned(user.userId);
    expect((await postSignedRequest('/meta/deauthorize', signed)).status).toBe(200);
    await linkThroughApi(tenant, { user });

    // Act
    const replay = await postSignedRequest('/meta/deauthorize', signed);

    // Assess
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ replayed: true });
    const links = (await (await api('/links', { tenant })).json()) as { items: unknown[] };
    expect(links.items).toHaveLength(1);
  });
});

describe('Route: GET /meta/data-deletion/{code}', () => {
  it('answers 404 for an unknown code', async () => {
    // Act
    const response = await fetch(`${useSystem().urls.api}/meta/data-deletion/${'0'.repeat(32)}`);

    // Assess
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Unknown deletion request');
  });

  it('answers 404 for a code that is not one', async () => {
    // Act
    const response = await fetch(`${useSystem().urls.api}/meta/data-deletion/%3Cscript%3E`);

    // Assess
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<script>');
  });
});
