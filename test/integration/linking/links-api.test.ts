import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_WEBHOOK_FIELDS } from '../../../functions/core/linking/model.js';
import { api } from '../../helpers/system.js';
import {
  adOperation,
  aTenant,
  createPausedAd,
  type LinkJson,
  linkThroughApi,
  restoreDemoUser,
  sandbox,
  sandboxJson,
  signInForGrant,
} from './journey.js';

afterAll(restoreDemoUser);

const errorCode = async (response: Response): Promise<string> =>
  ((await response.json()) as { error: { code: string } }).error.code;

describe('Route: GET /grants', () => {
  it('lists the grant with its scopes and no token', async () => {
    // Prepare
    const tenant = aTenant('grants');
    const { user, grantId } = await signInForGrant(tenant);

    // Act
    const response = await api('/grants', { tenant });

    // Assess
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Record<string, unknown>[] };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      grantId,
      metaUserId: user.userId,
      wabaIds: [user.wabaId],
      linkCount: 0,
    });
    expect(body.items[0]?.scopes).toContain('whatsapp_business_management');
    expect(JSON.stringify(body)).not.toMatch(/token"|ciphertext|wrappedKey/);
  });
});

describe('Route: GET /grants/{grantId}/assets', () => {
  it('lists the Pages and numbers the grant reaches', async () => {
    // Prepare
    const tenant = aTenant('assets');
    const { user, grantId } = await signInForGrant(tenant);

    // Act
    const response = await api(`/grants/${grantId}/assets`, { tenant });

    // Assess
    expect(response.status).toBe(200);
    const assets = (await response.json()) as {
      pages: { id: string; linked: boolean }[];
      phoneNumbers: { id: string; wabaId: string }[];
    };
    expect(assets.pages.map((page) => page.id).sort()).toEqual([...user.pageIds].sort());
    expect(assets.phoneNumbers.map((number) => number.id).sort()).toEqual(
      [...user.phoneNumberIds].sort()
    );
    expect(assets.pages.every((page) => page.linked === false)).toBe(true);
  });

  it('lists the ad accounts the grant reaches, for ads', async () => {
    // Prepare
    const tenant = aTenant('assets-ads');
    const { user, grantId } = await signInForGrant(tenant, { adAccount: true });

    // Act
    const response = await api(`/grants/${grantId}/assets`, { tenant });

    // Assess
    expect(response.status).toBe(200);
    const assets = (await response.json()) as { adAccounts: Record<string, unknown>[] };
    expect(assets.adAccounts).toEqual([
      expect.objectContaining({ id: user.adAccountId, currency: expect.any(String) }),
    ]);
    expect(assets).not.toHaveProperty('adAccountsUnavailable');
  });

  it('refuses a malformed grant id', async () => {
    // Act
    const response = await api('/grants/not-a-grant/assets', { tenant: aTenant('assets') });

    // Assess
    expect(response.status).toBe(400);
  });
});

const revocationsOf = async (userId: string): Promise<number> => {
  const log = (await (await sandbox('/_admin/requests')).json()) as {
    requests: { method: string; path: string; status: number }[];
  };
  return log.requests.filter(
    (request) =>
      request.method === 'DELETE' &&
      request.path.endsWith(`/${userId}/permissions`) &&
      request.status === 200
  ).length;
};

