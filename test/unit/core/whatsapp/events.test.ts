import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../../../functions/core/errors.js';
import type { WhatsAppEventJob } from '../../../../functions/core/jobs.js';
import { readWabaDelivery } from '../../../../functions/core/whatsapp/events.js';
import { receiveWabaWebhook } from '../../../../functions/core/whatsapp/intake.js';

const APP_ID = '1000000000000001';
const SECRET = 'app-secret-0123456789';
const NOW = new Date('2026-12-01T10:00:00.000Z');

const delivery = (changes: { field: string; value: unknown }[], time = 1_764_583_200) =>
  Buffer.from(
    JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '2001', time, changes }] })
  );

const sign = (body: Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('Function: readWabaDelivery', () => {
  it('reads a coexistence offboarding with Meta’s disconnection reason', () => {
    // Act
    const read = readWabaDelivery(
      delivery([
        {
          field: 'account_update',
          value: {
            event: 'ACCOUNT_OFFBOARDED',
            disconnection_info: { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' },
          },
        },
      ]),
      NOW,
      APP_ID
    );

    // Assess
    expect(read).toMatchObject({
      ok: true,
      skipped: [],
      changes: [
        {
          event: {
            kind: 'connection',
            wabaId: '2001',
            state: 'offboarded',
            reason: 'PRIMARY_INACTIVITY',
            initiatedBy: 'SYSTEM',
            at: '2025-12-01T10:00:00.000Z',
          },
        },
      ],
    });
  });

  it('skips an unknown field with its reason instead of refusing the delivery', () => {
    // Act
    const read = readWabaDelivery(
      delivery([{ field: 'business_capability_update', value: {} }]),
      NOW,
      APP_ID
    );

    // Assess
    expect(read).toEqual({
      ok: true,
      changes: [],
      skipped: [
        {
          wabaId: '2001',
          field: 'business_capability_update',
          reason: 'field business_capability_update is not one Tandem handles',
        },
      ],
    });
  });

  it("ignores another app's install events", () => {
    // Act
    const read = readWabaDelivery(
      delivery([
        {
          field: 'account_update',
          value: { event: 'PARTNER_APP_UNINSTALLED', waba_info: { partner_app_id: '999' } },
        },
      ]),
      NOW,
      APP_ID
    );

    // Assess
    expect(read).toMatchObject({ ok: true, changes: [] });
  });

  it('says why a body is not a WABA webhook', () => {
    // Act
    const read = readWabaDelivery(Buffer.from('{"object":"page","entry":[]}'), NOW, APP_ID);

    // Assess
    expect(read).toMatchObject({ ok: false });
  });
});

describe('Function: receiveWabaWebhook', () => {
  const harness = () => {
    const recorded = new Set<string>();
    const published: WhatsAppEventJob[] = [];
    const deps = {
      dedupe: {
        recorded: async (keys: readonly string[]) =>
          new Set(keys.filter((key) => recorded.has(key))),
        record: async (keys: readonly string[]) => {
          for (const key of keys) recorded.add(key);
        },
      },
      queue: {
        publish: async (jobs: readonly WhatsAppEventJob[]) => {
          published.push(...jobs);
        },
      },
      clock: { now: () => NOW },
    };
    return { deps, published };
  };

  const input = (rawBody: Buffer, signature = sign(rawBody)) => ({
    rawBody,
    signature,
    secrets: [SECRET],
    appId: APP_ID,
    deliveryId: 'req-1',
  });

  it('enqueues one job per change, and nothing for Meta’s redelivery of it', async () => {
    // Prepare
    const { deps, published } = harness();
    const body = delivery([
      { field: 'account_update', value: { event: 'ACCOUNT_RECONNECTED' } },
      {
        field: 'account_alerts',
        value: { entity_type: 'WABA', entity_id: '2001', alert_info: { alert_type: 'X' } },
      },
    ]);

    // Act
    const first = await receiveWabaWebhook(deps, input(body));
    const again = await receiveWabaWebhook(deps, input(body));

    // Assess
    expect(first).toMatchObject({ changes: 2, duplicates: 0, jobs: 2 });
    expect(again).toMatchObject({ changes: 2, duplicates: 2, jobs: 0 });
    expect(published.map((job) => job.event.kind)).toEqual(['connection', 'alert']);
  });

  it('refuses a forged signature before reading anything', async () => {
    // Prepare
    const { deps, published } = harness();
    const body = delivery([{ field: 'account_update', value: { event: 'ACCOUNT_OFFBOARDED' } }]);

    // Act
    const attempt = receiveWabaWebhook(deps, input(body, 'sha256=00'));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AuthenticationError);
    expect(published).toEqual([]);
  });
});
