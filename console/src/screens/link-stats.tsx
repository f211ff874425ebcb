import { useState } from 'preact/hooks';
import { unwrap } from '../api/call.js';
import type { LinkStats, TenantStats } from '../api/client.js';
import { TimeChart } from '../components/chart.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';

/**
 * Message statistics, as the daily pull stored them: messages sent and delivered, what Meta billed
 * for them, and what the Click-to-WhatsApp ads brought in, over a chosen range. For one link
 * (GET /links/{linkId}/stats), or, without a link, rolled up over all of the tenant's (GET /stats).
 */

const RANGES = {
  '30d': { label: 'Last 30 days, by day', days: 30, granularity: 'DAY' },
  '90d': { label: 'Last 90 days, by day', days: 90, granularity: 'DAY' },
  '12m': { label: 'Last 12 months, by month', days: 365, granularity: 'MONTH' },
} as const;
type RangeKey = keyof typeof RANGES;

const dayOffset = (days: number): string =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const money = (value: number | null, currency: string | null): string =>
  value === null
    ? 'not reported'
    : currency
      ? new Intl.NumberFormat('en-GB', {
          style: 'currency',
          currency,
          maximumFractionDigits: 4,
        }).format(value)
      : value.toFixed(2);

const count = (value: number) => value.toLocaleString('en-GB');

const MessageStats = ({ linkId }: { linkId?: string }) => {
  const { api } = useApp();
  const [range, setRange] = useState<RangeKey>('30d');
  const chosen = RANGES[range];
  const stats = useLoad((): Promise<LinkStats | TenantStats> => {
    const query = { since: dayOffset(chosen.days - 1), granularity: chosen.granularity };
    return linkId
      ? unwrap(api.GET('/links/{linkId}/stats', { params: { path: { linkId }, query } }))
      : unwrap(api.GET('/stats', { params: { query } }));
  }, [linkId, range]);
  const data = stats.data;
  const totals = data?.totals;
  return (
    <section aria-labelledby="stats-title" class="panel">
      <div class="title-row">
        <h2 id="stats-title">
          {data && 'links' in data
            ? `Messages and ads across ${data.links} ${data.links === 1 ? 'link' : 'links'}`
            : 'Messages and ads'}
        </h2>
        <label>
          Period{' '}
          <select
            value={range}
            onChange={(event) => setRange(event.currentTarget.value as RangeKey)}
          >
            {Object.entries(RANGES).map(([key, entry]) => (
              <option key={key} value={key}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProblemNotice problem={stats.problem} />
      {stats.loading && !data ? <p aria-live="polite">Loading statistics…</p> : null}
      {data && totals ? (
        <>
          <dl class="totals">
            <div>
              <dt>Messages sent</dt>
              <dd>{count(totals.sent)}</dd>
            </div>
            <div>
              <dt>Delivered</dt>
              <dd>{count(totals.delivered)}</dd>
            </div>
            <div>
              <dt>Message cost</dt>
              <dd>
                {money(totals.cost, data.currency)}
                {totals.cost !== null && !totals.costComplete ? ' (some days not reported)' : ''}
              </dd>
            </div>
            <div>
              <dt>Ad spend</dt>
              <dd>{totals.ads ? money(totals.ads.spend, data.adCurrency) : 'no ads'}</dd>
            </div>
            <div>
              <dt>Conversations started</dt>
              <dd>{totals.ads ? count(totals.ads.conversationsStarted) : '—'}</dd>
            </div>
            <div>
              <dt>Cost per conversation</dt>
              <dd>
                {totals.ads?.costPerConversation != null
                  ? money(totals.ads.costPerConversation, data.adCurrency)
                  : '—'}
              </dd>
            </div>
          </dl>
          {data.notes.map((note) => (
            <p key={note} class="notice notice-warn">
              {note}
            </p>
          ))}
          <figure>
            <TimeChart
              days={data.buckets.map((bucket) => bucket.start)}
              axes={['Messages', 'Conversations started']}
              series={[
                {
                  label: 'Sent',
                  values: data.buckets.map((bucket) => bucket.sent),
                  stroke: '#0b57d0',
                  axis: 0,
                },
                {
                  label: 'Delivered',
                  values: data.buckets.map((bucket) => bucket.delivered),
                  stroke: '#a4262c',
                  dash: [6, 4],
                  axis: 0,
                },
                {
                  label: 'Conversations started',
                  values: data.buckets.map((bucket) => bucket.ads?.conversationsStarted ?? null),
                  stroke: '#1e6b30',
                  dash: [2, 3],
                  axis: 1,
                },
              ]}
            />
            <figcaption>
              Messages sent (solid) and delivered (dashed), and conversations started from ads
              (dotted), per {chosen.granularity === 'DAY' ? 'day' : 'month'} (UTC).
            </figcaption>
          </figure>
          <table class="table">
            <caption>Per {chosen.granularity === 'DAY' ? 'day' : 'month'}</caption>
            <thead>
              <tr>
                <th scope="col">{chosen.granularity === 'DAY' ? 'Day' : 'Month'}</th>
                <th scope="col">Sent</th>
                <th scope="col">Delivered</th>
                <th scope="col">Message cost</th>
                <th scope="col">Ad spend</th>
                <th scope="col">Conversations started</th>
              </tr>
            </thead>
            <tbody>
              {data.buckets.map((bucket) => (
                <tr key={bucket.start}>
                  <th scope="row">
                    {chosen.granularity === 'DAY' ? bucket.start : bucket.start.slice(0, 7)}
                  </th>
                  <td>{count(bucket.sent)}</td>
                  <td>{count(bucket.delivered)}</td>
                  <td>
                    {bucket.cost === null && bucket.volume === 0
                      ? '—'
                      : money(bucket.cost, data.currency)}
                  </td>
                  <td>{bucket.ads ? money(bucket.ads.spend, data.adCurrency) : '—'}</td>
                  <td>{bucket.ads ? count(bucket.ads.conversationsStarted) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">
            Tandem reads these figures from Meta once a day; Meta keeps them for one year.
          </p>
        </>
      ) : null}
    </section>
  );
};

export { MessageStats };
