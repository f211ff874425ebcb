import { describe, expect, it } from 'vitest';
import { createClickToWhatsAppAd } from '../../../../functions/core/ads/create.js';
import { LEASE_SECONDS, operationIdFor } from '../../../../functions/core/ads/operation.js';
import type { AdStep } from '../../../../functions/core/ads/plan.js';
import type { AdObjectKind } from '../../../../functions/core/ads/ports.js';
import {
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  UpstreamError,
  ValidationError,
} from '../../../../functions/core/errors.js';
import {
  ACCOUNT,
  aGrant,
  anInput,
  fakeDeps,
  IMAGE_HASH,
  LINK_ID,
  NUMBER_DIGITS,
  PAGE_ID,
  TENANT,
} from './fakes.js';

const KEY = 'order-2026-11-20-0001';
const OPERATION_ID = operationIdFor(TENANT, KEY);

const transient = () => new UpstreamError('Meta is temporarily unavailable', true);
const rejected = () => new ValidationError('Meta said no', { metaCode: 100 }, 'meta_rejected');

const KIND_OF: Record<Exclude<AdStep, 'image'>, AdObjectKind> = {
  campaign: 'campaign',
  adSet: 'adSet',
  creative: 'creative',
  ad: 'ad',
};

/** Makes the given step's Graph write fail once with `error`. */
const failStep = (meta: ReturnType<typeof fakeDeps>['meta'], step: AdStep, error: Error) => {
  if (step === 'image') meta.failOn('uploadImageFromUrl', error);
  else meta.failOn('create', error, { kind: KIND_OF[step] });
};

