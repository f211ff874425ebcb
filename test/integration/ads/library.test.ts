import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { solidPng } from '../../../infra/local/meta-sandbox/src/png.js';
import { api } from '../../helpers/system.js';
import { ALL_SCOPES, adBody, bodyOf, graph, type Linked, linkedTenant } from './linked.js';

/**
 * The ad library routes end to end: an image goes from the client's bytes through Tandem into the
 * ad account's library on the sandbox, and its hash makes an ad; the DSA names come from Meta.
 */

let linked: Linked;

beforeEach(async () => {
  linked = await linkedTenant();
});

const uploadImage = (
  target: Linked,
  body: Uint8Array | string,
  contentType = 'image/png',
  adAccountId = target.adAccountId,
  tenant = target.tenant
) =>
  api(`/links/${target.linkId}/ads/images?adAccountId=${encodeURIComponent(adAccountId)}`, {
    tenant,
    body,
    headers: { 'content-type': contentType },
  });

describe('Route: POST /links/{linkId}/ads/images', () => {
  it("puts the image in the ad account's library and answers the hash an ad then uses", async () => {
    // Prepare
    const png = solidPng(randomBytes(4).toString('hex'), 32);

    // Act
    const response = await uploadImage(linked, png);
    const body = await bodyOf(response);
    const created = await bodyOf(
      await api(`/links/${linked.linkId}/ads`, {
        tenant: linked.tenant,
        headers: { 'idempotency-key': `key-${randomBytes(8).toString('hex')}` },
        body: adBody(linked, {
          creative: { ...adBody(linked).creative, image: { hash: body.imageHash } },
        }),
      })
    );

    // Assess
    expect(response.status).toBe(201);
    expect(body).toEqual({ adAccountId: linked.adAccountId, imageHash: expect.any(String) });
    // The sandbox, like Meta, refuses a creative whose hash is not in the account's library.
    expect(created.status).toBe('completed');
    expect(created.created.imageHash).toBe(body.imageHash);
  });

  it('answers 415 for a body that is not declared a JPEG or PNG', async () => {
    // Act
    const response = await uploadImage(linked, '{"url":"https://x.example/a.png"}', 'text/plain');

    // Assess
    expect(response.status).toBe(415);
  });

  it('answers 400 image_unusable for bytes that are not an image, whatever they claim', async () => {
    // Act
    const response = await uploadImage(linked, Buffer.from('not a picture'), 'image/jpeg');

    // Assess
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).error.code).toBe('image_unusable');
  });

  it('answers 400 for an ad account id that is not one', async () => {
    // Act
    const response = await uploadImage(linked, solidPng('aa', 8), 'image/png', '../me');

    // Assess
    expect(response.status).toBe(400);
  });

  it("answers 404 for another tenant's link", async () => {
    // Act
    const response = await uploadImage(linked, solidPng('ab', 8), 'image/png', undefined, 'other');

    // Assess
    expect(response.status).toBe(404);
  });

  it('answers 403 ads_permission_missing when ads_management was not granted', async () => {
    // Prepare
    const narrow = await linkedTenant({
      ticked: ALL_SCOPES.filter((scope) => scope !== 'ads_management'),
    });

    // Act
    const response = await uploadImage(narrow, solidPng('ac', 8));

    // Assess
    expect(response.status).toBe(403);
    expect((await bodyOf(response)).error.code).toBe('ads_permission_missing');
  });
});

describe('Route: GET /links/{linkId}/ads/dsa-recommendations', () => {
  it('answers the names Meta recommends for the ad account', async () => {
    // Prepare
    const account = await graph<{ name: string }>(
      linked.token,
      `${linked.adAccountId}?fields=name`
    );

    // Act
    const response = await api(
      `/links/${linked.linkId}/ads/dsa-recommendations?adAccountId=${linked.adAccountId}`,
      { tenant: linked.tenant }
    );

    // Assess
    expect(response.status).toBe(200);
    const body = await bodyOf(response);
    expect(body.adAccountId).toBe(linked.adAccountId);
    expect(body.recommendations).toContain(account.body.name.replace(/ Ads$/, ''));
  });

  it('answers 400 without an ad account', async () => {
    // Act
    const response = await api(`/links/${linked.linkId}/ads/dsa-recommendations`, {
      tenant: linked.tenant,
    });

    // Assess
    expect(response.status).toBe(400);
  });
});
