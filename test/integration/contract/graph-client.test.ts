import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, type GraphClient } from '../../../functions/adapters/graph/index.js';
import { createAdsGateway } from '../../../functions/adapters/meta/ads-gateway.js';
import { createLinkObserver } from '../../../functions/adapters/meta/link-observer.js';
import { createMetaGateway } from '../../../functions/adapters/meta/meta-gateway.js';
import { createProfileWriter } from '../../../functions/adapters/meta/profile-writer.js';
import { createStatsGateway } from '../../../functions/adapters/meta/stats-gateway.js';
import { createStoriesGateway } from '../../../functions/adapters/meta/stories-gateway.js';
import { createLogger } from '../../../functions/adapters/observability/logger.js';
import { createAdInput } from '../../../functions/core/ads/input.js';
import {
  adParams,
  adSetParams,
  campaignParams,
  creativeParams,
} from '../../../functions/core/ads/plan.js';
import {
  defaultSync,
  type Grant,
  type Link,
  PAGE_WEBHOOK_FIELDS,
  UNSUPPORTED_FIELDS,
} from '../../../functions/core/linking/model.js';
import type { GrantRepository, TokenVault } from '../../../functions/core/linking/ports.js';
import { solidPng } from '../../../infra/local/meta-sandbox/src/png.js';
import { DEMO } from '../../../infra/local/meta-sandbox/src/seed.js';
import type { Sandbox } from '../../../infra/local/meta-sandbox/src/server.js';
import {
  APP_ID,
  APP_SECRET,
  answerDialog,
  openDialog,
  REDIRECT_URI,
  startTestSandbox,
} from '../../../infra/local/meta-sandbox/test/integration/helpers.js';
import { checkRecorded, recordingFetch } from './recording.js';

/**
 * The contract test: Tandem's real Graph client and Meta adapters, driven through every call Tandem
 * makes (linking, sync reads and writes, the picture upload, ads, insights, subscriptions), with a
 * fetch that records each request. Every request, and every item of every batch, is then checked
 * against Meta's own artifacts (infra/local/meta-sandbox/src/meta-spec): the edge exists for the method, each
 * parameter is declared, enum values and required parameters are right, WhatsApp bodies validate
 * against Meta's OpenAPI spec. The sandbox answers the calls; the check does not trust it.
 */

const quiet = createLogger({}, 'silent');

/** Every Graph call Tandem makes, as docs/meta.md lists them: the test fails when one is not driven. */
const EVERY_CALL = [
  'DELETE /v26.0/{id}',
  'DELETE /v26.0/{id}/permissions',
  'DELETE /v26.0/{id}/subscribed_apps',
  'GET /v26.0/act_{id}',
  'GET /v26.0/act_{id}/adcreatives',
  'GET /v26.0/act_{id}/campaigns',
  'GET /v26.0/act_{id}/dsa_recommendations',
  'GET /v26.0/debug_token',
  'GET /v26.0/me',
  'GET /v26.0/me/accounts',
  'GET /v26.0/me/adaccounts',
  'GET /v26.0/me/businesses',
  'GET /v26.0/me/permissions',
  'GET /v26.0/oauth/access_token',
  'GET /v26.0/{id}',
  'GET /v26.0/{id}/ads',
  'GET /v26.0/{id}/adsets',
  'GET /v26.0/{id}/client_whatsapp_business_accounts',
  'GET /v26.0/{id}/content_publishing_limit',
  'GET /v26.0/{id}/insights',
  'GET /v26.0/{id}/owned_whatsapp_business_accounts',
  'GET /v26.0/{id}/phone_numbers',
  'GET /v26.0/{id}/picture',
  'GET /v26.0/{id}/pricing_analytics',
  'GET /v26.0/{id}/stories',
  'GET /v26.0/{id}/whatsapp_business_profile',
  'POST /v26.0/',
  'POST /v26.0/act_{id}/adcreatives',
  'POST /v26.0/act_{id}/adimages',
  'POST /v26.0/act_{id}/ads',
  'POST /v26.0/act_{id}/adsets',
  'POST /v26.0/act_{id}/campaigns',
  'POST /v26.0/upload:{session}',
  'POST /v26.0/{id}/media',
  'POST /v26.0/{id}/media_publish',
  'POST /v26.0/{id}/page_whatsapp_number_verification',
  'POST /v26.0/{id}/photo_stories',
  'POST /v26.0/{id}/photos',
  'POST /v26.0/{id}/subscribed_apps',
  'POST /v26.0/{id}/uploads',
  'POST /v26.0/{id}/whatsapp_business_profile',
];

