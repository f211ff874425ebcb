import { useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { ProblemError, problemOf, unwrap } from '../api/call.js';
import type { LinkView, RunView } from '../api/client.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';
import type { Problem } from '../errors.js';
import { DRIFT_LABELS, label, PAUSE_LABELS, when } from '../labels.js';
import { driftStateOf } from '../links/drift-state.js';
import {
  filtersLocally,
  type LinkFilters,
  matchesFilters,
  NO_FILTERS,
  serverQuery,
} from '../links/filters.js';
import { pollRun } from '../links/poll-run.js';
import { startLinking } from '../links/start-linking.js';

const PAGE_SIZE = 50;

const STATUS_OPTIONS = { active: 'Active', paused: 'Paused' };
const SYNC_OPTIONS = { on: 'On', off: 'Off' };

/** One filter: "Any", then each value with its label. */
const FilterSelect = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Record<string, string>;
  onChange(event: Event): void;
}) => (
  <label>
    {label}
    <select value={value} onChange={onChange}>
      <option value="">Any</option>
      {Object.entries(options).map(([option, text]) => (
        <option key={option} value={option}>
          {text}
        </option>
      ))}
    </select>
  </label>
);

/** Every link of the tenant, filterable, with its drift from the latest check. */
const LinksScreen = () => {
  const { api } = useApp();
  const [filters, setFilters] = useState<LinkFilters>(NO_FILTERS);
  const [extra, setExtra] = useState<LinkView[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState('');

  const links = useLoad(async () => {
    const page = await unwrap(
      api.GET('/links', { params: { query: { limit: PAGE_SIZE, ...serverQuery(filters) } } })
    );
    setExtra([]);
    setCursor(page.nextCursor);
    return page.items;
  }, [filters.status, filters.pauseReason, filters.sync, filters.drift]);

  const latest = useLoad(async (): Promise<RunView | undefined> => {
    try {
      return await unwrap(api.GET('/reconcile/runs/latest'));
    } catch (error) {
      // No check has covered the tenant yet: every link is "not checked yet".
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }, []);

  const loadMore = async () => {
    setBusy('more');
    try {
      const page = await unwrap(
        api.GET('/links', {
          params: { query: { limit: PAGE_SIZE, cursor, ...serverQuery(filters) } },
        })
      );
      setExtra((items) => [...items, ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy('');
    }
  };

  const link = async () => {
    setBusy('link');
    setProblem(null);
    try {
      await startLinking(api);
    } catch (error) {
      setProblem(problemOf(error));
      setBusy('');
    }
  };

  const checkAll = async () => {
    setBusy('check');
    setProblem(null);
    try {
      await pollRun(api, {});
      await latest.reload();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy('');
    }
  };

  const all = [...(links.data ?? []), ...extra];
  const rows = all
    .map((item) => ({ item, drift: driftStateOf(item, latest.data) }))
    .filter(({ item, drift }) => matchesFilters(item, filters, drift));
  const set = (key: keyof LinkFilters) => (event: Event) =>
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLInputElement).value });

  return (
    <section aria-labelledby="links-title">
      <div class="title-row">
        <h1 id="links-title" tabIndex={-1}>
          Links
        </h1>
        <div class="actions">
          <button type="button" class="primary" onClick={link} disabled={busy !== ''}>
            {busy === 'link' ? 'Opening Facebook…' : 'Link a Page with Facebook'}
          </button>
          <button type="button" onClick={checkAll} disabled={busy !== ''}>
            {busy === 'check' ? 'Checking…' : 'Check all links now'}
          </button>
        </div>
      </div>
      <p class="muted">
        Each link keeps a Facebook Page and a WhatsApp Business number in step.
        {latest.data ? ` Last check: ${when(latest.data.startedAt)}.` : ''}
      </p>
      <ProblemNotice problem={problem ?? links.problem ?? latest.problem} />
      <form class="filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter links">
        <label>
          Search
          <input
            type="search"
            value={filters.text}
            onInput={set('text')}
            placeholder="Page, number or id"
          />
        </label>
        <FilterSelect
          label="Status"
          value={filters.status}
          onChange={set('status')}
          options={STATUS_OPTIONS}
        />
        <FilterSelect
          label="Pause reason"
          value={filters.pauseReason}
          onChange={set('pauseReason')}
          options={PAUSE_LABELS}
        />
        <FilterSelect
          label="Sync"
          value={filters.sync}
          onChange={set('sync')}
          options={SYNC_OPTIONS}
        />
        <FilterSelect
          label="Drift"
          value={filters.drift}
          onChange={set('drift')}
          options={DRIFT_LABELS}
        />
      </form>
      {filtersLocally(filters) ? (
        <p class="muted" aria-live="polite">
          Showing {rows.length} of the {all.length} links loaded
          {cursor ? '; load more to search further' : ''}.
        </p>
      ) : null}
      {links.loading && all.length === 0 ? <p aria-live="polite">Loading links…</p> : null}
      {!links.loading && all.length === 0 && !links.problem ? (
        <p>No links yet. Link a Page with Facebook to start.</p>
      ) : null}
      {rows.length > 0 ? (
        <table class="table">
          <caption class="visually-hidden">Links</caption>
          <thead>
            <tr>
              <th scope="col">Facebook Page</th>
              <th scope="col">WhatsApp number</th>
              <th scope="col">Status</th>
              <th scope="col">Sync</th>
              <th scope="col">Drift</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ item, drift }) => (
              <tr key={item.linkId}>
                <td>
                  <Link href={`/links/${item.linkId}`}>{item.pageName}</Link>
                </td>
                <td>{item.displayPhoneNumber}</td>
                <td>
                  <span class={`badge badge-${item.status}`}>
                    {item.status === 'paused' ? 'Paused' : 'Active'}
                  </span>
                  {item.pause ? (
                    <span class="muted"> {label(PAUSE_LABELS, item.pause.reason)}</span>
                  ) : null}
                </td>
                <td>{item.sync.enabled ? 'On' : 'Off'}</td>
                <td>{label(DRIFT_LABELS, drift)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {cursor ? (
        <button type="button" onClick={loadMore} disabled={busy !== ''}>
          {busy === 'more' ? 'Loading…' : 'Load more links'}
        </button>
      ) : null}
    </section>
  );
};

export { LinksScreen };
