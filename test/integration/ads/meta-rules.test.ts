import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../helpers/system.js';
import { adBody, bodyOf, countLive, graph, type Linked, linkedTenant } from './linked.js';

/**
 * Meta's rules for new ads, end to end against the sandbox (which enforces them from Meta's codegen
 * specs and cited docs): what Graph versions from v23.0 and v24.0 require of campaigns and ad sets,
 * and what the EU's Digital Services Act requires of ads that reach the EU.
 */

let linked: Linked;

beforeEach(async () => {
  linked = await linkedTenant();
});

const createAd = (body: unknown) =>
  api(`/links/${linked.linkId}/ads`, {
    tenant: linked.tenant,
    headers: { 'idempotency-key': `key-${randomBytes(8).toString('hex')}` },
    body,
  });

const inFrance = (overrides: Record<string, unknown> = {}) =>
  adBody(linked, { targeting: { countries: ['FR', 'US'] }, ...overrides });

describe("Function: createClickToWhatsAppAd against Meta's rules", () => {
  it('says whether the campaign shares its ad sets’ budget and whether Advantage+ audience is on', async () => {
    // Act
    const response = await createAd(adBody(linked));

    // Assess
    expect(response.status).toBe(201);
    const { created } = await bodyOf(response);
    const campaign = await graph(
      linked.token,
      `${created.campaignId}?fields=is_adset_budget_sharing_enabled`
    );
    expect(campaign.body.is_adset_budget_sharing_enabled).toBe(false);
    const adSet = await graph<{ targeting: Record<string, unknown> }>(
      linked.token,
      `${created.adSetId}?fields=targeting`
    );
    expect(adSet.body.targeting.targeting_automation).toEqual({ advantage_audience: 0 });
  });

  it('turns Advantage+ audience on when asked', async () => {
    // Act
    const response = await createAd(
      adBody(linked, { targeting: { countries: ['US'], advantageAudience: true } })
    );

    // Assess
    expect(response.status).toBe(201);
    const adSet = await graph<{ targeting: Record<string, unknown> }>(
      linked.token,
      `${(await bodyOf(response)).created.adSetId}?fields=targeting`
    );
    expect(adSet.body.targeting.targeting_automation).toEqual({ advantage_audience: 1 });
  });

  it('answers 400 dsa_required with Meta’s recommendations for an EU ad without beneficiary and payor, and creates nothing', async () => {
    // Act
    const response = await createAd(inFrance());

    // Assess
    expect(response.status).toBe(400);
    const { error } = await bodyOf(response);
    expect(error.code).toBe('dsa_required');
    expect(error.message).toMatch(/FR/);
    expect(error.details).toMatchObject({
      countries: ['FR'],
      recommendations: expect.arrayContaining([expect.any(String)]),
    });
    expect(await countLive(linked)).toEqual({ campaigns: 0, adsets: 0, adcreatives: 0, ads: 0 });
  });

  it('names the beneficiary and payor the request gives, and says the ad runs outside WhatsApp Status there', async () => {
    // Act
    const response = await createAd(
      inFrance({ dsa: { beneficiary: 'Demo Bakery SARL', payor: 'Demo Bakery Ltd' } })
    );

    // Assess
    expect(response.status).toBe(201);
    const body = await bodyOf(response);
    expect(body.notes).toEqual([expect.stringMatching(/WhatsApp Status in FR/)]);
    const adSet = await graph(
      linked.token,
      `${body.created.adSetId}?fields=dsa_beneficiary,dsa_payor`
    );
    expect(adSet.body).toMatchObject({
      dsa_beneficiary: 'Demo Bakery SARL',
      dsa_payor: 'Demo Bakery Ltd',
    });
  });

  it("falls back on the ad account's DSA defaults", async () => {
    // Prepare
    await graph(linked.token, linked.adAccountId, {
      form: { default_dsa_beneficiary: 'Bakery Beneficiary', default_dsa_payor: 'Bakery Payor' },
    });

    // Act
    const response = await createAd(inFrance());

    // Assess
    expect(response.status).toBe(201);
    const adSet = await graph(
      linked.token,
      `${(await bodyOf(response)).created.adSetId}?fields=dsa_beneficiary,dsa_payor`
    );
    expect(adSet.body).toMatchObject({
      dsa_beneficiary: 'Bakery Beneficiary',
      dsa_payor: 'Bakery Payor',
    });
  });

  it('answers 400 country_not_available for a country WhatsApp Business does not serve', async () => {
    // Act
    const response = await createAd(adBody(linked, { targeting: { countries: ['US', 'IR'] } }));

    // Assess
    expect(response.status).toBe(400);
    const { error } = await bodyOf(response);
    expect(error.code).toBe('country_not_available');
    expect(error.details).toMatchObject({ refusedCountries: ['IR'] });
    expect((await countLive(linked)).campaigns).toBe(0);
  });
});
