import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../../../functions/adapters/graph/index.js';
import { createAdsGateway } from '../../../../functions/adapters/meta/ads-gateway.js';
import { FetchRefusedError } from '../../../../functions/adapters/net/guarded-fetch.js';
import {
  NotFoundError,
  RateLimitError,
  UpstreamError,
  ValidationError,
} from '../../../../functions/core/errors.js';
import { fakeSleep } from '../../../helpers/fake-sleep.js';
import { fakeFetch, graphError, json, silentLog } from '../graph/fake-fetch.js';

const ACCOUNT = 'act_600000000000001';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** What the guarded fetch answers for the ad image URL: bytes, or a refusal. */
let imageReply: () => Promise<{ status: number; bytes: Uint8Array; contentType: string }>;
const image = (bytes: Uint8Array, contentType = 'image/png') => {
  imageReply = async () => ({ status: 200, bytes, contentType });
};
const imageRefused = (error: FetchRefusedError) => {
  imageReply = async () => {
    throw error;
  };
};

const gatewayWith = (...replies: Parameters<typeof fakeFetch>) => {
  const fake = fakeFetch(...replies);
  const client = createGraphClient({
    baseUrl: 'https://graph.example',
    appId: '1000000000000001',
    appSecret: 'app-secret-0123456789',
    fetch: fake.fetch,
    download: () => imageReply(),
    sleep: fakeSleep().sleep,
    random: () => 0,
    log: silentLog,
  });
  return {
    ads: createAdsGateway(async () => client, { maxImageBytes: 64 }),
    requests: fake.requests,
  };
};

