import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { problemOf, unwrap } from '../api/call.js';
import type { BulkOperation, FleetSummary, LinkListItem } from '../api/client.js';
import { Field } from '../components/field.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';
import type { Problem } from '../errors.js';
import {
  DRIFT_LABELS,
  label,
  OUTCOME_LABELS,
  PAUSE_LABELS,
  STATE_LABELS,
  when,
} from '../labels.js';
import { BULK_CHOICES, type BulkChoice, progressOf, runBulk } from '../links/bulk.js';
import {
  bulkFilter,
  isFiltered,
  type LinkFilters,
  listQuery,
  NO_FILTERS,
  pageIdProblem,
} from '../links/filters.js';
import { pollRun } from '../links/poll-run.js';
import { startLinking } from '../links/start-linking.js';
import { healthLabel, metaLinkLabel, type WhatsAppSide } from '../links/whatsapp.js';

const PAGE_SIZE = 50;

/** A link's WhatsApp side on Meta, in a table cell: the Page's button, then the number's health. */
const WhatsAppCell = ({ side }: { side: WhatsAppSide | undefined }) => {
  const metaLink = metaLinkLabel(side);
  const health = healthLabel(side);
  return (
    <>
      <span class={`badge badge-${metaLink.badge}`}>{metaLink.label}</span>
      <span class="muted small block">Number: {health.label.toLowerCase()}</span>
    </>
  );
};

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

/** The tenant's links counted (GET /summary); each count sets the table's filter to it. */
const SummaryStrip = ({
  summary,
  onFilter,
}: {
  summary: FleetSummary;
  onFilter(filters: LinkFilters): void;
}) => {
  const drifted = Object.entries(summary.drift).filter(
    ([drift, count]) => count > 0 && drift !== 'in_sync' && drift !== 'unchecked'
  );
  const entries: [string, number, LinkFilters][] = [
    ['Links', summary.total, NO_FILTERS],
    ['Active', summary.status.active, { ...NO_FILTERS, status: 'active' }],
    [
      STATE_LABELS.local_override ?? '',
      summary.pauseReasons.local_override,
      { ...NO_FILTERS, status: 'local_override' },
    ],
    [
      STATE_LABELS.token_invalid ?? '',
      summary.pauseReasons.token_invalid,
      { ...NO_FILTERS, status: 'token_invalid' },
    ],
    ['Sync on', summary.sync.enabled, { ...NO_FILTERS, sync: 'on' }],
    ['In step', summary.drift.in_sync, { ...NO_FILTERS, drift: 'in_sync' }],
    ...drifted.map(([drift, count]): [string, number, LinkFilters] => [
      label(DRIFT_LABELS, drift),
      count,
      { ...NO_FILTERS, drift: drift as LinkFilters['drift'] },
    ]),
    ['Not checked yet', summary.drift.unchecked, { ...NO_FILTERS, drift: 'unchecked' }],
  ];
  return (
    <ul class="summary" aria-label="Your links at a glance">
      {entries.map(([name, count, filters]) => (
        <li key={name}>
          <button
            type="button"
            onClick={() => onFilter(filters)}
            aria-label={`${count} ${name}: show these`}
          >
            <span class="summary-count">{count}</span> {name}
          </button>
        </li>
      ))}
    </ul>
  );
};

