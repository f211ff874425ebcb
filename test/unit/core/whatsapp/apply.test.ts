import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../functions/core/errors.js';
import type { SyncJob } from '../../../../functions/core/jobs.js';
import {
  defaultSync,
  type Link,
  UNSUPPORTED_FIELDS,
} from '../../../../functions/core/linking/model.js';
import { applyWhatsAppEvent } from '../../../../functions/core/whatsapp/apply.js';
import type { WhatsAppEvent } from '../../../../functions/core/whatsapp/events.js';
import { recordingPublisher } from '../../../helpers/events.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');

const aLink = (overrides: Partial<Link> = {}): Link => ({
  linkId: 'lnk_1',
  tenantId: 'tenant-a',
  grantId: 'grt_1',
  metaUserId: '700',
  pageId: '1001',
  pageName: 'Blue Bakery',
  wabaId: '2001',
  phoneNumberId: '3001',
  displayPhoneNumber: '+1 555-010-0001',
  status: 'active',
  sync: { ...defaultSync(), enabled: true },
  unsupported: UNSUPPORTED_FIELDS,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

const harness = (link: Link) => {
  let stored = structuredClone(link);
  const syncs: SyncJob[] = [];
  const forgotten: string[] = [];
  const events = recordingPublisher();
  const deps = {
    events,
    links: {
      listByWaba: async (wabaId: string) =>
        stored.wabaId === wabaId ? [structuredClone(stored)] : [],
      get: async () => structuredClone(stored),
      update: async (next: Link, expected: number) => {
        if (stored.version !== expected)
          throw new ConflictError('stale', undefined, 'version_mismatch');
        stored = structuredClone(next);
      },
    },
    state: {
      forgetPicture: async (_tenantId: string, linkId: string) => {
        forgotten.push(linkId);
      },
    },
    queue: {
      publish: async (jobs: readonly SyncJob[]) => {
        syncs.push(...jobs);
      },
    },
    clock: { now: () => NOW },
  };
  return { deps, stored: () => stored, syncs, forgotten, events };
};

const offboarded: WhatsAppEvent = {
  kind: 'connection',
  wabaId: '2001',
  at: '2026-12-01T09:00:00.000Z',
  event: 'ACCOUNT_OFFBOARDED',
  state: 'offboarded',
  reason: 'PRIMARY_INACTIVITY',
  initiatedBy: 'SYSTEM',
};
const reconnected: WhatsAppEvent = {
  kind: 'connection',
  wabaId: '2001',
  at: '2026-12-01T09:30:00.000Z',
  event: 'ACCOUNT_RECONNECTED',
  state: 'connected',
};

describe('Function: applyWhatsAppEvent', () => {
  it('tells the tenant: link.meta_changed and link.paused on offboarding, link.resumed on return', async () => {
    // Prepare
    const h = harness(aLink());

    // Act
    await applyWhatsAppEvent(h.deps, offboarded);
    await applyWhatsAppEvent(h.deps, reconnected);
    await applyWhatsAppEvent(h.deps, reconnected);

    // Assess: the repeat changes nothing and says nothing.
    expect(h.events.published.map((event) => event.type)).toEqual([
      'link.meta_changed',
      'link.paused',
      'link.meta_changed',
      'link.resumed',
    ]);
    expect(h.events.ofType('link.meta_changed')[0]).toMatchObject({
      state: 'connection_account_offboarded',
    });
    expect(h.events.ofType('link.meta_changed')[1]).toMatchObject({
      state: 'connection_account_reconnected',
      previous: 'connection_account_offboarded',
    });
    expect(h.events.ofType('link.paused')[0]).toMatchObject({
      reason: 'whatsapp_disconnected',
      message: expect.stringContaining('disconnected from the Cloud API'),
    });
  });

  it('pauses sync with the reason and the fix when a coexistence number is offboarded', async () => {
    // Prepare
    const h = harness(aLink());

    // Act
    const result = await applyWhatsAppEvent(h.deps, offboarded);

    // Assess
    expect(result).toEqual({ links: 1, changed: 1, syncs: 0 });
    expect(h.stored()).toMatchObject({
      status: 'paused',
      pause: { reason: 'whatsapp_disconnected' },
      whatsapp: { connection: { state: 'offboarded', reason: 'PRIMARY_INACTIVITY' } },
    });
    expect(h.stored().whatsapp?.connection?.fix).toMatch(/primary phone/);
  });

  it('resumes by itself on reconnection and syncs a link whose sync is on', async () => {
    // Prepare
    const h = harness(aLink());
    await applyWhatsAppEvent(h.deps, offboarded);

    // Act
    const result = await applyWhatsAppEvent(h.deps, reconnected, 'req-9');

    // Assess
    expect(result).toEqual({ links: 1, changed: 1, syncs: 1 });
    expect(h.stored().status).toBe('active');
    expect(h.stored().pause).toBeUndefined();
    expect(h.syncs).toEqual([
      expect.objectContaining({ kind: 'sync', trigger: 'whatsapp_event', correlationId: 'req-9' }),
    ]);
  });

  it('never lets an older event undo a newer one (SQS does not keep order)', async () => {
    // Prepare: the offboarding came after the reconnection, but is applied first.
    const h = harness(aLink());
    await applyWhatsAppEvent(h.deps, { ...offboarded, at: '2026-12-01T09:40:00.000Z' });

    // Act
    const stale = await applyWhatsAppEvent(h.deps, reconnected);

    // Assess
    expect(stale).toEqual({ links: 1, changed: 0, syncs: 0 });
    expect(h.stored().status).toBe('paused');
  });

  it('leaves a pause for another reason standing through a reconnection', async () => {
    // Prepare
    const h = harness(
      aLink({ status: 'paused', pause: { reason: 'local_override', since: NOW.toISOString() } })
    );
    await applyWhatsAppEvent(h.deps, offboarded);

    // Act
    await applyWhatsAppEvent(h.deps, reconnected);

    // Assess
    expect(h.stored().pause?.reason).toBe('local_override');
    expect(h.stored().whatsapp?.connection?.state).toBe('connected');
  });

  it('has sync upload the picture again when WhatsApp deleted a photo sync owns', async () => {
    // Prepare
    const h = harness(aLink());

    // Act
    const result = await applyWhatsAppEvent(h.deps, {
      kind: 'alert',
      wabaId: '2001',
      at: '2026-12-01T09:00:00.000Z',
      entityType: 'PHONE_NUMBER',
      entityId: '3001',
      alertType: 'PROFILE_PICTURE_LOST',
    });

    // Assess
    expect(result.syncs).toBe(1);
    expect(h.forgotten).toEqual(['lnk_1']);
    expect(h.stored().whatsapp?.alerts?.[0]).toMatchObject({ handling: 'resynced' });
  });

  it('only reports a lost photo when sync does not manage the picture', async () => {
    // Prepare
    const h = harness(aLink({ sync: defaultSync() }));

    // Act
    const result = await applyWhatsAppEvent(h.deps, {
      kind: 'alert',
      wabaId: '2001',
      at: '2026-12-01T09:00:00.000Z',
      alertType: 'PROFILE_PICTURE_LOST',
    });

    // Assess
    expect(result.syncs).toBe(0);
    expect(h.forgotten).toEqual([]);
    expect(h.stored().whatsapp?.alerts?.[0]).toMatchObject({ handling: 'reported' });
  });

  it('records a display name decision on the link of that number only', async () => {
    // Prepare
    const h = harness(aLink());

    // Act
    const other = await applyWhatsAppEvent(h.deps, {
      kind: 'display_name',
      wabaId: '2001',
      at: '2026-12-01T09:00:00.000Z',
      number: '15559998877',
      decision: 'APPROVED',
    });
    const own = await applyWhatsAppEvent(h.deps, {
      kind: 'display_name',
      wabaId: '2001',
      at: '2026-12-01T09:00:00.000Z',
      number: '15550100001',
      decision: 'REJECTED',
      rejectionReason: 'NAME_FORMAT',
    });

    // Assess
    expect(other.links).toBe(0);
    expect(own.changed).toBe(1);
    expect(h.stored().whatsapp?.displayName).toMatchObject({
      decision: 'REJECTED',
      rejectionReason: 'NAME_FORMAT',
    });
  });
});
