import { describe, expect, it } from 'vitest';
import type { ProfileComparison } from '../../../functions/core/reconcile/compare.js';
import { api, eventually } from '../../helpers/system.js';
import { aTenant } from '../linking/journey.js';
import { editPage, editWhatsApp, linkWithSync, profileOf } from './helpers.js';

/** GET /links/{linkId}/profiles: the Page and the WhatsApp profile now, field by field. */

const profiles = async (tenant: string, linkId: string): Promise<ProfileComparison> => {
  const response = await api(`/links/${linkId}/profiles`, { tenant });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ProfileComparison;
};

const fieldOf = (comparison: ProfileComparison, field: string) =>
  comparison.fields.find((entry) => entry.field === field);

describe('Link profiles API', () => {
  it('shows every field side by side, and a direct WhatsApp edit as drift on the WhatsApp side', async () => {
    // Prepare: a link synced once, then edited directly on WhatsApp.
    const tenant = aTenant('profiles');
    const linked = await linkWithSync(tenant);
    await editPage(linked.pageId, { description: 'Sourdough since 1982.' });
    await eventually(async () =>
      expect((await profileOf(linked.phoneNumberId)).description).toBe('Sourdough since 1982.')
    );
    const synced = await profiles(tenant, linked.link.linkId);
    await editWhatsApp(linked.phoneNumberId, { about: 'Closed on Mondays' });

    // Act
    const edited = await profiles(tenant, linked.link.linkId);

    // Assess
    expect(synced).toMatchObject({ observation: 'observed', driftClass: 'in_sync' });
    expect(synced.fields.map((entry) => entry.field)).toEqual([
      'about',
      'description',
      'address',
      'email',
      'websites',
      'vertical',
    ]);
    expect(fieldOf(synced, 'description')).toEqual({
      field: 'description',
      synced: true,
      page: 'Sourdough since 1982.',
      whatsapp: 'Sourdough since 1982.',
      lastWritten: 'Sourdough since 1982.',
      differs: false,
      drift: null,
    });
    expect(edited.driftClass).toBe('whatsapp_edited');
    expect(fieldOf(edited, 'about')).toMatchObject({
      whatsapp: 'Closed on Mondays',
      differs: true,
      drift: 'whatsapp',
    });
    expect(fieldOf(edited, 'about')?.page).not.toBe('Closed on Mondays');
  });

  it('marks a field the link does not sync, and does not count it as drift', async () => {
    // Prepare
    const tenant = aTenant('profiles-optout');
    const linked = await linkWithSync(tenant);
    const patched = await api(`/links/${linked.link.linkId}`, {
      tenant,
      method: 'PATCH',
      body: { sync: { fields: { about: false } } },
    });
    expect(patched.status).toBe(200);
    await editWhatsApp(linked.phoneNumberId, { about: 'Only on WhatsApp' });

    // Act
    const comparison = await profiles(tenant, linked.link.linkId);

    // Assess
    expect(fieldOf(comparison, 'about')).toMatchObject({
      synced: false,
      whatsapp: 'Only on WhatsApp',
      differs: true,
      drift: null,
    });
  });

  it("answers 404 for another tenant's link, and 400 for a malformed id", async () => {
    // Prepare
    const tenant = aTenant('profiles-owner');
    const linked = await linkWithSync(tenant, { enabled: false });

    // Act
    const stranger = await api(`/links/${linked.link.linkId}/profiles`, {
      tenant: aTenant('profiles-stranger'),
    });
    const malformed = await api('/links/not-a-link/profiles', { tenant });

    // Assess
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toMatchObject({ error: { code: 'link_not_found' } });
    expect(malformed.status).toBe(400);
  });
});
