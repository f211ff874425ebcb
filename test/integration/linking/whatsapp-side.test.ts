import { describe, expect, it } from 'vitest';
import { api, eventually } from '../../helpers/system.js';
import { admin, linkedTenant } from '../ads/linked.js';
import { reconcileTenant, syncByHand } from '../reconcile/fixtures.js';
import { linkWithSync, syncStatus } from '../sync/helpers.js';

/**
 * The WhatsApp side of a link through the whole system and the sandbox: Meta's own Page <-> number
 * link (read, lost, made with Meta's code), the number's health, and the WhatsApp Business
 * Account's webhooks (a coexistence number disconnected and reconnected, an alert, an unknown field).
 */

interface WhatsAppSide {
  metaLink: { state: string; pageNumber?: string; fix?: string; verification?: unknown } | null;
  health: { canSendMessage: string; reason?: string } | null;
  connection: { state: string; reason?: string; fix?: string } | null;
  alerts: { type: string; handling: string; note: string }[];
  notVisible: { feature: string; reason: string }[];
}

interface LinkBody {
  linkId: string;
  wabaId: string;
  status: string;
  pause?: { reason: string; details?: Record<string, unknown> };
  whatsapp: WhatsAppSide;
}

const readLink = async (tenant: string, linkId: string): Promise<LinkBody> => {
  const response = await api(`/links/${linkId}`, { tenant });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as LinkBody;
};

const putMetaLink = (tenant: string, linkId: string, body: Record<string, unknown>) =>
  api(`/links/${linkId}/meta-link`, { tenant, method: 'PUT', body });

describe("A link's WhatsApp side", () => {
  it("reads Meta's link and the number's health on demand, and names what it cannot see", async () => {
    // Prepare
    const linked = await linkedTenant();

    // Act
    const response = await api(`/links/${linked.linkId}/whatsapp`, { tenant: linked.tenant });

    // Assess
    expect(response.status, await response.clone().text()).toBe(200);
    const side = (await response.json()) as WhatsAppSide;
    expect(side.metaLink).toMatchObject({ state: 'linked', pageNumber: linked.numberDigits });
    expect(side.metaLink).not.toHaveProperty('fix');
    expect(side.health).toMatchObject({ canSendMessage: 'AVAILABLE' });
    expect(side.notVisible.map((item) => item.feature)).toEqual([
      'hours',
      'greeting_message',
      'away_message',
      'quick_replies',
      'labels',
    ]);
    // Stored on the link, so the next read of the link shows it without calling Meta.
    expect((await readLink(linked.tenant, linked.linkId)).whatsapp.metaLink?.state).toBe('linked');
  });

  it("finds a Page unlinked on Meta's side (no webhook says so) in the next reconcile run", async () => {
    // Prepare
    const linked = await linkedTenant();
    // In sync otherwise: field drift would name the class first.
    await syncByHand(linked);
    await api(`/links/${linked.linkId}/whatsapp`, { tenant: linked.tenant });
    // Unlinked in the WhatsApp Business app or the Page's settings: Meta sends no Page webhook.
    await admin('PATCH', `/pages/${linked.pageId}`, { whatsapp_number: null });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.meta_link_missing).toBe(1);
    expect(run.counts).toMatchObject({ metaLink: { missing: 1, linked: 0 } });
    expect(run.drifted).toEqual([{ linkId: linked.linkId, class: 'meta_link_missing' }]);
    const link = await readLink(linked.tenant, linked.linkId);
    expect(link.whatsapp.metaLink?.state).toBe('missing');
    expect(link.whatsapp.metaLink?.fix).toMatch(/PUT \/links\/.*\/meta-link/);
  });

  it("reports a BLOCKED number as drift with Meta's own reason", async () => {
    // Prepare
    const linked = await linkedTenant();
    await syncByHand(linked);
    await admin('PUT', `/phone-numbers/${linked.phoneNumberId}/health`, {
      can_send_message: 'BLOCKED',
      errors: [
        {
          error_code: 141010,
          error_description: 'The Business has not passed business verification.',
          possible_solution: 'Verify the business in Business Manager.',
        },
      ],
    });

    // Act
    const run = await reconcileTenant(linked.tenant);

    // Assess
    expect(run.counts.drift.number_blocked).toBe(1);
    expect(run.counts).toMatchObject({ health: { BLOCKED: 1 }, dailyChecks: 1 });
    const link = await readLink(linked.tenant, linked.linkId);
    expect(link.whatsapp.health).toMatchObject({
      canSendMessage: 'BLOCKED',
      reason: expect.stringContaining('has not passed business verification'),
    });
  });

  it("links the Page to the number on Meta's side with the code Meta sent to the number", async () => {
    // Prepare
    const linked = await linkedTenant();
    await admin('PATCH', `/pages/${linked.pageId}`, { whatsapp_number: null });

    // Act
    const started = await putMetaLink(linked.tenant, linked.linkId, {});
    const page = await admin<{ verification: { code: string } | null }>(
      'GET',
      `/pages/${linked.pageId}`
    );
    const code = page.verification?.code ?? '';
    const wrong = await putMetaLink(linked.tenant, linked.linkId, {
      code: code === '111111' ? '222222' : '111111',
    });
    const confirmed = await putMetaLink(linked.tenant, linked.linkId, { code });

    // Assess
    expect(started.status, await started.clone().text()).toBe(200);
    expect(await started.json()).toMatchObject({ outcome: 'code_sent' });
    expect(code).toMatch(/^\d{6}$/);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 'verification_code_invalid' } });
    expect(confirmed.status, await confirmed.clone().text()).toBe(200);
    expect(await confirmed.json()).toMatchObject({
      outcome: 'linked',
      metaLink: { state: 'linked', pageNumber: linked.numberDigits },
    });
    const after = await admin<{ whatsapp_number: string | null }>('GET', `/pages/${linked.pageId}`);
    expect(after.whatsapp_number?.replace(/\D/g, '')).toBe(linked.numberDigits);
  });

  it('refuses a code that is not digits with 400, before asking Meta', async () => {
    // Prepare
    const linked = await linkedTenant();

    // Act
    const response = await putMetaLink(linked.tenant, linked.linkId, { code: '12ab' });

    // Assess
    expect(response.status).toBe(400);
  });

  it("answers 404 for another tenant's link", async () => {
    // Prepare
    const linked = await linkedTenant();

    // Act
    const read = await api(`/links/${linked.linkId}/whatsapp`, { tenant: 't-stranger-wa' });
    const write = await putMetaLink('t-stranger-wa', linked.linkId, {});

    // Assess
    expect(read.status).toBe(404);
    expect(write.status).toBe(404);
  });
});

