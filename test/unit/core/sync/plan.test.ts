import { describe, expect, it } from 'vitest';
import type { PageSnapshot, ProfileFields } from '../../../../functions/core/sync/mapping.js';
import { planSync, type SyncState } from '../../../../functions/core/sync/plan.js';
import { diffProfiles } from '../../../../functions/core/sync/profile.js';

const page: PageSnapshot = {
  pageId: '1001',
  about: 'Fresh bread every morning.',
  description: 'A family bakery.',
  categories: ['Bakery'],
  picture: { url: 'https://cdn.example/p.png', sha256: 'hash-1' },
};

const written: ProfileFields = {
  about: 'Fresh bread every morning.',
  description: 'A family bakery.',
};

const state = (overrides: Partial<SyncState> = {}): SyncState => ({
  enabled: true,
  fields: ['about', 'description'],
  paused: false,
  lastWritten: {
    fields: written,
    pageObservedAt: '2026-11-01T10:00:00.000Z',
    writtenAt: '2026-11-01T10:00:01.000Z',
  },
  ...overrides,
});

describe('Function: diffProfiles', () => {
  it('ignores surrounding spaces, email case and a trailing slash on websites', () => {
    // Act
    const diffs = diffProfiles(
      { about: 'Hi', email: 'A@B.example', websites: ['https://a.example/'] },
      { about: ' Hi ', email: 'a@b.example', websites: ['https://a.example'] },
      ['about', 'email', 'websites']
    );

    // Assess
    expect(diffs).toEqual([]);
  });

  it('names each differing field with both values', () => {
    // Act
    const diffs = diffProfiles({ about: 'Hi' }, { about: 'Hello' }, ['about']);

    // Assess
    expect(diffs).toEqual([{ field: 'about', expected: 'Hi', actual: 'Hello' }]);
  });
});

describe('Function: planSync', () => {
  it('does nothing while sync is off', () => {
    expect(planSync(state({ enabled: false }), page, '2026-11-02T00:00:00Z', written)).toEqual({
      kind: 'disabled',
    });
  });

  it('does nothing while the link is paused', () => {
    expect(planSync(state({ paused: true }), page, '2026-11-02T00:00:00Z', written)).toEqual({
      kind: 'paused',
    });
  });

  it('refuses a Page snapshot older than the one already written', () => {
    // Act
    const plan = planSync(state(), page, '2026-11-01T09:59:59.000Z', written);

    // Assess
    expect(plan).toEqual({ kind: 'stale', lastObservedAt: '2026-11-01T10:00:00.000Z' });
  });

  it('pauses with local_override when WhatsApp no longer holds what Tandem wrote', () => {
    // Prepare
    const current = { ...written, about: 'Edited in the WhatsApp app' };

    // Act
    const plan = planSync(state(), page, '2026-11-02T00:00:00Z', current);

    // Assess
    expect(plan).toEqual({
      kind: 'pause',
      reason: 'local_override',
      diffs: [{ field: 'about', expected: written.about, actual: 'Edited in the WhatsApp app' }],
    });
  });

  it('writes only the fields whose Page value differs from WhatsApp', () => {
    // Prepare
    const changed = { ...page, description: 'A family bakery since 1982.' };

    // Act
    const plan = planSync(state(), changed, '2026-11-02T00:00:00Z', written);

    // Assess
    expect(plan).toEqual(
      expect.objectContaining({
        kind: 'update',
        changes: { description: 'A family bakery since 1982.' },
        baseline: { about: page.about, description: 'A family bakery since 1982.' },
        picture: undefined,
      })
    );
  });

  it('answers noop when WhatsApp already matches the Page', () => {
    expect(planSync(state(), page, '2026-11-02T00:00:00Z', written)).toEqual({
      kind: 'noop',
      notes: [],
    });
  });

  it('uploads the picture only when its bytes changed', () => {
    // Prepare
    const fields = ['about', 'description', 'profilePicture'] as const;
    const synced = state({ fields });
    const same = state({
      fields,
      lastWritten: {
        fields: written,
        pictureSha256: 'hash-1',
        pageObservedAt: '2026-11-01T10:00:00.000Z',
        writtenAt: '2026-11-01T10:00:01.000Z',
      },
    });

    // Act
    const first = planSync(synced, page, '2026-11-02T00:00:00Z', written);
    const again = planSync(same, page, '2026-11-02T00:00:00Z', written);

    // Assess
    expect(first).toEqual(expect.objectContaining({ kind: 'update', picture: page.picture }));
    expect(again.kind).toBe('noop');
  });

  it('leaves an email the Page no longer has on WhatsApp, and says the Cloud API cannot clear it', () => {
    // Prepare
    const synced = state({
      fields: ['about', 'email'],
      lastWritten: {
        fields: { about: page.about ?? '', email: 'old@bakery.example' },
        pageObservedAt: '2026-11-01T10:00:00.000Z',
        writtenAt: '2026-11-01T10:00:01.000Z',
      },
    });

    // Act
    const plan = planSync(synced, page, '2026-11-02T10:00:00.000Z', {
      about: page.about ?? '',
      email: 'old@bakery.example',
    });

    // Assess
    expect(plan.kind).toBe('noop');
    if (plan.kind !== 'noop') return;
    expect(plan.notes).toEqual([
      expect.objectContaining({
        field: 'email',
        kind: 'kept',
        message: expect.stringContaining('cannot clear'),
      }),
    ]);
  });

  it('takes over on the first sync without calling WhatsApp values an override', () => {
    // Act
    const plan = planSync(state({ lastWritten: undefined }), page, '2026-11-02T00:00:00Z', {
      about: 'Old',
    });

    // Assess
    expect(plan).toEqual(
      expect.objectContaining({
        kind: 'update',
        changes: { about: page.about, description: page.description },
      })
    );
  });
});