describe('Function: createAdsGateway', () => {
  describe('Method: getPageWhatsApp', () => {
    it("reads the Page's linked number and flag", async () => {
      // Prepare
      const { ads, requests } = gatewayWith(
        json(200, {
          id: '3001',
          whatsapp_number: '15550100001',
          has_whatsapp_business_number: true,
        })
      );

      // Act
      const page = await ads.getPageWhatsApp('token', '3001');

      // Assess
      expect(page).toEqual({
        answered: true,
        whatsappNumber: '15550100001',
        hasWhatsAppBusinessNumber: true,
      });
      expect(requests[0]?.url.pathname).toBe('/v26.0/3001');
      expect(requests[0]?.url.searchParams.get('fields')).toBe(
        'whatsapp_number,has_whatsapp_number,has_whatsapp_business_number'
      );
    });
  });

  describe('Method: getAdAccount', () => {
    it('maps an unknown account to NotFoundError', async () => {
      // Prepare
      const { ads } = gatewayWith(graphError(400, { code: 100, error_subcode: 33 }));

      // Act
      const read = ads.getAdAccount('token', ACCOUNT);

      // Assess
      await expect(read).rejects.toThrow(NotFoundError);
    });
  });

  describe('Method: uploadImageFromUrl', () => {
    it("downloads the image and uploads its bytes, answering Meta's hash", async () => {
      // Prepare
      image(PNG);
      const { ads, requests } = gatewayWith(
        json(200, { images: { 'x.png': { hash: 'abc123', url: 'https://cdn/x' } } })
      );

      // Act
      const uploaded = await ads.uploadImageFromUrl('token', ACCOUNT, 'https://cdn.example/x.png');

      // Assess
      expect(uploaded).toEqual({ hash: 'abc123' });
      const upload = requests[0];
      expect(upload?.url.pathname).toBe(`/v26.0/${ACCOUNT}/adimages`);
      const body = JSON.parse(String(upload?.body));
      expect(Buffer.from(body.bytes, 'base64')).toEqual(Buffer.from(PNG));
      // `bytes` is the one parameter Meta's codegen specs declare for a new ad image.
      expect(Object.keys(body)).toEqual(['bytes']);
    });

    it('refuses a file that is not an image with a 400-class error and uploads nothing', async () => {
      // Prepare
      image(new TextEncoder().encode('<html>'), 'image/png');
      const { ads, requests } = gatewayWith();

      // Act
      const upload = ads.uploadImageFromUrl('token', ACCOUNT, 'https://cdn.example/x.png');

      // Assess
      await expect(upload).rejects.toThrow(ValidationError);
      await expect(upload).rejects.toThrow(/JPEG or PNG/);
      expect(requests).toHaveLength(0);
    });

    it.each([
      ['a URL that answers 404', new FetchRefusedError('bad_status', 'HTTP 404', 404)],
      ['a host that is down (HTTP 503)', new FetchRefusedError('bad_status', 'HTTP 503', 503)],
      ['an unreachable host', new FetchRefusedError('unreachable', 'could not be reached')],
      ['a private address', new FetchRefusedError('host_not_public', 'not public')],
      ['an oversized file', new FetchRefusedError('too_large', 'larger than 64 bytes')],
    ])(
      'answers %s as the caller’s 400 with the reason, never as Meta being down',
      async (_case, refusal) => {
        // Prepare
        imageRefused(refusal);
        const { ads, requests } = gatewayWith();

        // Act
        const upload = ads.uploadImageFromUrl('token', ACCOUNT, 'https://cdn.example/x.png');

        // Assess
        await expect(upload).rejects.toMatchObject({
          code: 'image_unusable',
          retryable: false,
          details: { reason: refusal.reason },
        });
        await expect(upload).rejects.toThrow(ValidationError);
        expect(requests).toHaveLength(0);
      }
    );
  });

  describe('Method: findByNameTag', () => {
    it("reads the newest ad sets of the campaign, with no filtering Meta's specs do not declare", async () => {
      // Prepare
      const { ads, requests } = gatewayWith(
        json(200, {
          data: [
            { id: '1', name: 'Other ad set' },
            { id: '2', name: 'Winter bread [tdm-0123456789ab]' },
          ],
        })
      );

      // Act
      const found = await ads.findByNameTag('token', ACCOUNT, 'adSet', 'tdm-0123456789ab', '2001');

      // Assess
      expect(found).toBe('2');
      expect(requests[0]?.url.pathname).toBe('/v26.0/2001/adsets');
      expect(requests[0]?.url.searchParams.has('filtering')).toBe(false);
    });

    it('reads campaigns and creatives from the ad account', async () => {
      // Prepare
      const { ads, requests } = gatewayWith(json(200, { data: [] }));

      // Act
      const found = await ads.findByNameTag('token', ACCOUNT, 'campaign', 'tdm-0123456789ab');

      // Assess
      expect(found).toBeUndefined();
      expect(requests[0]?.url.pathname).toBe(`/v26.0/${ACCOUNT}/campaigns`);
    });
  });

  describe('Method: getDsaRecommendations', () => {
    it("reads the account's recommended names, once each", async () => {
      // Prepare
      const { ads, requests } = gatewayWith(
        json(200, { data: [{ recommendations: ['Demo Bakery Ltd', 'Demo Bakery Ltd'] }] })
      );

      // Act
      const names = await ads.getDsaRecommendations('token', ACCOUNT);

      // Assess
      expect(names).toEqual(['Demo Bakery Ltd']);
      expect(requests[0]?.url.pathname).toBe(`/v26.0/${ACCOUNT}/dsa_recommendations`);
    });
  });

  describe('Method: create', () => {
    it("posts the parameters to the kind's edge once, without retrying a lost answer", async () => {
      // Prepare
      const { ads, requests } = gatewayWith(graphError(500, { code: 2, is_transient: true }));

      // Act
      const create = ads.create('token', ACCOUNT, 'campaign', { name: 'x' });

      // Assess
      await expect(create).rejects.toThrow(UpstreamError);
      await expect(create).rejects.toMatchObject({ retryable: true });
      expect(requests).toHaveLength(1);
      expect(requests[0]?.url.pathname).toBe(`/v26.0/${ACCOUNT}/campaigns`);
    });

    it('maps a throttled create to RateLimitError', async () => {
      // Prepare
      const { ads } = gatewayWith(graphError(400, { code: 80004 }));

      // Act
      const create = ads.create('token', ACCOUNT, 'ad', { name: 'x' });

      // Assess
      await expect(create).rejects.toThrow(RateLimitError);
    });
  });

  describe('Method: getInsights', () => {
    it('reads spend, impressions and actions for the range as numbers', async () => {
      // Prepare
      const { ads, requests } = gatewayWith(
        json(200, {
          data: [
            {
              spend: '12.34',
              impressions: '5600',
              actions: [
                { action_type: 'link_click', value: '40' },
                { action_type: 'onsite_conversion.messaging_conversation_started_7d', value: '7' },
              ],
            },
          ],
        })
      );

      // Act
      const row = await ads.getInsights('token', '2301', {
        since: '2026-11-01',
        until: '2026-11-19',
      });

      // Assess
      expect(row).toEqual({
        spend: 12.34,
        impressions: 5600,
        actions: { link_click: 40, 'onsite_conversion.messaging_conversation_started_7d': 7 },
      });
      expect(JSON.parse(requests[0]?.url.searchParams.get('time_range') ?? '')).toEqual({
        since: '2026-11-01',
        until: '2026-11-19',
      });
    });

    it('answers zeros for a range with no delivery', async () => {
      // Prepare
      const { ads } = gatewayWith(json(200, { data: [] }));

      // Act
      const row = await ads.getInsights('token', '2301', {
        since: '2026-11-01',
        until: '2026-11-02',
      });

      // Assess
      expect(row).toEqual({ spend: 0, impressions: 0, actions: {} });
    });
  });
});
