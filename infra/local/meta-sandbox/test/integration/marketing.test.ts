import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { solidPng } from '../../src/png.js';
import { DEMO } from '../../src/seed.js';
import type { Sandbox } from '../../src/server.js';
import { admin, type GraphErrorBody, graph, login, startTestSandbox } from './helpers.js';

let sandbox: Sandbox;
let token: string;

const ACT = DEMO.adAccountId;
const TARGETING = JSON.stringify({
  geo_locations: { countries: ['US'] },
  age_min: 18,
  age_max: 65,
});

const post = <T = Record<string, unknown>>(path: string, form: Record<string, string>) =>
  graph<T>(sandbox, path, { token, form });

const createCampaign = async (overrides: Record<string, string> = {}) =>
  post<{ id: string }>(`/${ACT}/campaigns`, {
    name: 'CTWA campaign',
    objective: 'OUTCOME_ENGAGEMENT',
    special_ad_categories: '[]',
    is_adset_budget_sharing_enabled: 'false',
    status: 'PAUSED',
    ...overrides,
  });

const adSetForm = (
  campaignId: string,
  overrides: Record<string, string> = {}
): Record<string, string> => ({
  campaign_id: campaignId,
  name: 'CTWA ad set',
  destination_type: 'WHATSAPP',
  billing_event: 'IMPRESSIONS',
  optimization_goal: 'CONVERSATIONS',
  bid_strategy: 'LOWEST_COST_WITHOUT_CAP',
  daily_budget: '1000',
  promoted_object: JSON.stringify({
    page_id: DEMO.pageId,
    whatsapp_phone_number: DEMO.pageWhatsappNumber,
  }),
  targeting: TARGETING,
  status: 'PAUSED',
  ...overrides,
});

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
  token = await login(sandbox);
});