describe('Route: DELETE /grants/{grantId}', () => {
  it('deletes an unused grant with its token and revokes the app on Meta; a retry answers 404', async () => {
    // Prepare
    const tenant = aTenant('grant-delete');
    const { user, grantId } = await signInForGrant(tenant);

    // Act
    const response = await api(`/grants/${grantId}`, { tenant, method: 'DELETE' });
    const retry = await api(`/grants/${grantId}`, { tenant, method: 'DELETE' });

    // Assess
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ grantId, revocation: 'revoked' });
    expect(await revocationsOf(user.userId)).toBe(1);
    const grants = (await (await api('/grants', { tenant })).json()) as { items: unknown[] };
    expect(grants.items).toEqual([]);
    expect((await api(`/grants/${grantId}/assets`, { tenant })).status).toBe(404);
    expect(retry.status).toBe(404);
    expect(await errorCode(retry)).toBe('grant_not_found');
  });

  it('answers 409 grant_in_use, naming how many links use it, and keeps it', async () => {
    // Prepare
    const tenant = aTenant('grant-in-use');
    const { grantId, user } = await linkThroughApi(tenant);
    const second = await api('/links', {
      tenant,
      body: { grantId, pageId: user.pageIds[1], phoneNumberId: user.phoneNumberIds[1] },
    });
    expect(second.status).toBe(201);

    // Act
    const response = await api(`/grants/${grantId}`, { tenant, method: 'DELETE' });

    // Assess
    expect(response.status).toBe(409);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: { links: number } };
    };
    expect(body.error).toMatchObject({ code: 'grant_in_use', details: { links: 2 } });
    expect(body.error.message).toContain('used by 2 links');
    expect(await revocationsOf(user.userId)).toBe(0);
    expect((await api(`/grants/${grantId}/assets`, { tenant })).status).toBe(200);
  });

  it("does not revoke the app while the Meta user's links elsewhere need it", async () => {
    // Prepare: the same Facebook user links a Page in one tenant and only signs in to another.
    const { user } = await linkThroughApi(aTenant('grant-kept-linked'));
    const tenant = aTenant('grant-kept');
    const { grantId } = await signInForGrant(tenant, { user });

    // Act
    const response = await api(`/grants/${grantId}`, { tenant, method: 'DELETE' });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ grantId, revocation: 'not_needed' });
    expect(await revocationsOf(user.userId)).toBe(0);
    expect((await api(`/grants/${grantId}/assets`, { tenant })).status).toBe(404);
  });

  it('refuses a malformed grant id with 400', async () => {
    // Act
    const response = await api('/grants/42', { tenant: aTenant('bad'), method: 'DELETE' });

    // Assess
    expect(response.status).toBe(400);
  });
});

describe('Route: POST /links', () => {
  it('links a Page and a number: active, sync off, hours flagged', async () => {
    // Prepare
    const tenant = aTenant('create');

    // Act
    const { link, user } = await linkThroughApi(tenant);

    // Assess
    expect(link).toMatchObject({
      pageId: user.pageIds[0],
      phoneNumberId: user.phoneNumberIds[0],
      wabaId: user.wabaId,
      status: 'active',
      version: 1,
      sync: { enabled: false },
      unsupported: [{ field: 'hours' }],
    });
    expect(link.linkId).toMatch(/^lnk_[0-9a-f]{32}$/);
    expect(link).not.toHaveProperty('tenantId');
    // Meta sends a Page's webhooks only once the app subscribed it to their fields.
    expect(link.webhooks).toEqual({ subscribed: true });
    const page = (await (await sandbox(`/_admin/pages/${link.pageId}`)).json()) as {
      subscribed_fields: string[];
    };
    expect(page.subscribed_fields).toEqual(expect.arrayContaining([...PAGE_WEBHOOK_FIELDS]));
  });

  it('answers 409 when the Page is already linked', async () => {
    // Prepare
    const tenant = aTenant('duplicate');
    const { grantId, user } = await linkThroughApi(tenant);

    // Act
    const response = await api('/links', {
      tenant,
      body: { grantId, pageId: user.pageIds[0], phoneNumberId: user.phoneNumberIds[1] },
    });

    // Assess
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('page_already_linked');
  });

  it('answers 409 when the number is already linked', async () => {
    // Prepare
    const tenant = aTenant('duplicate-number');
    const { grantId, user } = await linkThroughApi(tenant);

    // Act
    const response = await api('/links', {
      tenant,
      body: { grantId, pageId: user.pageIds[1], phoneNumberId: user.phoneNumberIds[0] },
    });

    // Assess
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('phone_number_already_linked');
  });

  it('lets exactly one of many concurrent requests link the same pair', async () => {
    // Prepare
    const tenant = aTenant('concurrent');
    const { grantId, user } = await signInForGrant(tenant);
    const body = { grantId, pageId: user.pageIds[0], phoneNumberId: user.phoneNumberIds[0] };

    // Act
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => api('/links', { tenant, body }))
    );

    // Assess
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const links = (await (await api('/links', { tenant })).json()) as { items: unknown[] };
    expect(links.items).toHaveLength(1);
  });

  it('answers 404 for a Page the grant does not reach', async () => {
    // Prepare
    const tenant = aTenant('unreachable');
    const { grantId, user } = await signInForGrant(tenant);

    // Act
    const response = await api('/links', {
      tenant,
      body: { grantId, pageId: '300000000000001', phoneNumberId: user.phoneNumberIds[0] },
    });

    // Assess
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('page_not_reachable');
  });

  it('asks to re-link when Meta says the token expired', async () => {
    // Prepare
    const tenant = aTenant('expired-token');
    const { grantId, user } = await signInForGrant(tenant);
    await sandboxJson('/_admin/tokens/expire', { userId: user.userId });

    // Act
    const response = await api('/links', {
      tenant,
      body: { grantId, pageId: user.pageIds[0], phoneNumberId: user.phoneNumberIds[0] },
    });

    // Assess
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('meta_token_invalid');
    expect(body.error.message).toMatch(/Re-link/);
  });

  it.each([
    ['an unknown field', { grantId: 'grt_x', pageId: '1', phoneNumberId: '2', extra: true }],
    [
      'a non-numeric Page id',
      { grantId: `grt_${'0'.repeat(32)}`, pageId: 'abc', phoneNumberId: '2' },
    ],
    ['a missing number', { grantId: `grt_${'0'.repeat(32)}`, pageId: '1' }],
  ])('refuses %s with 400', async (_, body) => {
    // Act
    const response = await api('/links', { tenant: aTenant('bad'), body });

    // Assess
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('invalid_request');
  });

  it('refuses malformed JSON with 400', async () => {
    // Act
    const response = await api('/links', {
      tenant: aTenant('bad'),
      body: '{"grantId":',
      headers: { 'content-type': 'application/json' },
    });

    // Assess
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('malformed_json');
  });

  it('refuses a body over 8 KB with 413', async () => {
    // Act
    const response = await api('/links', {
      tenant: aTenant('bad'),
      body: { grantId: 'x'.repeat(9000) },
    });

    // Assess
    expect(response.status).toBe(413);
  });

  it('refuses a form-encoded body with 415', async () => {
    // Act
    const response = await api('/links', {
      tenant: aTenant('bad'),
      body: 'grantId=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    // Assess
    expect(response.status).toBe(415);
  });
});

