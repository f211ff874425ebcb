import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../../../functions/core/reconcile/compare.js';
import type { Observation } from '../../../../functions/core/sync/ports.js';
import { aLink, fakeLinks, fakeState, LINK_ID, TENANT } from '../sync/fakes.js';

const NOW = new Date('2026-11-05T12:00:00.000Z');

/** A link never synced: no baseline, so every difference is a Page change still to sync. */
const depsWith = (observation: Observation) => ({
  links: fakeLinks(aLink()),
  state: fakeState(),
  observer: { observe: async () => observation },
  clock: { now: () => NOW },
});

describe('Function: compareProfiles', () => {
  it('maps the Page as sync would and marks each difference', async () => {
    // Prepare
    const deps = depsWith({
      kind: 'observed',
      page: { pageId: '1001', about: 'Fresh bread', categories: ['Bakery'] },
      whatsapp: { about: 'Fresh bread', description: 'Old text' },
    });

    // Act
    const comparison = await compareProfiles(deps, TENANT, LINK_ID);

    // Assess
    expect(comparison).toMatchObject({
      observation: 'observed',
      observedAt: NOW.toISOString(),
      driftClass: 'page_changed',
    });
    expect(comparison.fields.find((field) => field.field === 'about')).toMatchObject({
      page: 'Fresh bread',
      whatsapp: 'Fresh bread',
      differs: false,
    });
    expect(comparison.fields.find((field) => field.field === 'description')).toMatchObject({
      page: '',
      whatsapp: 'Old text',
      lastWritten: null,
      differs: true,
      drift: 'page',
    });
  });

  it('answers a refused token as an observation, with no fields', async () => {
    // Act
    const comparison = await compareProfiles(depsWith({ kind: 'token_invalid' }), TENANT, LINK_ID);

    // Assess
    expect(comparison).toMatchObject({
      observation: 'token_invalid',
      assetGone: null,
      driftClass: 'token_invalid',
      fields: [],
    });
  });

  it('names the asset that is gone', async () => {
    // Act
    const comparison = await compareProfiles(
      depsWith({ kind: 'asset_gone', which: 'phone_number' }),
      TENANT,
      LINK_ID
    );

    // Assess
    expect(comparison).toMatchObject({ observation: 'asset_gone', assetGone: 'phone_number' });
  });

  it("refuses another tenant's link as not found", async () => {
    // Act
    const reading = compareProfiles(depsWith({ kind: 'token_invalid' }), 'tenant-b', LINK_ID);

    // Assess
    await expect(reading).rejects.toMatchObject({ code: 'link_not_found' });
  });
});
