import type { operations } from '../api/schema.js';

/**
 * The links table's filters, all applied by the API: GET /links takes each as a query parameter,
 * and POST /links/bulk takes the same filter as a body, so a bulk action reaches exactly the links
 * the table lists (every page of them, not only those loaded).
 */

type ListQuery = NonNullable<operations['linksList']['parameters']['query']>;
type BulkFilter = NonNullable<
  operations['linksBulkStart']['requestBody']['content']['application/json']['filter']
>;
type LinkState = NonNullable<ListQuery['status']>;
type DriftFilter = NonNullable<ListQuery['drift']>;

interface LinkFilters {
  /** Either status, or a paused link's reason. */
  status: '' | LinkState;
  sync: '' | 'on' | 'off';
  drift: '' | DriftFilter;
  /** A Facebook Page id, digits only (the API matches it exactly). */
  pageId: string;
}

const NO_FILTERS: LinkFilters = { status: '', sync: '', drift: '', pageId: '' };

/** The API's rule for a Page id, so a malformed one is said beside the field, not sent. */
const PAGE_ID = /^\d{1,32}$/;

/** What is wrong with the Page id filter, if anything. */
const pageIdProblem = (filters: LinkFilters): string | undefined => {
  const pageId = filters.pageId.trim();
  return pageId === '' || PAGE_ID.test(pageId)
    ? undefined
    : 'A Page id is digits only, as in the Page’s address on Facebook (up to 32).';
};

/** The filter as the API's bulk body takes it (the same conditions GET /links applies). */
const bulkFilter = (filters: LinkFilters): BulkFilter => ({
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.sync ? { syncEnabled: filters.sync === 'on' } : {}),
  ...(filters.drift ? { drift: filters.drift } : {}),
  ...(filters.pageId.trim() ? { pageId: filters.pageId.trim() } : {}),
});

/** The GET /links query parameters for the filters. */
const listQuery = (filters: LinkFilters): Omit<ListQuery, 'limit' | 'cursor'> => {
  const { syncEnabled, ...rest } = bulkFilter(filters);
  return { ...rest, ...(syncEnabled === undefined ? {} : { syncEnabled: `${syncEnabled}` }) };
};

/** Whether any filter is set (so the table says which links a bulk action reaches). */
const isFiltered = (filters: LinkFilters): boolean => Object.keys(bulkFilter(filters)).length > 0;

export type { BulkFilter, DriftFilter, LinkFilters, LinkState };
export { bulkFilter, isFiltered, listQuery, NO_FILTERS, pageIdProblem };