describe('Route: GET /links', () => {
  it('pages through the tenant’s links', async () => {
    // Prepare
    const tenant = aTenant('list');
    const { grantId, user } = await signInForGrant(tenant);
    for (const index of [0, 1]) {
      const response = await api('/links', {
        tenant,
        body: { grantId, pageId: user.pageIds[index], phoneNumberId: user.phoneNumberIds[index] },
      });
      expect(response.status).toBe(201);
    }

    // Act
    const first = (await (await api('/links?limit=1', { tenant })).json()) as {
      items: LinkJson[];
      nextCursor?: string;
    };
    const second = (await (
      await api(`/links?limit=1&cursor=${first.nextCursor}`, { tenant })
    ).json()) as { items: LinkJson[]; nextCursor?: string };

    // Assess
    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.linkId).not.toBe(first.items[0]?.linkId);
    const third = (await (
      await api(`/links?limit=1&cursor=${second.nextCursor ?? ''}`, { tenant })
    ).json()) as { items: LinkJson[]; nextCursor?: string };
    expect(third.nextCursor).toBeUndefined();
    expect(third.items).toHaveLength(0);
  });

  it.each([
    ['a limit over 100', '/links?limit=101'],
    ['an unknown parameter', '/links?sort=name'],
    ['a forged cursor', '/links?cursor=eyJwayI6IlRFTkFOVCNvdGhlciIsInNrIjoiTElOSyMifQ'],
  ])('refuses %s with 400', async (_, path) => {
    // Act
    const response = await api(path, { tenant: aTenant('list-bad') });

    // Assess
    expect(response.status).toBe(400);
  });
});

