import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../../console/src/links/compare.js';
import {
  bulkFilter,
  isFiltered,
  listQuery,
  NO_FILTERS,
  pageIdProblem,
} from '../../../console/src/links/filters.js';

describe('Console: link filters', () => {
  it('asks GET /links for every filter, sync as the query string takes it', () => {
    // Prepare
    const filters = {
      status: 'local_override' as const,
      sync: 'off' as const,
      drift: 'whatsapp_edited' as const,
      pageId: ' 1001 ',
    };

    // Assess
    expect(listQuery(filters)).toEqual({
      status: 'local_override',
      syncEnabled: 'false',
      drift: 'whatsapp_edited',
      pageId: '1001',
    });
    expect(listQuery(NO_FILTERS)).toEqual({});
  });

  it('gives POST /links/bulk the same filter, sync as a boolean', () => {
    expect(bulkFilter({ ...NO_FILTERS, sync: 'on', status: 'paused' })).toEqual({
      status: 'paused',
      syncEnabled: true,
    });
    expect(bulkFilter(NO_FILTERS)).toEqual({});
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, drift: 'unchecked' })).toBe(true);
  });

  it('refuses a Page id that is not digits, as the API would', () => {
    expect(pageIdProblem({ ...NO_FILTERS, pageId: 'blue bakery' })).toMatch(/digits only/);
    expect(pageIdProblem({ ...NO_FILTERS, pageId: '1'.repeat(33) })).toMatch(/digits only/);
    expect(pageIdProblem({ ...NO_FILTERS, pageId: '102938475610293' })).toBeUndefined();
    expect(pageIdProblem(NO_FILTERS)).toBeUndefined();
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