describe('Sandbox: Marketing API', () => {
  it('reads the ad account', async () => {
    // Act
    const reply = await graph(sandbox, `/${ACT}?fields=currency,account_status,name`, { token });

    // Assess
    expect(reply.body).toEqual({
      id: ACT,
      currency: 'USD',
      account_status: 1,
      name: 'Demo Bakery Ads',
    });
  });

  it('creates a paused Click-to-WhatsApp campaign, ad set, creative and ad', async () => {
    // Prepare
    const image = await post<{ images: Record<string, { hash: string; url: string }> }>(
      `/${ACT}/adimages`,
      { bytes: solidPng('ad', 32).toString('base64') }
    );
    // Graph keys an upload by its name, and an upload by bytes is named "bytes".
    const hash = image.body.images.bytes?.hash ?? '';

    // Act
    const campaign = await createCampaign();
    const adset = await post<{ id: string }>(`/${ACT}/adsets`, adSetForm(campaign.body.id));
    const creative = await graph<{ id: string }>(sandbox, `/${ACT}/adcreatives`, {
      token,
      json: {
        name: 'CTWA creative',
        object_story_spec: {
          page_id: DEMO.pageId,
          link_data: {
            message: 'Order your cake on WhatsApp',
            image_hash: hash,
            link: 'https://api.whatsapp.com/send',
            call_to_action: { type: 'WHATSAPP_MESSAGE', value: { app_destination: 'WHATSAPP' } },
          },
        },
      },
    });
    const ad = await post<{ id: string }>(`/${ACT}/ads`, {
      name: 'CTWA ad',
      adset_id: adset.body.id,
      creative: JSON.stringify({ creative_id: creative.body.id }),
      status: 'PAUSED',
    });
    const read = await graph(
      sandbox,
      `/${ad.body.id}?fields=name,status,effective_status,adset_id,campaign_id,creative`,
      { token }
    );

    // Assess
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    for (const reply of [campaign, adset, creative, ad]) expect(reply.status).toBe(200);
    expect(read.body).toMatchObject({
      name: 'CTWA ad',
      status: 'PAUSED',
      adset_id: adset.body.id,
      campaign_id: campaign.body.id,
      creative: { id: creative.body.id },
    });
  });

  it('lists objects newest first, an ad set under its campaign, updates and deletes them', async () => {
    // Prepare
    const campaign = await createCampaign({ name: 'tandem:link-42' });
    const newer = await createCampaign({ name: 'someone else' });
    const adset = await post<{ id: string }>(`/${ACT}/adsets`, adSetForm(campaign.body.id));

    // Act
    const found = await graph<{ data: { id: string; name: string }[] }>(
      sandbox,
      `/${ACT}/campaigns?fields=name,status`,
      { token }
    );
    const children = await graph<{ data: { id: string }[] }>(
      sandbox,
      `/${campaign.body.id}/adsets?fields=id,name`,
      { token }
    );
    const update = await post(`/${campaign.body.id}`, { status: 'ACTIVE' });
    const afterUpdate = await graph(sandbox, `/${campaign.body.id}?fields=status`, { token });
    const removal = await graph(sandbox, `/${campaign.body.id}`, { token, method: 'DELETE' });
    const afterDelete = await graph<{ data: { id: string }[] }>(sandbox, `/${ACT}/campaigns`, {
      token,
    });

    // Assess
    expect(found.body.data.map((item) => item.id)).toEqual([newer.body.id, campaign.body.id]);
    expect(children.body.data.map((item) => item.id)).toEqual([adset.body.id]);
    expect(update.body).toEqual({ success: true });
    expect(afterUpdate.body).toMatchObject({ status: 'ACTIVE' });
    expect(removal.body).toEqual({ success: true });
    expect(afterDelete.body.data.map((item) => item.id)).toEqual([newer.body.id]);
  });

  it('refuses a parameter the edge does not declare, such as filtering on campaigns', async () => {
    // Act
    const filtering = encodeURIComponent(
      JSON.stringify([{ field: 'name', operator: 'EQUAL', value: 'x' }])
    );
    const reply = await graph<GraphErrorBody>(sandbox, `/${ACT}/campaigns?filtering=${filtering}`, {
      token,
    });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 100, type: 'OAuthException' });
    expect(reply.body.error.message).toBe(
      '(#100) Param filtering is not a parameter of GET AdAccount/campaigns'
    );
  });

  it('refuses a campaign without is_adset_budget_sharing_enabled from v24.0, when ad sets hold the budget', async () => {
    // Act
    const form = {
      name: 'Old-style campaign',
      objective: 'OUTCOME_ENGAGEMENT',
      special_ad_categories: '[]',
      status: 'PAUSED',
    };
    const v25 = await post<GraphErrorBody>(`/${ACT}/campaigns`, form);
    const v23 = await post<{ id: string }>(`/v23.0/${ACT}/campaigns`, form);
    const withBudget = await post<{ id: string }>(`/${ACT}/campaigns`, {
      ...form,
      daily_budget: '5000',
    });

    // Assess
    expect(v25.status).toBe(400);
    expect(v25.body.error).toMatchObject({ code: 100 });
    expect(v25.body.error.message).toContain('is_adset_budget_sharing_enabled');
    expect(v23.status).toBe(200);
    expect(withBudget.status).toBe(200);
  });

  it('refuses non-default targeting without an explicit Advantage+ audience flag from v23.0', async () => {
    // Prepare
    const campaign = await createCampaign();
    const narrowed = { geo_locations: { countries: ['US'] }, age_min: 30, age_max: 65 };

    // Act
    const missing = await post<GraphErrorBody>(
      `/${ACT}/adsets`,
      adSetForm(campaign.body.id, { targeting: JSON.stringify(narrowed) })
    );
    const explicit = await post<{ id: string }>(
      `/${ACT}/adsets`,
      adSetForm(campaign.body.id, {
        targeting: JSON.stringify({ ...narrowed, targeting_automation: { advantage_audience: 0 } }),
      })
    );

    // Assess
    expect(missing.status).toBe(400);
    expect(missing.body.error.error_user_title).toBe('Advantage Audience Flag Required');
    expect(explicit.status).toBe(200);
  });

  it('refuses an ad set reaching the EU without a DSA beneficiary and payor', async () => {
    // Prepare
    const campaign = await createCampaign();
    const targeting = JSON.stringify({ geo_locations: { countries: ['US', 'FR'] } });

    // Act
    const missing = await post<GraphErrorBody>(
      `/${ACT}/adsets`,
      adSetForm(campaign.body.id, { targeting })
    );
    const named = await post<{ id: string }>(
      `/${ACT}/adsets`,
      adSetForm(campaign.body.id, {
        targeting,
        dsa_beneficiary: 'Demo Bakery Ltd',
        dsa_payor: 'Demo Bakery Ltd',
      })
    );

    // Assess
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('dsa_beneficiary');
    expect(named.status).toBe(200);
  });

  it('refuses a bad enum value in a nested spec, naming the declared values', async () => {
    // Act
    const reply = await graph<GraphErrorBody>(sandbox, `/${ACT}/adcreatives`, {
      token,
      json: {
        object_story_spec: {
          page_id: DEMO.pageId,
          link_data: { call_to_action: { type: 'WHATSAPP_CHAT' } },
        },
      },
    });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain(
      'Param object_story_spec.link_data.call_to_action.type must be one of {'
    );
  });

  it('needs pages_manage_ads for a creative, besides ads_management', async () => {
    // Prepare
    const withoutPageAds = await login(sandbox, [
      'pages_show_list',
      'pages_read_engagement',
      'ads_management',
    ]);

    // Act
    const reply = await graph<GraphErrorBody>(sandbox, `/${ACT}/adcreatives`, {
      token: withoutPageAds,
      json: {
        object_story_spec: {
          page_id: DEMO.pageId,
          link_data: { call_to_action: { type: 'WHATSAPP_MESSAGE' } },
        },
      },
    });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 200 });
    expect(reply.body.error.message).toContain('pages_manage_ads');
  });

  it('reports the ad account usage on Marketing calls', async () => {
    // Act
    const reply = await graph(sandbox, `/${ACT}?fields=currency`, { token });

    // Assess
    expect(JSON.parse(reply.headers.get('x-ad-account-usage') ?? '{}')).toMatchObject({
      acc_id_util_pct: expect.any(Number),
      reset_time_duration: expect.any(Number),
      ads_api_access_tier: 'standard_access',
    });
  });

  it("answers DSA recommendations and the account's DSA defaults once set", async () => {
    // Act
    await post(`/${ACT}`, {
      default_dsa_beneficiary: 'Demo Bakery Ltd',
      default_dsa_payor: 'Demo Bakery Ltd',
    });
    const account = await graph(
      sandbox,
      `/${ACT}?fields=default_dsa_beneficiary,default_dsa_payor`,
      {
        token,
      }
    );
    const recommendations = await graph<{ data: { recommendations: string[] }[] }>(
      sandbox,
      `/${ACT}/dsa_recommendations`,
      { token }
    );

    // Assess
    expect(account.body).toMatchObject({
      default_dsa_beneficiary: 'Demo Bakery Ltd',
      default_dsa_payor: 'Demo Bakery Ltd',
    });
    expect(recommendations.body.data[0]?.recommendations).toContain('Demo Bakery Ltd');
  });

  it("lists the user's ad accounts with ads_read or ads_management", async () => {
    // Act
    const reply = await graph<{ data: { id: string; currency: string }[] }>(
      sandbox,
      '/me/adaccounts?fields=id,name,currency,account_status',
      { token }
    );

    // Assess
    expect(reply.body.data).toEqual([
      { id: ACT, name: 'Demo Bakery Ads', currency: 'USD', account_status: 1 },
    ]);
  });

  it('rejects an objective the SDK does not declare', async () => {
    // Act
    const reply = await createCampaign({ objective: 'WHATSAPP_CHATS' });

    // Assess
    const error = (reply.body as unknown as GraphErrorBody).error;
    expect(reply.status).toBe(400);
    expect(error.code).toBe(100);
    expect(error.error_user_msg).toContain('WHATSAPP_CHATS');
  });

  it('requires special_ad_categories on a campaign', async () => {
    // Act
    const reply = await post<GraphErrorBody>(`/${ACT}/campaigns`, {
      name: 'x',
      objective: 'OUTCOME_ENGAGEMENT',
    });

    // Assess
    expect(reply.body.error).toMatchObject({ code: 100 });
    expect(reply.body.error.message).toContain('special_ad_categories');
  });

  it('rejects an ad set budget below the minimum', async () => {
    // Prepare
    const campaign = await createCampaign();

    // Act
    const reply = await post<GraphErrorBody>(
      `/${ACT}/adsets`,
      adSetForm(campaign.body.id, { daily_budget: '50' })
    );

    // Assess
    expect(reply.body.error).toMatchObject({
      code: 100,
      error_user_title: 'Your Budget Is Too Low',
    });
  });

  it('rejects a WhatsApp destination when the Page has no linked WhatsApp number', async () => {
    // Prepare
    const campaign = await createCampaign();
    const form = adSetForm(campaign.body.id, {
      promoted_object: JSON.stringify({ page_id: DEMO.annexPageId }),
    });

    // Act
    const reply = await post<GraphErrorBody>(`/${ACT}/adsets`, form);

    // Assess
    expect(reply.body.error).toMatchObject({ code: 100, error_subcode: 2446885 });
    expect(reply.body.error.error_user_msg).toContain(DEMO.annexPageName);
  });

  it('rejects an optimisation goal that does not fit the objective', async () => {
    // Prepare
    const campaign = await createCampaign({ objective: 'OUTCOME_LEADS' });

    // Act
    const reply = await post<GraphErrorBody>(
      `/${ACT}/adsets`,
      adSetForm(campaign.body.id, { optimization_goal: 'LINK_CLICKS' })
    );

    // Assess
    expect(reply.body.error.code).toBe(100);
    expect(reply.body.error.error_user_msg).toContain('CONVERSATIONS');
  });

  it('rejects a creative whose image hash was never uploaded', async () => {
    // Act
    const reply = await graph<GraphErrorBody>(sandbox, `/${ACT}/adcreatives`, {
      token,
      json: {
        object_story_spec: {
          page_id: DEMO.pageId,
          link_data: { image_hash: '0'.repeat(32), call_to_action: { type: 'WHATSAPP_MESSAGE' } },
        },
      },
    });

    // Assess
    expect(reply.body.error).toMatchObject({ code: 100, error_user_title: 'Image Not Found' });
  });

  it('needs ads_management for Marketing objects', async () => {
    // Prepare
    const narrow = await login(sandbox, ['pages_show_list']);

    // Act
    const reply = await graph<GraphErrorBody>(sandbox, `/${ACT}/campaigns`, { token: narrow });

    // Assess
    expect(reply.body.error.message).toContain('ads_management');
  });

  it('answers the same synthetic insights for the same object and dates', async () => {
    // Prepare
    const campaign = await createCampaign();
    const path = `/${campaign.body.id}/insights?fields=spend,impressions,actions,cost_per_action_type&time_range=${encodeURIComponent(
      JSON.stringify({ since: '2026-01-01', until: '2026-01-07' })
    )}`;

    // Act
    const first = await graph<{ data: Record<string, unknown>[] }>(sandbox, path, { token });
    const second = await graph<{ data: Record<string, unknown>[] }>(sandbox, path, { token });

    // Assess
    expect(first.body).toEqual(second.body);
    const row = first.body.data[0] ?? {};
    expect(row).toMatchObject({
      date_start: '2026-01-01',
      date_stop: '2026-01-07',
      spend: expect.stringMatching(/^\d+\.\d{2}$/),
    });
    expect(row.actions).toContainEqual({
      action_type: 'onsite_conversion.messaging_conversation_started_7d',
      value: expect.stringMatching(/^\d+$/),
    });
  });
});