describe('Route: PATCH /links/{linkId}', () => {
  it('turns sync on and opts a field out, with If-Match', async () => {
    // Prepare
    const tenant = aTenant('patch');
    const { link } = await linkThroughApi(tenant);
    const read = await api(`/links/${link.linkId}`, { tenant });
    const etag = read.headers.get('etag') ?? '';

    // Act
    const response = await api(`/links/${link.linkId}`, {
      tenant,
      method: 'PATCH',
      headers: { 'if-match': etag },
      body: { sync: { enabled: true, fields: { email: false } } },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const updated = (await response.json()) as LinkJson;
    expect(updated.sync.enabled).toBe(true);
    expect(updated.sync.fields).toMatchObject({ email: false, about: true });
  });

  it('answers 409 for a stale version', async () => {
    // Prepare
    const tenant = aTenant('patch-stale');
    const { link } = await linkThroughApi(tenant);
    await api(`/links/${link.linkId}`, {
      tenant,
      method: 'PATCH',
      body: { version: 1, sync: { enabled: true } },
    });

    // Act
    const response = await api(`/links/${link.linkId}`, {
      tenant,
      method: 'PATCH',
      body: { version: 1, sync: { enabled: false } },
    });

    // Assess
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('version_mismatch');
  });

  it.each([
    ['an unknown sync field', { sync: { fields: { hours: true } } }],
    ['a non-boolean', { sync: { enabled: 'yes' } }],
    ['nothing to change', { sync: {} }],
  ])('refuses %s with 400', async (_, body) => {
    // Prepare
    const tenant = aTenant('patch-bad');
    const { link } = await linkThroughApi(tenant);

    // Act
    const response = await api(`/links/${link.linkId}`, { tenant, method: 'PATCH', body });

    // Assess
    expect(response.status).toBe(400);
  });

  it('refuses a malformed If-Match with 400', async () => {
    // Prepare
    const tenant = aTenant('patch-if-match');
    const { link } = await linkThroughApi(tenant);

    // Act
    const response = await api(`/links/${link.linkId}`, {
      tenant,
      method: 'PATCH',
      headers: { 'if-match': 'yesterday' },
      body: { sync: { enabled: true } },
    });

    // Assess
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('invalid_if_match');
  });
});

describe('Route: DELETE /links/{linkId}', () => {
  it('unlinks, deletes the grant and revokes the app on Meta after the last link', async () => {
    // Prepare
    const tenant = aTenant('unlink');
    const { link, user } = await linkThroughApi(tenant);

    // Act
    const response = await api(`/links/${link.linkId}`, { tenant, method: 'DELETE' });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      linkId: link.linkId,
      grantDeleted: true,
      revocation: 'revoked',
      webhooks: 'unsubscribed',
      // The user's last link of the WABA: the app's subscription to its webhooks ends too.
      wabaWebhooks: 'unsubscribed',
      adOperationsDeleted: 0,
      storyOperationsDeleted: 0,
    });
    const page = (await (await sandbox(`/_admin/pages/${link.pageId}`)).json()) as {
      subscribed_fields: string[];
    };
    expect(page.subscribed_fields).toEqual([]);
    expect((await api(`/links/${link.linkId}`, { tenant })).status).toBe(404);
    const grants = (await (await api('/grants', { tenant })).json()) as { items: unknown[] };
    expect(grants.items).toEqual([]);
    const requests = (await (await sandbox('/_admin/requests')).json()) as {
      requests: { method: string; path: string; status: number }[];
    };
    expect(
      requests.requests.some(
        (request) =>
          request.method === 'DELETE' &&
          request.path.endsWith(`/${user.userId}/permissions`) &&
          request.status === 200
      )
    ).toBe(true);
    // The Page and number are free again: the same user signs in again and links them.
    const again = await signInForGrant(tenant, { user });
    const relinked = await api('/links', {
      tenant,
      body: { grantId: again.grantId, pageId: link.pageId, phoneNumberId: link.phoneNumberId },
    });
    expect(relinked.status).toBe(201);
  });

  it("deletes the link's ad operations, and only its own", async () => {
    // Prepare
    const tenant = aTenant('unlink-ads');
    const { link, user } = await linkThroughApi(tenant, { adAccount: true });
    const other = await linkThroughApi(tenant, { adAccount: true });
    const operation = await createPausedAd(tenant, link.linkId, user.adAccountId ?? '');
    const kept = await createPausedAd(tenant, other.link.linkId, other.user.adAccountId ?? '');

    // Act
    const response = await api(`/links/${link.linkId}`, { tenant, method: 'DELETE' });

    // Assess
    expect(await response.json()).toMatchObject({ adOperationsDeleted: 1 });
    expect(await adOperation(operation)).toBeUndefined();
    expect(await adOperation(kept)).toBeDefined();
  });

  it('keeps the grant while another link uses it', async () => {
    // Prepare
    const tenant = aTenant('unlink-shared');
    const { link, grantId, user } = await linkThroughApi(tenant);
    const second = await api('/links', {
      tenant,
      body: { grantId, pageId: user.pageIds[1], phoneNumberId: user.phoneNumberIds[1] },
    });
    expect(second.status).toBe(201);

    // Act
    const response = await api(`/links/${link.linkId}`, { tenant, method: 'DELETE' });

    // Assess
    expect(await response.json()).toMatchObject({ grantDeleted: false, revocation: 'not_needed' });
    const assets = await api(`/grants/${grantId}/assets`, { tenant });
    expect(assets.status).toBe(200);
  });

  it('answers 404 the second time', async () => {
    // Prepare
    const tenant = aTenant('unlink-twice');
    const { link } = await linkThroughApi(tenant);
    await api(`/links/${link.linkId}`, { tenant, method: 'DELETE' });

    // Act
    const response = await api(`/links/${link.linkId}`, { tenant, method: 'DELETE' });

    // Assess
    expect(response.status).toBe(404);
  });

  it('refuses a malformed link id with 400', async () => {
    // Act
    const response = await api('/links/42', { tenant: aTenant('bad'), method: 'DELETE' });

    // Assess
    expect(response.status).toBe(400);
  });
});