let sandbox: Sandbox;
const recorder = recordingFetch();
let graph: GraphClient;
let userToken: string;

/** What each id in the demo world is, as Graph's node types name them. */
const nodes = new Map<string, string>([
  [DEMO.userId, 'User'],
  [DEMO.pageId, 'Page'],
  [DEMO.annexPageId, 'Page'],
  [DEMO.businessId, 'Business'],
  [DEMO.wabaId, 'WhatsAppBusinessAccount'],
  [DEMO.phoneNumberIdA, 'WhatsAppBusinessPhoneNumber'],
  [DEMO.phoneNumberIdB, 'WhatsAppBusinessPhoneNumber'],
  [DEMO.adAccountId, 'AdAccount'],
  [APP_ID, 'Application'],
  [DEMO.instagramAccountId, 'IGUser'],
]);

const link: Link = {
  linkId: 'lnk_00000000000000000000000000000001',
  tenantId: 'contract',
  grantId: 'grt_00000000000000000000000000000001',
  metaUserId: DEMO.userId,
  pageId: DEMO.pageId,
  pageName: DEMO.pageName,
  wabaId: DEMO.wabaId,
  phoneNumberId: DEMO.phoneNumberIdA,
  displayPhoneNumber: DEMO.displayPhoneNumberA,
  status: 'active',
  sync: defaultSync(),
  unsupported: UNSUPPORTED_FIELDS,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

/** The grant behind the link, its token kept in the clear: the vault is not under test here. */
const grants = {
  get: async (): Promise<Grant> => ({
    grantId: link.grantId,
    tenantId: link.tenantId,
    metaUserId: DEMO.userId,
    scopes: [],
    wabaIds: [DEMO.wabaId],
    token: {
      v: 1,
      alg: 'AES-256-GCM',
      keyRef: 'none',
      wrappedKey: '',
      iv: '',
      tag: '',
      ciphertext: userToken,
    },
    linkCount: 1,
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
  }),
} as unknown as GrantRepository;
const vault = {
  open: async (sealed: { ciphertext: string }) => sealed.ciphertext,
  // Page tokens sealed beside the grant's open nowhere here: the observer fetches them.
  withKey: async (
    sealed: { ciphertext: string },
    _context: unknown,
    fn: (key: unknown) => Promise<unknown>
  ) =>
    fn({
      token: sealed.ciphertext,
      seal: (plaintext: string) => ({ v: 1, iv: '', tag: '', ciphertext: plaintext }),
      open: () => undefined,
    }),
} as unknown as TokenVault;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = createGraphClient({
    baseUrl: sandbox.url,
    appId: APP_ID,
    appSecret: APP_SECRET,
    fetch: recorder.fetch,
    log: quiet,
    retry: { maxAttempts: 1 },
    // As in the embedded default: the sandbox serves the files Meta's URLs point to, on loopback.
    trustedFetchOrigins: [new URL(sandbox.url).origin],
  });
  // The sandbox app is a Business app: the dialog names its Login for Business configuration, here
  // the stories one (linking's permissions and the story ones), so every call below is allowed.
  const dialog = await openDialog(sandbox, { configId: DEMO.storiesLoginConfigId });
  const answer = await answerDialog(sandbox, dialog.session ?? '', 'continue');
  const code = answer.location.searchParams.get('code') ?? '';
  const meta = createMetaGateway(async () => graph);
  const short = await meta.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier: 'v' });
  userToken = (await meta.exchangeForLongLived(short.accessToken)).accessToken;
  await meta.debugToken(userToken);
});

afterAll(async () => {
  await sandbox.close();
});