/** A bulk action over every link the filter matches, with its progress as the API reports it. */
const BulkActions = ({
  filters,
  disabled,
  onDone,
}: {
  filters: LinkFilters;
  disabled: boolean;
  onDone(): Promise<void>;
}) => {
  const { api } = useApp();
  const [choice, setChoice] = useState<BulkChoice>('enable_sync');
  const [operation, setOperation] = useState<BulkOperation | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [running, setRunning] = useState(false);

  const start = async (event: Event) => {
    event.preventDefault();
    setRunning(true);
    setProblem(null);
    setOperation(null);
    try {
      await runBulk(api, choice, bulkFilter(filters), setOperation);
      await onDone();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <form class="panel bulk" onSubmit={start} aria-labelledby="bulk-title">
      <h2 id="bulk-title">Change many links at once</h2>
      <p class="muted">
        {isFiltered(filters)
          ? 'Applies to every link that matches the filters above, on every page, not only those shown.'
          : 'No filter is set: applies to every link of your organisation.'}
      </p>
      <div class="filters">
        <label>
          Action
          <select
            value={choice}
            onChange={(event) => setChoice(event.currentTarget.value as BulkChoice)}
          >
            {Object.entries(BULK_CHOICES).map(([key, entry]) => (
              <option key={key} value={key}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={disabled || running}>
          {running ? 'Applying…' : 'Apply to the matching links'}
        </button>
      </div>
      <ProblemNotice problem={problem} />
      <div role="status" aria-live="polite">
        {operation ? <p>{progressOf(operation)}</p> : null}
      </div>
      {operation && operation.failures.length > 0 ? (
        <table class="table">
          <caption>Links that could not be changed</caption>
          <thead>
            <tr>
              <th scope="col">Link</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {operation.failures.map((failure) => (
              <tr key={failure.linkId}>
                <td>
                  <Link href={`/links/${failure.linkId}`}>{failure.linkId}</Link>
                </td>
                <td>{failure.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </form>
  );
};

const LastSync = ({ last }: { last: LinkListItem['lastSync'] }) =>
  last ? (
    <>
      <span class={last.outcome === 'failed' ? 'verdict-differs' : undefined}>
        {label(OUTCOME_LABELS, last.outcome)}
      </span>
      <span class="muted small"> {when(last.at)}</span>
      {last.reason ? <span class="muted small block">{last.reason}</span> : null}
    </>
  ) : (
    <span class="muted">Not synced yet</span>
  );

/** Every link of the tenant, filtered by the API, with its counts and bulk actions. */
const LinksScreen = () => {
  const { api } = useApp();
  const [filters, setFilters] = useState<LinkFilters>(NO_FILTERS);
  const [extra, setExtra] = useState<LinkListItem[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState('');
  const pageIdError = pageIdProblem(filters);
  // What is typed in the Page id field, applied when the field is left or Enter is pressed: the
  // field keeps its text while the table re-renders around it (a load ending mid-typing).
  const [pageIdDraft, setPageIdDraft] = useState('');
  useEffect(() => setPageIdDraft(filters.pageId), [filters.pageId]);

  const links = useLoad(async () => {
    setExtra([]);
    if (pageIdError) {
      setCursor(undefined);
      return [];
    }
    const page = await unwrap(
      api.GET('/links', { params: { query: { limit: PAGE_SIZE, ...listQuery(filters) } } })
    );
    setCursor(page.nextCursor);
    return page.items;
  }, [filters.status, filters.sync, filters.drift, filters.pageId]);
  const summary = useLoad(() => unwrap(api.GET('/summary')), []);
  const reload = async () => {
    await Promise.all([links.reload(), summary.reload()]);
  };

  const loadMore = async () => {
    setBusy('more');
    try {
      const page = await unwrap(
        api.GET('/links', {
          params: { query: { limit: PAGE_SIZE, cursor, ...listQuery(filters) } },
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
      await reload();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy('');
    }
  };

  const rows = [...(links.data ?? []), ...extra];
  const set = (key: keyof LinkFilters) => (event: Event) =>
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLInputElement).value });
  const none = !links.loading && rows.length === 0 && !links.problem;

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
      <p class="muted">Each link keeps a Facebook Page and a WhatsApp Business number in step.</p>
      <ProblemNotice problem={problem ?? links.problem ?? summary.problem} />
      {summary.data && summary.data.total > 0 ? (
        <SummaryStrip summary={summary.data} onFilter={setFilters} />
      ) : null}
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...filters, pageId: pageIdDraft });
        }}
        aria-label="Filter links"
      >
        <FilterSelect
          label="Status"
          value={filters.status}
          onChange={set('status')}
          options={STATE_LABELS}
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
        <Field id="filter-page-id" label="Facebook Page id" error={pageIdError}>
          <input
            id="filter-page-id"
            inputMode="numeric"
            value={pageIdDraft}
            onInput={(event) => setPageIdDraft(event.currentTarget.value)}
            onChange={set('pageId')}
            aria-invalid={pageIdError ? true : undefined}
            aria-describedby={pageIdError ? 'filter-page-id-error' : undefined}
            placeholder="e.g. 102938475610293"
          />
        </Field>
        {isFiltered(filters) ? (
          <button type="button" class="link-button" onClick={() => setFilters(NO_FILTERS)}>
            Clear the filters
          </button>
        ) : null}
      </form>
      {links.loading && rows.length === 0 ? <p aria-live="polite">Loading links…</p> : null}
      {none && !isFiltered(filters) ? (
        <p>No links yet. Link a Page with Facebook to start.</p>
      ) : null}
      {none && isFiltered(filters) && !pageIdError ? <p>No link matches these filters.</p> : null}
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
              <th scope="col">WhatsApp on Meta</th>
              <th scope="col">Last sync</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => (
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
                    <span class="muted small block">
                      {label(PAUSE_LABELS, item.pause.reason)}, since {when(item.pause.since)}
                    </span>
                  ) : null}
                </td>
                <td>{item.sync.enabled ? 'On' : 'Off'}</td>
                <td>
                  {label(DRIFT_LABELS, item.drift?.class ?? 'unchecked')}
                  {item.drift && item.drift.class !== 'in_sync' ? (
                    <span class="muted small block">since {when(item.drift.since)}</span>
                  ) : null}
                </td>
                <td>
                  <WhatsAppCell side={item.whatsapp} />
                </td>
                <td>
                  <LastSync last={item.lastSync} />
                </td>
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
      {summary.data && summary.data.total > 0 ? (
        <BulkActions filters={filters} disabled={busy !== '' || !!pageIdError} onDone={reload} />
      ) : null}
    </section>
  );
};

export { LinksScreen };
