import { describe, expect, it } from 'vitest';
import { createAdInput } from '../../../../functions/core/ads/input.js';
import {
  adSetParams,
  campaignParams,
  cleanupOrder,
  creativeParams,
  nextStep,
} from '../../../../functions/core/ads/plan.js';

const input = createAdInput.parse({
  adAccountId: '4000000001',
  name: 'Winter bread',
  objective: 'OUTCOME_SALES',
  budget: { kind: 'lifetime', amountMinor: 50000 },
  schedule: { start: '2026-12-01T09:00:00Z', end: '2026-12-31T09:00:00Z' },
  targeting: { countries: ['GB'], interests: [{ id: '6003107902433', name: 'Baking' }] },
  creative: {
    primaryText: 'Warm bread, delivered.',
    headline: 'Order on WhatsApp',
    image: { hash: '0123456789abcdef0123456789abcdef' },
    prefilledMessage: 'Hi! I would like to order.',
  },
});
const target = { pageId: '1001', whatsappNumber: '447700900001' };

describe('Function: nextStep', () => {
  it('walks image, campaign, ad set, creative, ad, then reports completion', () => {
    expect(nextStep({})).toBe('image');
    expect(nextStep({ imageHash: 'h' })).toBe('campaign');
    expect(nextStep({ imageHash: 'h', campaignId: 'c' })).toBe('adSet');
    expect(nextStep({ imageHash: 'h', campaignId: 'c', adSetId: 's' })).toBe('creative');
    expect(nextStep({ imageHash: 'h', campaignId: 'c', adSetId: 's', creativeId: 'r' })).toBe('ad');
    expect(
      nextStep({ imageHash: 'h', campaignId: 'c', adSetId: 's', creativeId: 'r', adId: 'a' })
    ).toBeUndefined();
  });
});

describe('Function: adSetParams', () => {
  it('sends a WhatsApp destination promoting the Page and the number, paused, with a lifetime budget', () => {
    // Act
    const params = adSetParams(input, target, '2001');

    // Assess
    expect(params).toEqual(
      expect.objectContaining({
        campaign_id: '2001',
        destination_type: 'WHATSAPP',
        billing_event: 'IMPRESSIONS',
        optimization_goal: 'CONVERSATIONS',
        lifetime_budget: 50000,
        promoted_object: { page_id: '1001', whatsapp_phone_number: '447700900001' },
        start_time: Date.parse('2026-12-01T09:00:00Z') / 1000,
        end_time: Date.parse('2026-12-31T09:00:00Z') / 1000,
        status: 'PAUSED',
      })
    );
    expect(params.targeting).toEqual({
      geo_locations: { countries: ['GB'] },
      age_min: 18,
      age_max: 65,
      flexible_spec: [{ interests: [{ id: '6003107902433', name: 'Baking' }] }],
      // Interests are not Meta's default targeting: from v23.0 the flag must be explicit.
      targeting_automation: { advantage_audience: 0 },
    });
    expect(params).not.toHaveProperty('dsa_beneficiary');
  });

  it('opts into Advantage+ audience only when the request asks for it', () => {
    // Act
    const params = adSetParams(
      createAdInput.parse({ ...input, targeting: { countries: ['GB'], advantageAudience: true } }),
      target,
      '2001'
    );

    // Assess
    expect(params.targeting.targeting_automation).toEqual({ advantage_audience: 1 });
  });

  it('names the DSA beneficiary and payor when the ad reaches the EU', () => {
    // Act
    const params = adSetParams(
      input,
      { ...target, dsa: { beneficiary: 'Demo Bakery Ltd', payor: 'Demo Bakery Holding' } },
      '2001'
    );

    // Assess
    expect(params).toEqual(
      expect.objectContaining({
        dsa_beneficiary: 'Demo Bakery Ltd',
        dsa_payor: 'Demo Bakery Holding',
      })
    );
  });
});

describe('Function: campaignParams and creativeParams', () => {
  it('creates the campaign with no special ad categories and the creative with a WhatsApp call to action', () => {
    expect(campaignParams(input)).toEqual({
      name: 'Winter bread',
      objective: 'OUTCOME_SALES',
      special_ad_categories: [],
      // The budget is on the ad set: from v24.0 Meta wants budget sharing said explicitly.
      is_adset_budget_sharing_enabled: false,
      status: 'PAUSED',
    });
    const creative = creativeParams(input, target, 'hash');
    expect(creative.object_story_spec.link_data.call_to_action).toEqual({
      type: 'WHATSAPP_MESSAGE',
      value: { app_destination: 'WHATSAPP' },
    });
    expect(JSON.parse(creative.object_story_spec.link_data.page_welcome_message)).toEqual(
      expect.objectContaining({ type: 'VISUAL_EDITOR', landing_screen_type: 'welcome_message' })
    );
  });
});

describe('Function: cleanupOrder', () => {
  it('deletes what exists, newest first, and never the image', () => {
    expect(cleanupOrder({ imageHash: 'h', campaignId: 'c', adSetId: 's' })).toEqual([
      { step: 'adSet', id: 's' },
      { step: 'campaign', id: 'c' },
    ]);
  });
});