describe("Contract: Tandem's Graph requests against Meta's artifacts", () => {
  it('checks every call Tandem makes, and finds none that Meta would refuse', async () => {
    const meta = createMetaGateway(async () => graph);
    // Linking: what a grant reaches, the Page's webhook subscription, the user and permissions.
    await meta.listPages(userToken);
    await meta.listPhoneNumbers(userToken, [DEMO.wabaId]);
    await meta.listAdAccounts(userToken);
    await meta.subscribePage(userToken, DEMO.pageId, PAGE_WEBHOOK_FIELDS);
    await graph.me(userToken);
    await graph.permissions(userToken);
    await graph.listBusinesses(userToken);
    await graph.listWabas(userToken, DEMO.businessId);
    await graph.getPhoneNumber(userToken, DEMO.phoneNumberIdA);
    // The WhatsApp side: the WABA's webhooks, Meta's Page <-> number link, the number's health,
    // and the link made from Tandem (a code sent, then a code Meta refuses here).
    await meta.subscribeWaba(userToken, DEMO.wabaId);
    const page = await meta.readPage(userToken, DEMO.pageId);
    expect(page.whatsapp).toMatchObject({ answered: true, hasWhatsAppNumber: true });
    await meta.readHealth(userToken, DEMO.phoneNumberIdA);
    const linkedPageToken = page.pageToken ?? '';
    await meta.readPageWhatsApp(linkedPageToken, DEMO.pageId);
    await meta.verifyPageWhatsAppNumber(
      linkedPageToken,
      DEMO.pageId,
      `+${DEMO.pageWhatsappNumber}`
    );
    await expect(
      meta.verifyPageWhatsAppNumber(
        linkedPageToken,
        DEMO.pageId,
        `+${DEMO.pageWhatsappNumber}`,
        '1'
      )
    ).rejects.toMatchObject({ code: 'verification_code_invalid' });

    // Sync and reconcile reads (batched per grant), then a write with the picture upload.
    const observer = createLinkObserver({ graph: async () => graph, grants, vault });
    const observation = await observer.observe(link);
    expect(observation).toMatchObject({ kind: 'observed', webhooksSubscribed: true });
    await graph.getPage(userToken, DEMO.pageId, ['name']);
    await graph.getPagePicture(userToken, DEMO.pageId);
    await graph.getBusinessProfile(userToken, DEMO.phoneNumberIdA);
    const writer = createProfileWriter({
      graph: async () => graph,
      grants,
      vault,
      uploadToken: async () => sandbox.systemUserToken,
    });
    const written = await writer.write(
      link,
      { about: 'Fresh bread daily', websites: ['https://demobakery.example'] },
      { url: `${sandbox.url}/_media/pages/${DEMO.pageId}/picture/1.png?size=640`, sha256: 'x' }
    );
    expect(written).toEqual({ fields: 'confirmed', picture: { outcome: 'applied' } });

    // Ads: the pre-checks, the image, campaign -> ad set -> creative -> ad, the name-tag lookups
    // a resumed call makes, insights and the clean-up.
    const ads = createAdsGateway(async () => graph);
    const account = DEMO.adAccountId;
    await ads.getPageWhatsApp(userToken, DEMO.pageId);
    await ads.getAdAccount(userToken, account);
    await ads.getDsaRecommendations(userToken, account);
    const input = createAdInput.parse({
      adAccountId: account,
      name: 'Contract bread',
      objective: 'OUTCOME_ENGAGEMENT',
      budget: { kind: 'daily', amountMinor: 1500 },
      schedule: { start: new Date(Date.now() + 86_400_000).toISOString() },
      targeting: { countries: ['US', 'FR'], ageMin: 25, interests: [{ id: '6003107902433' }] },
      creative: {
        primaryText: 'Warm bread, delivered.',
        headline: 'Order on WhatsApp',
        image: { hash: '0'.repeat(32) },
        prefilledMessage: 'Hi! I would like to order.',
      },
    });
    const target = {
      pageId: DEMO.pageId,
      whatsappNumber: DEMO.pageWhatsappNumber,
      dsa: { beneficiary: 'Demo Bakery Ltd', payor: 'Demo Bakery Ltd' },
    };
    const image = await ads.uploadImage(userToken, account, solidPng('contract', 64));
    await ads.uploadImageFromUrl(
      userToken,
      account,
      `${sandbox.url}/_media/pages/${DEMO.pageId}/picture/1.png?size=64`
    );
    const created = async (
      kind: 'campaign' | 'adSet' | 'creative' | 'ad',
      params: Record<string, unknown>,
      type: string
    ) => {
      const { id } = await ads.create(userToken, account, kind, params);
      nodes.set(id, type);
      return id;
    };
    const campaignId = await created('campaign', campaignParams(input), 'Campaign');
    const adSetId = await created('adSet', adSetParams(input, target, campaignId), 'AdSet');
    const creativeId = await created(
      'creative',
      creativeParams(input, target, image.hash),
      'AdCreative'
    );
    const adId = await created('ad', adParams(input, adSetId, creativeId), 'Ad');
    await ads.findByNameTag(userToken, account, 'campaign', 'tdm-contract');
    await ads.findByNameTag(userToken, account, 'adSet', 'tdm-contract', campaignId);
    await ads.findByNameTag(userToken, account, 'creative', 'tdm-contract');
    await ads.findByNameTag(userToken, account, 'ad', 'tdm-contract', adSetId);
    await ads.getInsights(userToken, adId, { since: '2026-01-01', until: '2026-01-31' });

    // Message statistics: the WABA's analytics and pricing analytics for the number, and the ad's
    // results day by day.
    const stats = createStatsGateway(async () => graph);
    const end = Math.floor(Date.now() / 1000);
    const analytics = await stats.getMessagingAnalytics(
      userToken,
      DEMO.wabaId,
      DEMO.displayPhoneNumberA.replace(/\D/g, ''),
      { start: end - 7 * 86_400, end }
    );
    expect(analytics.delivery.length).toBeGreaterThan(0);
    expect(analytics.pricing.length).toBeGreaterThan(0);
    const since = new Date((end - 7 * 86_400) * 1000).toISOString().slice(0, 10);
    const until = new Date(end * 1000).toISOString().slice(0, 10);
    const daily = await stats.getAdDailyInsights(userToken, adId, { since, until });
    expect(daily.length).toBe(8);
    for (const id of [adId, creativeId, adSetId, campaignId]) await ads.delete(userToken, id);

    // Stories: the Instagram account, a Facebook photo story (and the look-up a resumed job makes),
    // an Instagram story container, its status, the publishing quota and the publish.
    const stories = createStoriesGateway(async () => graph);
    const photoUrl = `${sandbox.url}/_media/stories/contract.jpg`;
    expect(
      await createMetaGateway(async () => graph).getInstagramAccount(userToken, DEMO.pageId)
    ).toEqual({ id: DEMO.instagramAccountId, username: 'demobakery' });
    const pageToken = await stories.pageToken(userToken, DEMO.pageId);
    const photoId = await stories.uploadUnpublishedPhoto(pageToken, DEMO.pageId, photoUrl);
    nodes.set(photoId, 'Photo');
    const postId = await stories.publishPhotoStory(pageToken, DEMO.pageId, photoId);
    expect(await stories.findPageStory(pageToken, DEMO.pageId, photoId)).toBe(postId);
    const containerId = await stories.createStoryContainer(userToken, DEMO.instagramAccountId, {
      type: 'photo',
      url: photoUrl,
    });
    nodes.set(containerId, 'ShadowIGMediaBuilder');
    expect(await stories.containerStatus(userToken, containerId)).toBe('FINISHED');
    const limit = await stories.publishingLimit(userToken, DEMO.instagramAccountId);
    expect(limit.total).toBeGreaterThan(limit.usage);
    await stories.publishContainer(userToken, DEMO.instagramAccountId, containerId);

    // Unlinking: the Page's subscription goes, then the app's permissions.
    await meta.unsubscribePage(userToken, DEMO.pageId);
    await meta.unsubscribeWaba(userToken, DEMO.wabaId);
    await meta.revokePermissions(userToken, DEMO.userId);

    const findings = checkRecorded(recorder.requests, (id) => nodes.get(id));
    // Every call Tandem makes was seen and checked by one of Meta's artifacts.
    const kinds = new Set(
      findings.map(({ request }) =>
        request
          .replace(/act_\d+/, 'act_{id}')
          .replace(/\/\d+/g, '/{id}')
          .replace(/upload:\w+/, 'upload:{session}')
      )
    );
    expect([...kinds].sort()).toEqual(EVERY_CALL);
    const unchecked = findings.filter((finding) => finding.checkedBy === 'none');
    const broken = findings.filter((finding) => finding.violations.length > 0);
    expect(unchecked.map((finding) => finding.request)).toEqual([]);
    expect(
      broken.map((finding) => ({
        request: finding.request,
        violations: finding.violations.map(
          (violation) => `${violation.message} [${violation.source}]`
        ),
      }))
    ).toEqual([]);
  });
});
