import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOperationStore } from '../../../functions/adapters/dynamodb/ad-operations.js';
import { createAdInput } from '../../../functions/core/ads/input.js';
import { nameTag, operationIdFor, requestHashOf } from '../../../functions/core/ads/operation.js';
import { api, awsClients, resetBreakers, useSystem } from '../../helpers/system.js';
import {
  ALL_SCOPES,
  adBody,
  admin,
  bodyOf,
  clearFaults,
  countLive,
  createAd,
  type Edge,
  fault,
  graph,
  INVALID_PARAMETER,
  type Linked,
  linkedTenant,
  newKey,
} from './linked.js';

/**
 * Click-to-WhatsApp ad creation end to end: local gateway -> ads Lambda -> DynamoDB Local and the
 * Meta sandbox over HTTP. Every test gets its own sandbox user, Page, number and ad account.
 */

/** The step each Graph write belongs to, and the path a fault must match to hit it. */
const STEP_PATHS: { step: string; edge: Edge; path: string }[] = [
  { step: 'campaign', edge: 'campaigns', path: '/campaigns$' },
  { step: 'adSet', edge: 'adsets', path: '/adsets$' },
  { step: 'creative', edge: 'adcreatives', path: '/adcreatives$' },
  { step: 'ad', edge: 'ads', path: '/ads$' },
];

const operations = () =>
  createOperationStore(awsClients().documents, useSystem().tables.idempotency);

/** How many list reads (name-tag lookups) the sandbox received on the tenant's ad objects. */
const lookups = async (target: Linked): Promise<number> =>
  (
    await admin<{ requests: { method: string; path: string }[] }>('GET', '/requests')
  ).requests.filter(
    (request) =>
      request.method === 'GET' &&
      /\/(campaigns|adsets|adcreatives|ads)$/.test(request.path) &&
      request.path.includes(target.adAccountId.replace(/^act_/, ''))
  ).length;

let linked: Linked;

beforeEach(async () => {
  // Each test fails Meta calls of a fresh tenant: a breaker opened by earlier files' failures
  // plus these would answer 503 meta_outage instead of the behaviour under test.
  await resetBreakers();
  linked = await linkedTenant();
});

afterEach(async () => {
  await clearFaults();
});