describe('WhatsApp Business Account webhooks', () => {
  it('subscribes the WABA when linking, so its webhooks reach Tandem', async () => {
    // Prepare
    const tenant = `t-waba-${Date.now()}`;

    // Act
    const { link } = await linkWithSync(tenant);

    // Assess
    const full = await readLink(tenant, link.linkId);
    const sent = await admin<{ subscribed: boolean }>('POST', `/wabas/${full.wabaId}/webhooks`, {
      field: 'phone_number_quality_update',
      value: { display_phone_number: '0', event: 'ONBOARDING' },
    });
    expect(sent.subscribed).toBe(true);
  });

  it('pauses sync when a coexistence number is disconnected and resumes it on reconnection', async () => {
    // Prepare
    const tenant = `t-coex-${Date.now()}`;
    const { link } = await linkWithSync(tenant);
    const { wabaId } = await readLink(tenant, link.linkId);

    // Act: the WhatsApp Business app's primary device went quiet; Meta offboards the number.
    await admin('POST', `/wabas/${wabaId}/disconnect`, { reason: 'PRIMARY_INACTIVITY' });
    const paused = await eventually(async () => {
      const current = await readLink(tenant, link.linkId);
      expect(current.status).toBe('paused');
      return current;
    });
    // Resuming by hand cannot bring the number back.
    const resumeByHand = await api(`/links/${link.linkId}/resume`, {
      tenant,
      body: { overwrite: true },
    });
    await admin('POST', `/wabas/${wabaId}/reconnect`, {});
    const resumed = await eventually(async () => {
      const current = await readLink(tenant, link.linkId);
      expect(current.status).toBe('active');
      return current;
    });

    // Assess
    expect(paused.pause).toMatchObject({ reason: 'whatsapp_disconnected' });
    expect(paused.whatsapp.connection).toMatchObject({
      state: 'offboarded',
      reason: 'PRIMARY_INACTIVITY',
      fix: expect.any(String),
    });
    expect(resumeByHand.status).toBe(409);
    expect(await resumeByHand.json()).toMatchObject({ error: { code: 'whatsapp_disconnected' } });
    expect(resumed.pause).toBeUndefined();
    expect(resumed.whatsapp.connection).toMatchObject({ state: 'connected' });
    // Sync is on: the reconnection enqueued a sync, which ran.
    await eventually(async () =>
      expect((await syncStatus(tenant, link.linkId)).lastResult).toMatchObject({
        trigger: 'whatsapp_event',
      })
    );
  });

  it('records an alert, and has sync put back a profile photo WhatsApp deleted', async () => {
    // Prepare
    const tenant = `t-alert-${Date.now()}`;
    const { link } = await linkWithSync(tenant);
    const { wabaId } = await readLink(tenant, link.linkId);

    // Act
    await admin('POST', `/wabas/${wabaId}/alerts`, {
      alert_type: 'PROFILE_PICTURE_LOST',
      phoneNumberId: link.phoneNumberId,
    });

    // Assess
    const alerted = await eventually(async () => {
      const current = await readLink(tenant, link.linkId);
      expect(current.whatsapp.alerts).toHaveLength(1);
      return current;
    });
    expect(alerted.whatsapp.alerts[0]).toMatchObject({
      type: 'PROFILE_PICTURE_LOST',
      handling: 'resynced',
    });
  });

  it('answers 200 to a field Tandem does not know, and changes nothing', async () => {
    // Prepare
    const tenant = `t-unknown-${Date.now()}`;
    const { link } = await linkWithSync(tenant);
    const before = await readLink(tenant, link.linkId);

    // Act
    const sent = await admin<{ deliveries: { status: number; attempts: number }[] }>(
      'POST',
      `/wabas/${before.wabaId}/webhooks`,
      { field: 'business_capability_update', value: { max_daily_conversations_per_business: 1 } }
    );

    // Assess
    expect(sent.deliveries).toEqual([expect.objectContaining({ status: 200, attempts: 1 })]);
    expect(await readLink(tenant, link.linkId)).toEqual(before);
  });

  it('refuses a delivery whose signature does not match with 401', async () => {
    // Prepare
    const tenant = `t-forged-${Date.now()}`;
    const { link } = await linkWithSync(tenant);
    const { wabaId } = await readLink(tenant, link.linkId);

    // Act
    const sent = await admin<{ deliveries: { status: number }[] }>(
      'POST',
      `/wabas/${wabaId}/webhooks`,
      { field: 'account_update', value: { event: 'ACCOUNT_OFFBOARDED' }, forgeSignature: true }
    );

    // Assess
    expect(sent.deliveries[0]?.status).toBe(401);
    expect((await readLink(tenant, link.linkId)).status).toBe('active');
  });
});
