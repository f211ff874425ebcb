import { describe, expect, it } from 'vitest';
import { classifyDrift, healPolicy } from '../../../../functions/core/reconcile/drift.js';
import type { PageSnapshot } from '../../../../functions/core/sync/mapping.js';
import type { WrittenProfile } from '../../../../functions/core/sync/plan.js';

const page: PageSnapshot = {
  pageId: '1',
  about: 'Bread daily.',
  description: 'Bakery.',
  categories: ['Bakery'],
};
const fields = ['about', 'description'] as const;
const lastWritten: WrittenProfile = {
  fields: { about: 'Bread daily.', description: 'Bakery.' },
  pageObservedAt: '2026-11-01T00:00:00Z',
  writtenAt: '2026-11-01T00:00:01Z',
};

describe('Function: classifyDrift', () => {
  it("takes Tandem's own unconfirmed write landing late for a Page change to heal, never a WhatsApp edit", () => {
    // Prepare: Tandem last wrote 'Bread daily.'; an older write of 'Old bread.' went unanswered
    // and has just landed on WhatsApp.
    const unconfirmed = [{ fields: { about: 'Old bread.' }, sentAt: '2026-11-01T00:00:00Z' }];

    // Act
    const drift = classifyDrift(
      { kind: 'observed', page, whatsapp: { ...lastWritten.fields, about: 'Old bread.' } },
      fields,
      lastWritten,
      unconfirmed
    );

    // Assess
    expect(drift.class).toBe('page_changed');
    expect(drift.fields).toEqual([
      {
        field: 'about',
        side: 'page',
        page: 'Bread daily.',
        whatsapp: 'Old bread.',
        lastWritten: 'Bread daily.',
      },
    ]);
    expect(healPolicy(drift, true, false)).toBe('enqueue_sync');
  });

  it('still reports whatsapp_edited for a value no unconfirmed write sent', () => {
    // Act
    const drift = classifyDrift(
      { kind: 'observed', page, whatsapp: { ...lastWritten.fields, about: 'Edited.' } },
      fields,
      lastWritten,
      [{ fields: { about: 'Old bread.' }, sentAt: '2026-11-01T00:00:00Z' }]
    );

    // Assess
    expect(drift.class).toBe('whatsapp_edited');
  });

  it('reports in_sync when Page, WhatsApp and the last write agree', () => {
    // Act
    const drift = classifyDrift(
      { kind: 'observed', page, whatsapp: lastWritten.fields },
      fields,
      lastWritten
    );

    // Assess
    expect(drift).toEqual({ class: 'in_sync', fields: [], unsupported: [], webhooksLost: false });
  });

  it("reports webhook_subscription_lost when the app no longer receives the Page's webhooks", () => {
    // Act
    const quiet = classifyDrift(
      { kind: 'observed', page, whatsapp: lastWritten.fields, webhooksSubscribed: false },
      fields,
      lastWritten
    );
    const changed = classifyDrift(
      {
        kind: 'observed',
        page: { ...page, about: 'New' },
        whatsapp: lastWritten.fields,
        webhooksSubscribed: false,
      },
      fields,
      lastWritten
    );

    // Assess
    expect(quiet).toMatchObject({ class: 'webhook_subscription_lost', webhooksLost: true });
    // A Page change names the class; the lost subscription is still flagged for restoring.
    expect(changed).toMatchObject({ class: 'page_changed', webhooksLost: true });
  });

  it('reports page_changed with the field before and after', () => {
    // Act
    const drift = classifyDrift(
      {
        kind: 'observed',
        page: { ...page, about: 'Now with cakes.' },
        whatsapp: lastWritten.fields,
      },
      fields,
      lastWritten
    );

    // Assess
    expect(drift.class).toBe('page_changed');
    expect(drift.fields).toEqual([
      {
        field: 'about',
        side: 'page',
        page: 'Now with cakes.',
        whatsapp: 'Bread daily.',
        lastWritten: 'Bread daily.',
      },
    ]);
  });

  it('reports whatsapp_edited when only WhatsApp moved away from the last write', () => {
    // Act
    const drift = classifyDrift(
      {
        kind: 'observed',
        page,
        whatsapp: { ...lastWritten.fields, description: 'Edited on the phone.' },
      },
      fields,
      lastWritten
    );

    // Assess
    expect(drift.class).toBe('whatsapp_edited');
    expect(drift.fields[0]).toEqual(
      expect.objectContaining({ field: 'description', side: 'whatsapp' })
    );
  });

  it('reports both_changed when each side moved', () => {
    // Act
    const drift = classifyDrift(
      {
        kind: 'observed',
        page: { ...page, about: 'New about.' },
        whatsapp: { ...lastWritten.fields, description: 'Edited.' },
      },
      fields,
      lastWritten
    );

    // Assess
    expect(drift.class).toBe('both_changed');
  });

  it('reports unsupported_field for Page hours when nothing else drifted', () => {
    // Act
    const drift = classifyDrift(
      {
        kind: 'observed',
        page: { ...page, hours: { mon_1_open: '08:00' } },
        whatsapp: lastWritten.fields,
      },
      fields,
      lastWritten
    );

    // Assess
    expect(drift).toEqual({
      class: 'unsupported_field',
      fields: [],
      unsupported: ['hours'],
      webhooksLost: false,
    });
  });

  it('passes token and asset failures through as their own classes', () => {
    expect(classifyDrift({ kind: 'token_invalid' }, fields, lastWritten).class).toBe(
      'token_invalid'
    );
    expect(classifyDrift({ kind: 'asset_gone', which: 'page' }, fields, lastWritten).class).toBe(
      'asset_gone'
    );
  });

  it('treats any difference before the first write as a pending Page change', () => {
    // Act
    const drift = classifyDrift(
      { kind: 'observed', page, whatsapp: { about: 'Old' } },
      fields,
      undefined
    );

    // Assess
    expect(drift.class).toBe('page_changed');
    expect(drift.fields.map((field) => field.field)).toEqual(['about', 'description']);
  });
});

describe('Function: healPolicy', () => {
  const quiet = { fields: [], unsupported: [], webhooksLost: false };

  it('enqueues a sync only for a Page change on an active link with sync on', () => {
    const pageChanged = { ...quiet, class: 'page_changed' as const };
    expect(healPolicy(pageChanged, true, false)).toBe('enqueue_sync');
    expect(healPolicy(pageChanged, false, false)).toBe('report_only');
    expect(healPolicy(pageChanged, true, true)).toBe('report_only');
    expect(healPolicy({ ...quiet, class: 'whatsapp_edited' }, true, false)).toBe('report_only');
  });

  it('restores a lost webhook subscription, on a paused link too', () => {
    const lost = { ...quiet, class: 'webhook_subscription_lost' as const, webhooksLost: true };
    expect(healPolicy(lost, true, false)).toBe('restore_subscription');
    expect(healPolicy(lost, false, true)).toBe('restore_subscription');
  });
});