describe('Function: createClickToWhatsAppAd', () => {
  it('creates a paused campaign, ad set, creative and ad in the sandbox, and replays the result', async () => {
    // Prepare
    const key = newKey();

    // Act
    const response = await createAd(linked, key);
    const body = await bodyOf(response);
    const replay = await createAd(linked, key);

    // Assess
    expect(response.status).toBe(201);
    expect(body).toMatchObject({
      status: 'completed',
      idempotencyKey: key,
      adAccountId: linked.adAccountId,
      adStatus: 'PAUSED',
      created: {
        imageHash: linked.imageHash,
        campaignId: expect.any(String),
        adSetId: expect.any(String),
        creativeId: expect.any(String),
        adId: expect.any(String),
      },
    });
    expect(response.headers.get('location')).toBe(
      `/links/${linked.linkId}/ads/${body.operationId}`
    );
    const campaign = await graph(
      linked.token,
      `${body.created.campaignId}?fields=status,objective`
    );
    expect(campaign.body).toMatchObject({ status: 'PAUSED', objective: 'OUTCOME_ENGAGEMENT' });
    const adSet = await graph(
      linked.token,
      `${body.created.adSetId}?fields=status,destination_type,promoted_object,campaign_id`
    );
    expect(adSet.body).toMatchObject({
      status: 'PAUSED',
      destination_type: 'WHATSAPP',
      campaign_id: body.created.campaignId,
      promoted_object: { page_id: linked.pageId, whatsapp_phone_number: linked.numberDigits },
    });
    const ad = await graph(linked.token, `${body.created.adId}?fields=status,adset_id,creative`);
    expect(ad.body).toMatchObject({
      status: 'PAUSED',
      adset_id: body.created.adSetId,
      creative: { id: body.created.creativeId },
    });
    expect(await countLive(linked)).toEqual({ campaigns: 1, adsets: 1, adcreatives: 1, ads: 1 });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await bodyOf(replay)).toEqual(body);
  });

  it('reads the operation back by operation id and by Idempotency-Key', async () => {
    // Prepare
    const key = newKey();
    const created = await bodyOf(await createAd(linked, key));

    // Act
    const byId = await api(`/links/${linked.linkId}/ads/${created.operationId}`, {
      tenant: linked.tenant,
    });
    const byKey = await api(`/links/${linked.linkId}/ads/${key}`, { tenant: linked.tenant });
    const otherTenant = await api(`/links/${linked.linkId}/ads/${key}`, { tenant: 'someone-else' });

    // Assess
    expect(byId.status).toBe(200);
    expect(await bodyOf(byId)).toEqual(created);
    expect(await bodyOf(byKey)).toEqual(created);
    expect(otherTenant.status).toBe(404);
  });

  it('refuses the same key with another body', async () => {
    // Prepare
    const key = newKey();
    await createAd(linked, key);

    // Act
    const response = await createAd(linked, key, adBody(linked, { name: 'Summer bread' }));

    // Assess
    expect(response.status).toBe(409);
    expect((await bodyOf(response)).error.code).toBe('idempotency_key_reused');
    expect((await countLive(linked)).campaigns).toBe(1);
  });

  it('adopts a campaign Meta created whose answer was lost, instead of creating a second', async () => {
    // Prepare: a call that crashed while Meta created its campaign: its record holds the image,
    // its lease ran out, and the campaign exists on Meta, tagged with the operation, unrecorded.
    const key = newKey();
    const operationId = operationIdFor(linked.tenant, key);
    const body = adBody(linked);
    const started = new Date(Date.now() - 10 * 60_000).toISOString();
    await operations().create({
      operationId,
      tenantId: linked.tenant,
      linkId: linked.linkId,
      idempotencyKey: key,
      requestHash: requestHashOf(linked.linkId, createAdInput.parse(body)),
      status: 'in_progress',
      lease: { owner: 'crashed-call', expiresAt: started },
      adAccountId: linked.adAccountId,
      imageSource: 'given',
      adStatus: 'PAUSED',
      progress: { imageHash: linked.imageHash },
      attempts: 1,
      createdAt: started,
      updatedAt: started,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      version: 2,
    });
    const orphan = await graph<{ id: string }>(linked.token, `${linked.adAccountId}/campaigns`, {
      form: {
        name: `Winter bread [${nameTag(operationId)}]`,
        objective: 'OUTCOME_ENGAGEMENT',
        special_ad_categories: '[]',
        status: 'PAUSED',
        is_adset_budget_sharing_enabled: 'false',
      },
    });
    expect(orphan.status).toBe(200);

    // Act
    const response = await createAd(linked, key, body);

    // Assess
    expect(response.status).toBe(201);
    expect((await bodyOf(response)).created.campaignId).toBe(orphan.body.id);
    expect((await countLive(linked)).campaigns).toBe(1);
  });

  it('looks nothing up on a first call: no earlier call can have created its objects', async () => {
    // Prepare
    const before = await lookups(linked);

    // Act
    const response = await createAd(linked, newKey());

    // Assess
    expect(response.status).toBe(201);
    expect(await lookups(linked)).toBe(before);
    // The count does see list reads: reading the account's objects adds to it.
    await countLive(linked);
    expect(await lookups(linked)).toBeGreaterThan(before);
  });

  describe('pre-checks', () => {
    const expectNothingCreated = async () =>
      expect(await countLive(linked)).toEqual({ campaigns: 0, adsets: 0, adcreatives: 0, ads: 0 });

    it('answers 409 page_not_linked_to_whatsapp when the Page has no number on Meta', async () => {
      // Prepare
      await admin('PATCH', `/pages/${linked.pageId}`, { whatsapp_number: null });

      // Act
      const response = await createAd(linked, newKey());

      // Assess
      expect(response.status).toBe(409);
      const body = await bodyOf(response);
      expect(body.error.code).toBe('page_not_linked_to_whatsapp');
      expect(body.error.message).toMatch(/Linked accounts > WhatsApp/);
      // The same classification as the link's metaLink, with the route that fixes it.
      expect(body.error.details).toMatchObject({
        metaLink: 'missing',
        fix: { method: 'PUT', path: `/links/${linked.linkId}/meta-link` },
      });
      await expectNothingCreated();
    });

    it('answers 409 page_not_linked_to_whatsapp when the Page is linked to another number', async () => {
      // Prepare
      await admin('PATCH', `/pages/${linked.pageId}`, { whatsapp_number: '15559998877' });

      // Act
      const response = await createAd(linked, newKey());

      // Assess
      expect(response.status).toBe(409);
      const body = await bodyOf(response);
      expect(body.error).toMatchObject({
        code: 'page_not_linked_to_whatsapp',
        details: { linkedNumber: '15559998877', expectedNumber: linked.numberDigits },
      });
      await expectNothingCreated();
    });

    it('answers 403 ads_permission_missing when ads_management was not granted', async () => {
      // Prepare
      linked = await linkedTenant({
        ticked: ALL_SCOPES.filter((scope) => scope !== 'ads_management'),
      });

      // Act
      const response = await createAd(linked, newKey());

      // Assess
      expect(response.status).toBe(403);
      const body = await bodyOf(response);
      expect(body.error.code).toBe('ads_permission_missing');
      expect(body.error.message).toMatch(/Sign in again and grant "ads_management"/);
      expect(body.error.message).toMatch(/login configuration must include it/);
    });

    it.each([
      ['an unknown ad account', 'act_123456789'],
      ["another user's ad account", 'act_600000000000001'],
    ])('answers 404 ad_account_not_found for %s', async (_case, adAccountId) => {
      // Act
      const response = await createAd(linked, newKey(), adBody(linked, { adAccountId }));

      // Assess
      expect(response.status).toBe(404);
      expect((await bodyOf(response)).error.code).toBe('ad_account_not_found');
      await expectNothingCreated();
    });

    it("answers 400 country_not_available for a country the deployment's policy denies", async () => {
      // Act
      const response = await createAd(
        linked,
        newKey(),
        adBody(linked, { targeting: { countries: ['US', 'IR'] } })
      );

      // Assess
      expect(response.status).toBe(400);
      const body = await bodyOf(response);
      expect(body.error).toMatchObject({
        code: 'country_not_available',
        details: { refusedCountries: ['IR'] },
      });
      await expectNothingCreated();
    });

    it("answers 404 for another tenant's link", async () => {
      // Act
      const response = await createAd(linked, newKey(), adBody(linked), 'someone-else');

      // Assess
      expect(response.status).toBe(404);
      expect((await bodyOf(response)).error.code).toBe('link_not_found');
      await expectNothingCreated();
    });

    it('lets the same key succeed once the Page is linked again', async () => {
      // Prepare
      const key = newKey();
      await admin('PATCH', `/pages/${linked.pageId}`, { whatsapp_number: null });
      expect((await createAd(linked, key)).status).toBe(409);
      await admin('PATCH', `/pages/${linked.pageId}`, { whatsapp_number: linked.numberDigits });

      // Act
      const response = await createAd(linked, key);

      // Assess
      expect(response.status).toBe(201);
    });
  });

  describe('faults', () => {
    it.each(STEP_PATHS)(
      'resumes after a transient failure at the $step step with no duplicates',
      async ({ step, path }) => {
        // Prepare
        const key = newKey();
        await fault({
          match: { method: 'POST', path },
          times: 1,
          error: { status: 500, code: 2, isTransient: true },
        });
        const first = await createAd(linked, key);
        const paused = await bodyOf(
          await api(`/links/${linked.linkId}/ads/${key}`, { tenant: linked.tenant })
        );

        // Act
        const second = await createAd(linked, key);

        // Assess
        expect(first.status).toBe(503);
        expect(first.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(paused.status).toBe('incomplete');
        expect(Object.keys(paused.created)).not.toContain(`${step}Id`);
        expect(second.status).toBe(201);
        expect((await bodyOf(second)).status).toBe('completed');
        expect(await countLive(linked)).toEqual({
          campaigns: 1,
          adsets: 1,
          adcreatives: 1,
          ads: 1,
        });
      }
    );

    it('answers 409 operation_in_progress with Retry-After to a concurrent duplicate', async () => {
      // Prepare: hold the first call inside the campaign step long enough for the second to arrive.
      const key = newKey();
      await fault({ match: { method: 'POST', path: '/campaigns$' }, times: 1, latencyMs: 1500 });

      // Act
      const first = createAd(linked, key);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const second = await createAd(linked, key);

      // Assess
      expect(second.status).toBe(409);
      expect((await bodyOf(second)).error.code).toBe('operation_in_progress');
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await first).status).toBe(201);
      expect(await countLive(linked)).toEqual({ campaigns: 1, adsets: 1, adcreatives: 1, ads: 1 });
    });

    it('answers 429 with Retry-After when Meta rate-limits a step, then resumes', async () => {
      // Prepare
      const key = newKey();
      await fault({
        match: { method: 'POST', path: '/adsets$' },
        times: 1,
        rateLimit: { kind: 'ads' },
      });

      // Act
      const first = await createAd(linked, key);
      const second = await createAd(linked, key);

      // Assess
      expect(first.status).toBe(429);
      expect(Number(first.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(second.status).toBe(201);
      expect(await countLive(linked)).toEqual({ campaigns: 1, adsets: 1, adcreatives: 1, ads: 1 });
    });

    it.each(
      STEP_PATHS.map((entry, index) => ({
        ...entry,
        before: STEP_PATHS.slice(0, index)
          .map((earlier) => earlier.step)
          .reverse(),
      }))
    )(
      'cleans up after a permanent error at the $step step and reports exactly what exists',
      async ({ path, before }) => {
        // Prepare
        const key = newKey();
        await fault({
          match: { method: 'POST', path },
          times: 1,
          error: INVALID_PARAMETER,
        });

        // Act
        const response = await createAd(linked, key);
        const body = await bodyOf(response);
        const replay = await createAd(linked, key);

        // Assess
        expect(response.status).toBe(400);
        expect(body).toMatchObject({
          status: 'failed',
          error: { code: 'meta_rejected', message: 'Meta does not accept this.' },
          created: { imageHash: linked.imageHash },
          leftBehind: [],
        });
        expect(body.cleanedUp.map((entry: { step: string }) => entry.step)).toEqual(before);
        for (const entry of body.cleanedUp as { step: string; id: string }[]) {
          expect(entry.id).toBe(body.created[`${entry.step}Id`]);
          const object = await graph(linked.token, `${entry.id}?fields=status`);
          expect(object.body).toMatchObject({ status: 'DELETED' });
        }
        expect(await countLive(linked)).toEqual({
          campaigns: 0,
          adsets: 0,
          adcreatives: 0,
          ads: 0,
        });
        expect(replay.status).toBe(400);
        expect(await bodyOf(replay)).toEqual(body);
      }
    );
  });

  describe('malformed requests', () => {
    it.each([
      ['no Idempotency-Key', undefined, 'idempotency_key_invalid'],
      ['a short Idempotency-Key', 'abc', 'idempotency_key_invalid'],
      ['an Idempotency-Key with spaces', 'not a good key', 'idempotency_key_invalid'],
    ])('answers 400 for %s', async (_case, key, code) => {
      // Act
      const response = await createAd(linked, key);

      // Assess
      expect(response.status).toBe(400);
      const body = await bodyOf(response);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/Idempotency-Key/);
    });

    it.each([
      ['an objective Meta refuses for WhatsApp', { objective: 'MESSAGES' }],
      ['an unknown field', { colour: 'blue' }],
      ['a lifetime budget without an end', { budget: { kind: 'lifetime', amountMinor: 5000 } }],
      ['a lowercase country', { targeting: { countries: ['us'] } }],
    ])('answers 400 for %s before calling Meta', async (_case, overrides) => {
      // Act
      const response = await createAd(linked, newKey(), adBody(linked, overrides));

      // Assess
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).error.code).toBe('invalid_request');
    });

    it('answers 400 for a body that is not JSON', async () => {
      // Act
      const response = await api(`/links/${linked.linkId}/ads`, {
        tenant: linked.tenant,
        body: '{"name": ',
        headers: { 'idempotency-key': newKey(), 'content-type': 'application/json' },
      });

      // Assess
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).error.code).toBe('malformed_json');
    });

    it('answers 413 for an oversized body', async () => {
      // Act
      const response = await createAd(
        linked,
        newKey(),
        adBody(linked, { name: 'x'.repeat(40 * 1024) })
      );

      // Assess
      expect(response.status).toBe(413);
    });
  });

  it.each([
    ['loopback by name', 'https://localhost/ad.png', 'host_not_public'],
    [
      'the instance metadata service',
      'https://169.254.169.254/latest/meta-data/',
      'host_not_public',
    ],
    ['IPv6 loopback', 'https://[::1]/ad.png', 'host_not_public'],
    ['a private network', 'https://10.0.0.7/ad.png', 'host_not_public'],
    ['loopback by address', 'https://127.0.0.1/health', 'host_not_public'],
    ['another port on loopback', 'https://127.0.0.1:8000/', 'url_not_allowed'],
  ])('refuses an image URL to %s with one neutral 400, not a 503', async (_what, url, reason) => {
    // Prepare
    const body = adBody(linked);

    // Act
    const response = await createAd(linked, newKey(), {
      ...body,
      creative: { ...body.creative, image: { url } },
    });

    // Assess
    const answer = await bodyOf(response);
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(answer.error).toMatchObject({ code: 'image_unusable', details: { reason } });
    expect(answer.error.message).not.toMatch(/Meta is temporarily unavailable/);
    expect(await countLive(linked)).toEqual({ campaigns: 0, adsets: 0, adcreatives: 0, ads: 0 });
  });
});
