import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../../console/src/links/compare.js';
import { driftStateOf } from '../../../console/src/links/drift-state.js';
import {
  filtersLocally,
  type LinkItem,
  matchesFilters,
  NO_FILTERS,
  serverQuery,
} from '../../../console/src/links/filters.js';

const link = (overrides: Partial<LinkItem> = {}): LinkItem & { createdAt: string } => ({
  linkId: 'lnk_1',
  pageName: 'Blue Bakery',
  displayPhoneNumber: '+1 555 0100',
  pageId: '1001',
  phoneNumberId: '3001',
  status: 'active',
  sync: { enabled: true },
  createdAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

describe('Console: link filters', () => {
  it('filters by text, status, pause reason, sync and drift over fetched links', () => {
    // Prepare
    const paused = link({ status: 'paused', pause: { reason: 'local_override' } });

    // Assess
    expect(matchesFilters(link(), { ...NO_FILTERS, text: 'blue' }, 'in_sync')).toBe(true);
    expect(matchesFilters(link(), { ...NO_FILTERS, text: 'green' }, 'in_sync')).toBe(false);
    expect(matchesFilters(paused, { ...NO_FILTERS, status: 'paused' }, 'in_sync')).toBe(true);
    expect(matchesFilters(paused, { ...NO_FILTERS, pauseReason: 'token_invalid' }, '')).toBe(false);
    expect(matchesFilters(link(), { ...NO_FILTERS, sync: 'off' }, 'in_sync')).toBe(false);
    expect(matchesFilters(link(), { ...NO_FILTERS, drift: 'whatsapp_edited' }, 'in_sync')).toBe(
      false
    );
  });

  it('sends no filter to GET /links, which takes none yet, and says it filters locally', () => {
    // Prepare
    const filters = { ...NO_FILTERS, status: 'paused' as const };

    // Assess
    expect(serverQuery(filters)).toEqual({});
    expect(filtersLocally(filters)).toBe(true);
    expect(filtersLocally(NO_FILTERS)).toBe(false);
  });
});

describe('Console: driftStateOf', () => {
  const run = {
    scope: 'tenant' as const,
    status: 'completed' as const,
    startedAt: '2026-11-02T00:00:00.000Z',
    drifted: [{ linkId: 'lnk_2', class: 'whatsapp_edited' }],
  };

  it('takes a listed link’s class, and an unlisted covered link as in step', () => {
    expect(driftStateOf(link({ linkId: 'lnk_2' }), run)).toBe('whatsapp_edited');
    expect(driftStateOf(link(), run)).toBe('in_sync');
  });

  it('says not checked for a link newer than the run, a paused link in a scheduled run, or no run', () => {
    expect(driftStateOf({ ...link(), createdAt: '2026-11-03T00:00:00.000Z' }, run)).toBe(
      'unchecked'
    );
    expect(driftStateOf(link({ status: 'paused' }), { ...run, scope: 'all' })).toBe('unchecked');
    expect(driftStateOf(link(), { ...run, status: 'running' })).toBe('unchecked');
    expect(driftStateOf(link(), undefined)).toBe('unchecked');
  });
});

describe('Console: verdictOf', () => {
  it('says which side moved, in words', () => {
    expect(verdictOf({ synced: true, differs: false, drift: null }).text).toBe('Same on both');
    expect(verdictOf({ synced: true, differs: true, drift: 'whatsapp' }).text).toBe(
      'Differs: edited on WhatsApp'
    );
    expect(verdictOf({ synced: false, differs: true, drift: null }).tone).toBe('off');
  });
});
