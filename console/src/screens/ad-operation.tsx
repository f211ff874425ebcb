import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { lastDays } from '../ads/days.js';
import { problemOf, unwrap } from '../api/call.js';
import type { AdInsights, AdOperation } from '../api/client.js';
import { TimeChart } from '../components/chart.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';
import { describeError, type Problem } from '../errors.js';
import { when } from '../labels.js';

const POLL_MS = 1500;
const DAYS = 7;

const STEPS: { key: keyof AdOperation['created']; label: string }[] = [
  { key: 'campaignId', label: 'Campaign' },
  { key: 'adSetId', label: 'Ad set (WhatsApp destination)' },
  { key: 'creativeId', label: 'Creative (Send WhatsApp message)' },
  { key: 'adId', label: 'Ad' },
];

const STATUS_TEXT: Record<AdOperation['status'], string> = {
  in_progress: 'Being created',
  incomplete: 'Stopped part-way; trying the same request again resumes it',
  completed: 'Created',
  failed: 'Failed',
};

const money = (value: number, currency: string | null) =>
  currency
    ? new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(value)
    : value.toFixed(2);

/** An ad operation: its progress step by step, and once the ad exists, its results per day. */
const AdOperationScreen = ({ linkId, operationId }: { linkId: string; operationId: string }) => {
  const { api } = useApp();
  const path = { params: { path: { linkId, operationId } } };
  const operation = useLoad(
    () => unwrap(api.GET('/links/{linkId}/ads/{operationId}', path)),
    [linkId, operationId]
  );
  const running = operation.data?.status === 'in_progress';
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void operation.reload(), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, operation.data?.updatedAt]);

  const current = operation.data;
  return (
    <section aria-labelledby="op-title">
      <p class="breadcrumb">
        <Link href="/">Links</Link> / <Link href={`/links/${linkId}`}>Link</Link> / Ad
      </p>
      <h1 id="op-title" tabIndex={-1}>
        Click-to-WhatsApp ad
      </h1>
      <ProblemNotice problem={operation.problem} />
      {current ? (
        <>
          <section class="panel" aria-labelledby="progress-title">
            <h2 id="progress-title">Progress</h2>
            <p role="status">
              <span class={`badge badge-${current.status}`}>{STATUS_TEXT[current.status]}</span>{' '}
              <span class="muted">
                updated {when(current.updatedAt)}; created{' '}
                {current.adStatus === 'PAUSED' ? 'paused' : 'active'} in {current.adAccountId}
              </span>
            </p>
            <ol class="steps">
              {STEPS.map((step) => {
                const id = current.created[step.key];
                return (
                  <li key={step.key} class={id ? 'step-done' : 'step-waiting'}>
                    <span aria-hidden="true">{id ? '✓ ' : '○ '}</span>
                    {step.label}:{' '}
                    {id ? (
                      <code>{id}</code>
                    ) : current.status === 'in_progress' ? (
                      'working…'
                    ) : (
                      'not created'
                    )}
                  </li>
                );
              })}
            </ol>
            {current.error ? (
              <ProblemNotice problem={describeError(0, { error: current.error })} />
            ) : null}
            {current.leftBehind?.length ? (
              <p>
                Left in the ad account:{' '}
                {current.leftBehind
                  .map((entry) => `${entry.step} ${entry.id} (${entry.reason})`)
                  .join('; ')}
                .
              </p>
            ) : null}
            <p class="muted">
              Operation <code>{current.operationId}</code>, Idempotency-Key{' '}
              <code>{current.idempotencyKey}</code>.
            </p>
          </section>
          {current.status === 'completed' ? (
            <Insights linkId={linkId} operationId={current.operationId} />
          ) : null}
        </>
      ) : operation.loading ? (
        <p aria-live="polite">Loading…</p>
      ) : null}
    </section>
  );
};

/**
 * The ad's results per day over the last week. The insights route answers totals for a range, so
 * each day is read on its own (one Meta read each, within the tenant's meta_reads quota).
 */
const Insights = ({ linkId, operationId }: { linkId: string; operationId: string }) => {
  const { api } = useApp();
  const [rows, setRows] = useState<AdInsights[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const days = lastDays(DAYS);
  useEffect(() => {
    let stale = false;
    Promise.all(
      days.map((day) =>
        unwrap(
          api.GET('/links/{linkId}/ads/{operationId}/insights', {
            params: { path: { linkId, operationId }, query: { since: day, until: day } },
          })
        )
      )
    ).then(
      (answers) => !stale && setRows(answers),
      (error: unknown) => !stale && setProblem(problemOf(error))
    );
    return () => {
      stale = true;
    };
  }, [linkId, operationId]);

  const currency = rows?.[0]?.currency ?? null;
  const total = (pick: (row: AdInsights) => number) =>
    (rows ?? []).reduce((sum, row) => sum + pick(row), 0);
  const conversations = total((row) => row.messagingConversationsStarted);
  return (
    <section class="panel" aria-labelledby="insights-title">
      <h2 id="insights-title">Results, last {DAYS} days</h2>
      <ProblemNotice problem={problem} />
      {rows === null && !problem ? <p aria-live="polite">Reading results from Facebook…</p> : null}
      {rows ? (
        <>
          <dl class="totals">
            <div>
              <dt>Spent</dt>
              <dd>
                {money(
                  total((row) => row.spend),
                  currency
                )}
              </dd>
            </div>
            <div>
              <dt>Impressions</dt>
              <dd>{total((row) => row.impressions).toLocaleString('en-GB')}</dd>
            </div>
            <div>
              <dt>WhatsApp conversations started</dt>
              <dd>{conversations.toLocaleString('en-GB')}</dd>
            </div>
            <div>
              <dt>Cost per conversation</dt>
              <dd>
                {conversations > 0
                  ? money(total((row) => row.spend) / conversations, currency)
                  : '—'}
              </dd>
            </div>
          </dl>
          <figure>
            <TimeChart
              days={days}
              axes={[`Spend${currency ? ` (${currency})` : ''}`, 'Conversations']}
              series={[
                {
                  label: 'Spend',
                  values: rows.map((row) => row.spend),
                  stroke: '#0b57d0',
                  axis: 0,
                },
                {
                  label: 'Conversations started',
                  values: rows.map((row) => row.messagingConversationsStarted),
                  stroke: '#a4262c',
                  dash: [6, 4],
                  axis: 1,
                },
              ]}
            />
            <figcaption>
              Spend (solid) and WhatsApp conversations started (dashed), per day (UTC).
            </figcaption>
          </figure>
          <table class="table">
            <caption>Per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Spend</th>
                <th scope="col">Impressions</th>
                <th scope="col">Conversations started</th>
                <th scope="col">Cost per conversation</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.since}>
                  <th scope="row">{row.since}</th>
                  <td>{money(row.spend, currency)}</td>
                  <td>{row.impressions.toLocaleString('en-GB')}</td>
                  <td>{row.messagingConversationsStarted}</td>
                  <td>
                    {row.costPerConversation === null
                      ? '—'
                      : money(row.costPerConversation, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
};

export { AdOperationScreen };