describe('Function: createClickToWhatsAppAd', () => {
  it('creates image, campaign, ad set, creative and ad, all paused, and records them', async () => {
    // Prepare
    const { deps, meta, operations } = fakeDeps();

    // Act
    const outcome = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Assess
    expect(outcome.kind).toBe('completed');
    expect(outcome.replayed).toBe(false);
    const created = outcome.operation.created;
    expect(created).toEqual({
      imageHash: IMAGE_HASH,
      campaignId: expect.any(String),
      adSetId: expect.any(String),
      creativeId: expect.any(String),
      adId: expect.any(String),
    });
    expect(outcome.operation).toMatchObject({
      operationId: OPERATION_ID,
      idempotencyKey: KEY,
      status: 'completed',
      adAccountId: ACCOUNT,
      adStatus: 'PAUSED',
    });
    const adSet = meta.objects.get(created.adSetId ?? '');
    expect(adSet?.params).toMatchObject({
      campaign_id: created.campaignId,
      destination_type: 'WHATSAPP',
      promoted_object: { page_id: PAGE_ID, whatsapp_phone_number: NUMBER_DIGITS },
    });
    for (const object of meta.objects.values()) {
      if (object.kind !== 'creative') expect(object.status).toBe('PAUSED');
      expect(object.name).toContain('[tdm-');
    }
    expect(meta.objects.get(created.adId ?? '')?.params).toMatchObject({
      adset_id: created.adSetId,
      creative: { creative_id: created.creativeId },
    });
    const record = operations.items.get(OPERATION_ID);
    expect(record?.status).toBe('completed');
    expect(record?.lease).toBeUndefined();
    expect(record?.currency).toBe('USD');
  });

  it('uses a given image hash without uploading anything', async () => {
    // Prepare
    const { deps, meta } = fakeDeps();
    const input = anInput({
      creative: {
        primaryText: 'Warm bread',
        headline: 'Order',
        image: { hash: 'ffffffffffffffffffffffffffffffff' },
        prefilledMessage: 'Hi',
      },
    });

    // Act
    const outcome = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, input);

    // Assess
    expect(outcome.operation.created.imageHash).toBe('ffffffffffffffffffffffffffffffff');
    expect(meta.calls.some((call) => call.call === 'uploadImageFromUrl')).toBe(false);
  });

  it('replays a completed operation without calling Meta again', async () => {
    // Prepare
    const { deps, meta } = fakeDeps();
    const first = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());
    const callsBefore = meta.calls.length;

    // Act
    const second = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Assess
    expect(second.replayed).toBe(true);
    expect(second.operation).toEqual(first.operation);
    expect(meta.calls.length).toBe(callsBefore);
  });

  it('treats the same request with defaults spelled out as the same request', async () => {
    // Prepare
    const { deps } = fakeDeps();
    await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Act
    const again = await createClickToWhatsAppAd(
      deps,
      TENANT,
      LINK_ID,
      KEY,
      anInput({ status: 'PAUSED', optimizationGoal: 'CONVERSATIONS' })
    );

    // Assess
    expect(again.replayed).toBe(true);
  });

  it('refuses a key reused with another body', async () => {
    // Prepare
    const { deps } = fakeDeps();
    await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Act
    const reuse = createClickToWhatsAppAd(
      deps,
      TENANT,
      LINK_ID,
      KEY,
      anInput({ name: 'Summer bread' })
    );

    // Assess
    await expect(reuse).rejects.toThrow(ConflictError);
    await expect(reuse).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('keeps keys of different tenants apart', async () => {
    // Prepare
    const { deps } = fakeDeps();

    // Act
    const other = createClickToWhatsAppAd(deps, 'tenant-b', LINK_ID, KEY, anInput());

    // Assess
    await expect(other).rejects.toMatchObject({ code: 'link_not_found' });
  });

  it('answers operation_in_progress while another call holds the lease, then takes over once it expires', async () => {
    // Prepare
    const { deps, meta, operations, clock } = fakeDeps();
    meta.failOn('create', new Error('the Lambda died here'), { kind: 'adSet' });
    await expect(createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput())).rejects.toThrow(
      'the Lambda died here'
    );
    // A crash leaves the record as the dead call held it.
    const record = operations.items.get(OPERATION_ID);
    if (!record) throw new Error('no record');
    operations.items.set(OPERATION_ID, {
      ...record,
      status: 'in_progress',
      lease: {
        owner: 'dead',
        expiresAt: new Date(clock.now().getTime() + LEASE_SECONDS * 1000).toISOString(),
      },
    });

    // Act
    const concurrent = createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Assess
    await expect(concurrent).rejects.toMatchObject({
      code: 'operation_in_progress',
      details: { retryAfterSeconds: LEASE_SECONDS },
    });
    clock.advance(LEASE_SECONDS * 1000 + 1);
    const resumed = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());
    expect(resumed.kind).toBe('completed');
    expect(meta.creates('campaign')).toBe(1);
    expect(operations.items.get(OPERATION_ID)?.attempts).toBe(2);
  });

  it('resumes after a failure at the ad set without creating a second campaign', async () => {
    // Prepare
    const { deps, meta, operations } = fakeDeps();
    failStep(meta, 'adSet', transient());
    await expect(createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput())).rejects.toThrow(
      UpstreamError
    );
    const campaignId = operations.items.get(OPERATION_ID)?.progress.campaignId;

    // Act
    const outcome = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Assess
    expect(outcome.kind).toBe('completed');
    expect(outcome.operation.created.campaignId).toBe(campaignId);
    expect(meta.live('campaign')).toHaveLength(1);
  });

  it.each(['image', 'campaign', 'adSet', 'creative', 'ad'] as const)(
    'resumes after a transient failure at the %s step with exactly one of each object',
    async (step) => {
      // Prepare
      const { deps, meta, operations } = fakeDeps();
      failStep(meta, step, transient());

      // Act
      const first = createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());
      await expect(first).rejects.toMatchObject({ retryable: true });
      const paused = operations.items.get(OPERATION_ID);
      const second = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

      // Assess
      expect(paused?.status).toBe('incomplete');
      expect(paused?.lastError).toMatchObject({ retryable: true });
      expect(second.kind).toBe('completed');
      expect(second.operation.error).toBeUndefined();
      for (const kind of ['campaign', 'adSet', 'creative', 'ad'] as const) {
        expect(meta.live(kind)).toHaveLength(1);
      }
    }
  );

  it.each(['campaign', 'adSet', 'creative', 'ad'] as const)(
    'adopts the %s Meta created when its answer was lost, instead of creating it again',
    async (step) => {
      // Prepare
      const { deps, meta } = fakeDeps();
      meta.failOn('create', new UpstreamError('timed out', true), {
        kind: KIND_OF[step],
        afterApplying: true,
      });
      await expect(
        createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput())
      ).rejects.toThrow();

      // Act
      const outcome = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

      // Assess
      expect(outcome.kind).toBe('completed');
      expect(meta.creates(KIND_OF[step])).toBe(1);
      expect(meta.live(KIND_OF[step])).toHaveLength(1);
    }
  );

  it('looks for an earlier object only for the step a resumed call starts at, never on a first call', async () => {
    // Prepare
    const { deps, meta } = fakeDeps();
    meta.failOn('create', new UpstreamError('timed out', true), {
      kind: 'adSet',
      afterApplying: true,
    });

    // Act
    await expect(createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput())).rejects.toThrow();
    const firstCallLookups = meta.calls.filter((call) => call.call === 'findByNameTag').length;
    await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Assess
    expect(firstCallLookups).toBe(0);
    expect(meta.calls.filter((call) => call.call === 'findByNameTag')).toEqual([
      { call: 'findByNameTag', kind: 'adSet' },
    ]);
  });

  describe('the EU Digital Services Act', () => {
    const european = () =>
      anInput({
        targeting: { countries: ['US', 'FR'] },
        creative: { ...anInput().creative, image: { hash: IMAGE_HASH } },
      });

    it('names the beneficiary and payor the request gives on the ad set', async () => {
      // Prepare
      const { deps, meta } = fakeDeps();

      // Act
      const outcome = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, {
        ...european(),
        dsa: { beneficiary: 'Demo Bakery Ltd', payor: 'Demo Bakery Holding' },
      });

      // Assess
      expect(outcome.kind).toBe('completed');
      expect(meta.live('adSet')[0]?.params).toMatchObject({
        dsa_beneficiary: 'Demo Bakery Ltd',
        dsa_payor: 'Demo Bakery Holding',
      });
    });

    it("falls back to the ad account's defaults", async () => {
      // Prepare
      const { deps, meta } = fakeDeps();
      meta.state.dsaDefaults = { beneficiary: 'Account Beneficiary', payor: 'Account Payor' };

      // Act
      await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, european());

      // Assess
      expect(meta.live('adSet')[0]?.params).toMatchObject({
        dsa_beneficiary: 'Account Beneficiary',
        dsa_payor: 'Account Payor',
      });
    });

    it('refuses before creating anything when neither names them, offering Meta’s recommendations', async () => {
      // Prepare
      const { deps, meta, operations } = fakeDeps();

      // Act
      const attempt = createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, european());

      // Assess
      await expect(attempt).rejects.toThrow(ValidationError);
      await expect(
        createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, european())
      ).rejects.toMatchObject({
        code: 'dsa_required',
        details: { countries: ['FR'], recommendations: ['Demo Bakery Ltd'] },
      });
      expect(meta.calls.some((call) => call.call === 'create')).toBe(false);
      expect(operations.items.size).toBe(0);
    });
  });

  it('says where WhatsApp Status ads are not offered, on the operation', async () => {
    // Prepare
    const { deps } = fakeDeps();

    // Act
    const outcome = await createClickToWhatsAppAd(
      deps,
      TENANT,
      LINK_ID,
      KEY,
      anInput({ targeting: { countries: ['GB'] } })
    );

    // Assess
    expect(outcome.operation.notes).toEqual([expect.stringContaining('WhatsApp Status in GB')]);
  });

  it('keeps the progress on a rate limit and rethrows it with its wait', async () => {
    // Prepare
    const { deps, meta, operations } = fakeDeps();
    meta.failOn('create', new RateLimitError('slow down', 120), { kind: 'creative' });

    // Act
    const attempt = createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Assess
    await expect(attempt).rejects.toMatchObject({ retryAfterSeconds: 120 });
    const record = operations.items.get(OPERATION_ID);
    expect(record?.status).toBe('incomplete');
    expect(Object.keys(record?.progress ?? {})).toEqual(['imageHash', 'campaignId', 'adSetId']);
  });

  it('stops before a step it has no time for, keeping the progress', async () => {
    // Prepare
    const { deps, operations } = fakeDeps();
    let remaining = 25_000;
    const remainingMs = () => {
      remaining -= 5_000;
      return remaining;
    };

    // Act
    const attempt = createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput(), {
      remainingMs,
    });

    // Assess
    await expect(attempt).rejects.toMatchObject({ retryable: true, code: 'upstream_unavailable' });
    const record = operations.items.get(OPERATION_ID);
    expect(record?.status).toBe('incomplete');
    expect(record?.progress).toEqual({ imageHash: IMAGE_HASH, campaignId: expect.any(String) });
    const resumed = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());
    expect(resumed.kind).toBe('completed');
  });

  it.each([
    ['image', [], false],
    ['campaign', [], true],
    ['adSet', ['campaign'], true],
    ['creative', ['adSet', 'campaign'], true],
    ['ad', ['creative', 'adSet', 'campaign'], true],
  ] as const)(
    'cleans up after a permanent failure at the %s step and reports exactly what exists',
    async (step, cleaned, imageLeft) => {
      // Prepare
      const { deps, meta, operations } = fakeDeps();
      failStep(meta, step, rejected());

      // Act
      const outcome = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

      // Assess
      expect(outcome.kind).toBe('failed');
      if (outcome.kind !== 'failed') return;
      expect(outcome.error).toBeInstanceOf(ValidationError);
      expect(outcome.operation.status).toBe('failed');
      expect(outcome.operation.error).toMatchObject({
        code: 'meta_rejected',
        message: 'Meta said no',
      });
      expect(outcome.operation.cleanedUp?.map((entry) => entry.step)).toEqual(cleaned);
      for (const entry of outcome.operation.cleanedUp ?? []) {
        expect(entry.id).toBe(outcome.operation.created[`${entry.step}Id` as 'campaignId']);
        expect(meta.objects.get(entry.id)?.status).toBe('DELETED');
      }
      expect(outcome.operation.leftBehind).toEqual(
        imageLeft
          ? [{ step: 'image', id: IMAGE_HASH, reason: expect.stringContaining('Kept') }]
          : []
      );
      expect(meta.live()).toHaveLength(0);
      expect(operations.items.get(OPERATION_ID)?.lease).toBeUndefined();
    }
  );

  it('reports an object whose delete failed as left behind, with the reason', async () => {
    // Prepare
    const { deps, meta } = fakeDeps();
    failStep(meta, 'ad', rejected());
    meta.failOn(
      'delete',
      new PermissionError('no delete for you', undefined, 'meta_permission_missing')
    );

    // Act
    const outcome = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Assess
    expect(outcome.operation.cleanedUp?.map((entry) => entry.step)).toEqual(['adSet', 'campaign']);
    expect(outcome.operation.leftBehind).toEqual([
      {
        step: 'creative',
        id: outcome.operation.created.creativeId,
        reason: 'Delete failed: no delete for you',
      },
      { step: 'image', id: IMAGE_HASH, reason: expect.any(String) },
    ]);
  });

  it('replays a failed operation with the same report and error', async () => {
    // Prepare
    const { deps, meta } = fakeDeps();
    failStep(meta, 'creative', rejected());
    const first = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Act
    const second = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

    // Assess
    expect(second.replayed).toBe(true);
    expect(second.operation).toEqual(first.operation);
    expect(second.kind === 'failed' && second.error).toBeInstanceOf(ValidationError);
    expect(meta.creates('campaign')).toBe(1);
  });

  describe('pre-checks', () => {
    it.each([
      [
        'the link belongs to another tenant',
        (setup: ReturnType<typeof fakeDeps>) => {
          setup.deps.links = { get: async () => undefined };
        },
        NotFoundError,
        'link_not_found',
      ],
      [
        'the grant lacks ads_management',
        (setup: ReturnType<typeof fakeDeps>) => {
          const grant = aGrant({ scopes: ['pages_show_list', 'ads_read'] });
          setup.deps.grants = { get: async () => grant };
        },
        PermissionError,
        'ads_permission_missing',
      ],
      [
        'the grant lacks pages_manage_ads, which a Click-to-WhatsApp creative needs',
        (setup: ReturnType<typeof fakeDeps>) => {
          const grant = aGrant({
            scopes: ['pages_show_list', 'pages_read_engagement', 'ads_management', 'ads_read'],
          });
          setup.deps.grants = { get: async () => grant };
        },
        PermissionError,
        'ads_permission_missing',
      ],
      [
        'the Page has no WhatsApp number on Meta',
        (setup: ReturnType<typeof fakeDeps>) => {
          setup.meta.state.whatsappNumber = undefined;
        },
        ConflictError,
        'page_not_linked_to_whatsapp',
      ],
      [
        'the Page is linked to another number on Meta',
        (setup: ReturnType<typeof fakeDeps>) => {
          setup.meta.state.whatsappNumber = '15550109999';
        },
        ConflictError,
        'page_not_linked_to_whatsapp',
      ],
      [
        'the ad account is disabled',
        (setup: ReturnType<typeof fakeDeps>) => {
          setup.meta.state.accountStatus = 2;
        },
        ConflictError,
        'ad_account_inactive',
      ],
      [
        'the ad account is unknown',
        (setup: ReturnType<typeof fakeDeps>) => {
          setup.meta.state.accountExists = false;
        },
        NotFoundError,
        'ad_account_not_found',
      ],
      [
        'a country is denied by policy',
        (setup: ReturnType<typeof fakeDeps>) => {
          setup.deps.countryPolicy = { deny: ['CA'] };
        },
        ValidationError,
        'country_not_available',
      ],
      [
        'a country is outside the allow list',
        (setup: ReturnType<typeof fakeDeps>) => {
          setup.deps.countryPolicy = { allow: ['US'] };
        },
        ValidationError,
        'country_not_available',
      ],
    ] as const)(
      'refuses when %s, creating nothing and freeing the key',
      async (_case, arrange, type, code) => {
        // Prepare
        const setup = fakeDeps();
        arrange(setup);

        // Act
        const attempt = createClickToWhatsAppAd(setup.deps, TENANT, LINK_ID, KEY, anInput());

        // Assess
        await expect(attempt).rejects.toThrow(type);
        await expect(
          createClickToWhatsAppAd(setup.deps, TENANT, LINK_ID, KEY, anInput())
        ).rejects.toMatchObject({ code });
        expect(setup.meta.calls.filter((call) => call.call === 'create')).toHaveLength(0);
        expect(setup.operations.items.size).toBe(0);
      }
    );

    it('names the number the Page is linked to and how to fix it', async () => {
      // Prepare
      const { deps, meta } = fakeDeps();
      meta.state.whatsappNumber = '15550109999';

      // Act
      const attempt = createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

      // Assess
      await expect(attempt).rejects.toThrow(
        /linked on Meta's side to WhatsApp number \+15550109999.*PUT \/links\/.*\/meta-link/
      );
    });

    it('lets the same key succeed once the cause is fixed', async () => {
      // Prepare
      const { deps, meta } = fakeDeps();
      meta.state.whatsappNumber = undefined;
      await expect(
        createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput())
      ).rejects.toThrow();
      meta.state.whatsappNumber = NUMBER_DIGITS;

      // Act
      const outcome = await createClickToWhatsAppAd(deps, TENANT, LINK_ID, KEY, anInput());

      // Assess
      expect(outcome.kind).toBe('completed');
      expect(outcome.replayed).toBe(false);
    });
  });
});
