import type { operations } from '../api/schema.js';

/**
 * The links table's filters. Each says where it runs: on the server when GET /links takes it as a
 * query parameter, otherwise over the pages already fetched. Today GET /links takes only `limit` and
 * `cursor`, so every filter runs here; when the API grows a filter (status, pause reason, drift,
 * Meta-side link, health), its entry moves to `server` with the parameter's name and the table
 * starts asking the API instead, with nothing else to change.
 */

type LinkItem = {
  linkId: string;
  pageName: string;
  displayPhoneNumber: string;
  pageId: string;
  phoneNumberId: string;
  status: 'active' | 'paused';
  pause?: { reason: 'local_override' | 'token_invalid' | 'whatsapp_disconnected' };
  sync: { enabled: boolean };
};

/** The drift of a link as the latest check saw it; `unchecked` when no check covered it. */
type DriftState = string;

interface LinkFilters {
  text: string;
  status: '' | 'active' | 'paused';
  pauseReason: '' | 'local_override' | 'token_invalid' | 'whatsapp_disconnected';
  sync: '' | 'on' | 'off';
  drift: string;
}

type ListQuery = NonNullable<operations['linksList']['parameters']['query']>;

interface FilterSpec<K extends keyof LinkFilters> {
  /** The GET /links query parameter that takes it, once the API has one. */
  server?: keyof ListQuery;
  /** How it is matched over fetched links, while it is not the server's. */
  matches(link: LinkItem, value: LinkFilters[K], drift: DriftState): boolean;
}

const FILTERS: { [K in keyof LinkFilters]: FilterSpec<K> } = {
  text: {
    matches: (link, value) => {
      const needle = value.trim().toLowerCase();
      return (
        needle === '' ||
        [link.pageName, link.displayPhoneNumber, link.pageId, link.phoneNumberId, link.linkId].some(
          (field) => field.toLowerCase().includes(needle)
        )
      );
    },
  },
  status: { matches: (link, value) => value === '' || link.status === value },
  pauseReason: { matches: (link, value) => value === '' || link.pause?.reason === value },
  sync: {
    matches: (link, value) => value === '' || (value === 'on') === link.sync.enabled,
  },
  drift: { matches: (_link, value, drift) => value === '' || drift === value },
};

const NO_FILTERS: LinkFilters = { text: '', status: '', pauseReason: '', sync: '', drift: '' };

const keysOf = <T extends object>(value: T) => Object.keys(value) as (keyof T)[];

/** The query parameters for the filters the server applies (none today). */
const serverQuery = (filters: LinkFilters): Partial<ListQuery> => {
  const query: Record<string, unknown> = {};
  for (const key of keysOf(FILTERS)) {
    const param = FILTERS[key].server;
    if (param && filters[key] !== '') query[param] = filters[key];
  }
  return query as Partial<ListQuery>;
};

/** Whether a fetched link passes the filters the server did not apply. */
const matchesFilters = (link: LinkItem, filters: LinkFilters, drift: DriftState): boolean =>
  keysOf(FILTERS).every((key) => {
    const spec = FILTERS[key] as FilterSpec<typeof key>;
    return spec.server !== undefined || spec.matches(link, filters[key], drift);
  });

/** Whether any filter runs over the fetched pages (so the table says it filters what is loaded). */
const filtersLocally = (filters: LinkFilters): boolean =>
  keysOf(FILTERS).some((key) => FILTERS[key].server === undefined && filters[key] !== '');

export type { DriftState, LinkFilters, LinkItem };
export { filtersLocally, matchesFilters, NO_FILTERS, serverQuery };
