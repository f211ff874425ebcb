import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { problemOf, unwrap } from '../api/call.js';
import type { LinkView, ProfileComparison, SyncStatus } from '../api/client.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';
import type { Problem } from '../errors.js';
import {
  DRIFT_LABELS,
  FIELD_LABELS,
  label,
  OUTCOME_LABELS,
  PAUSE_LABELS,
  shown,
  TRIGGER_LABELS,
  when,
} from '../labels.js';
import { verdictOf } from '../links/compare.js';
import { pollRun } from '../links/poll-run.js';
import { startLinking } from '../links/start-linking.js';
import { MessageStats } from './link-stats.js';
import { StoriesPanel } from './link-stories.js';
import { WhatsAppSidePanel } from './link-whatsapp.js';
import { RecentAds } from './recent-ads.js';

/** How often the screen looks for a new sync result while it is open (a cheap read). */
const WATCH_MS = 3000;

type SyncField = keyof LinkView['sync']['fields'];

const SYNC_FIELDS = Object.keys(FIELD_LABELS).filter((field) => field !== 'hours') as SyncField[];

interface PausedField {
  field: string;
  expected?: string | string[];
  actual?: string | string[];
}

const pausedFieldsOf = (link: LinkView): PausedField[] => {
  const fields = link.pause?.details?.fields;
  return Array.isArray(fields) ? (fields as PausedField[]) : [];
};

/** One link: its two sides, sync and its history, the pause and resume, drift, and its ads. */
const LinkScreen = ({ linkId }: { linkId: string }) => {
  const { api } = useApp();
  const path = { params: { path: { linkId } } };
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState('');

  const link = useLoad(() => unwrap(api.GET('/links/{linkId}', path)), [linkId]);
  const status = useLoad(() => unwrap(api.GET('/links/{linkId}/sync', path)), [linkId]);
  const profiles = useLoad(() => unwrap(api.GET('/links/{linkId}/profiles', path)), [linkId]);
  const drift = useLoad(
    () =>
      unwrap(
        api.GET('/links/{linkId}/drift', { params: { path: { linkId }, query: { limit: 10 } } })
      ),
    [linkId]
  );

  // A Page edit arrives through Meta's webhook and the queue: watch for the next sync result.
  const lastAt = status.data?.lastResult?.at;
  useEffect(() => {
    const timer = setInterval(async () => {
      const next = await unwrap(api.GET('/links/{linkId}/sync', path)).catch(() => undefined);
      if (next && (next.lastResult?.at !== lastAt || next.status !== status.data?.status)) {
        await Promise.all([status.reload(), link.reload(), profiles.reload()]);
      }
    }, WATCH_MS);
    return () => clearInterval(timer);
  }, [linkId, lastAt, status.data?.status]);

  const act = async (name: string, action: () => Promise<string>) => {
    setBusy(name);
    setProblem(null);
    setNotice('');
    try {
      setNotice(await action());
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy('');
      await Promise.all([link.reload(), status.reload()]);
    }
  };

  const current = link.data;
  if (!current) {
    return (
      <section>
        <h1 tabIndex={-1}>Link</h1>
        {link.loading ? <p aria-live="polite">Loading the link…</p> : null}
        <ProblemNotice problem={link.problem} />
        <p>
          <Link href="/">Back to the links</Link>
        </p>
      </section>
    );
  }

  const saveSync = (sync: { enabled?: boolean; fields?: Partial<Record<SyncField, boolean>> }) =>
    act('sync', async () => {
      await unwrap(
        api.PATCH('/links/{linkId}', { ...path, body: { version: current.version, sync } })
      );
      return sync.enabled === undefined ? 'Saved.' : sync.enabled ? 'Sync is on.' : 'Sync is off.';
    });

  const resume = (overwrite: boolean) =>
    act('resume', async () => {
      await unwrap(
        api.POST('/links/{linkId}/resume', {
          ...path,
          body: { overwrite, version: current.version },
        })
      );
      await profiles.reload();
      return overwrite
        ? "Resumed: the Page's values will be copied over the WhatsApp edits."
        : 'Resumed: the edited fields keep their WhatsApp values and are no longer synced.';
    });

  return (
    <section aria-labelledby="link-title">
      <p class="breadcrumb">
        <Link href="/">Links</Link> / {current.pageName}
      </p>
      <div class="title-row">
        <h1 id="link-title" tabIndex={-1}>
          {current.pageName} <span class="muted">and</span> {current.displayPhoneNumber}
        </h1>
        <span class={`badge badge-${current.status}`}>
          {current.status === 'paused' ? 'Paused' : 'Active'}
        </span>
      </div>
      <ProblemNotice problem={problem} />
      <p class="notice notice-ok" role="status" hidden={notice === ''}>
        {notice}
      </p>

      {current.pause ? (
        <PauseNotice
          link={current}
          busy={busy !== ''}
          onResume={resume}
          onRelink={() =>
            act('relink', async () => {
              await startLinking(api);
              return '';
            })
          }
        />
      ) : null}

      <div class="grid-2">
        <SyncSettings link={current} busy={busy !== ''} onSave={saveSync} />
        <SyncStatusPanel
          status={status.data}
          busy={busy}
          onSyncNow={() =>
            act('syncnow', async () => {
              await unwrap(api.POST('/links/{linkId}/sync', path));
              return 'A sync is on its way.';
            })
          }
        />
      </div>

      <SideBySide
        comparison={profiles.data}
        problem={profiles.problem}
        loading={profiles.loading}
        onReload={profiles.reload}
      />

      <WhatsAppSidePanel key={linkId} linkId={linkId} side={current.whatsapp} />

      <MessageStats linkId={linkId} />

      <StoriesPanel key={linkId} linkId={linkId} />

      <section aria-labelledby="drift-title" class="panel">
        <div class="title-row">
          <h2 id="drift-title">Drift history</h2>
          <button
            type="button"
            disabled={busy !== ''}
            onClick={() =>
              act('check', async () => {
                const run = await pollRun(api, { linkId });
                await drift.reload();
                return `Checked: ${label(DRIFT_LABELS, run.drifted[0]?.class ?? 'in_sync')}.`;
              })
            }
          >
            {busy === 'check' ? 'Checking…' : 'Check this link now'}
          </button>
        </div>
        <ProblemNotice problem={drift.problem} />
        {drift.data && drift.data.items.length === 0 ? (
          <p>No drift recorded: every check found this link in step (or none has run yet).</p>
        ) : null}
        {drift.data?.items.map((entry) => (
          <article class="history" key={entry.runId}>
            <h3>
              {when(entry.observedAt)}: {label(DRIFT_LABELS, entry.class)}
              {entry.action === 'enqueue_sync' ? ' (a sync was started)' : ''}
            </h3>
            {entry.fields.length > 0 ? (
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Changed on</th>
                    <th scope="col">Page</th>
                    <th scope="col">WhatsApp</th>
                    <th scope="col">Last copied</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.fields.map((field) => (
                    <tr key={field.field}>
                      <th scope="row">{label(FIELD_LABELS, field.field)}</th>
                      <td>
                        {field.side === 'both'
                          ? 'both sides'
                          : field.side === 'page'
                            ? 'the Page'
                            : 'WhatsApp'}
                      </td>
                      <td class="value">{shown(field.page)}</td>
                      <td class="value">{shown(field.whatsapp)}</td>
                      <td class="value">{shown(field.lastWritten)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {entry.unsupported.length > 0 ? (
              <p class="muted">
                Not carried to WhatsApp:{' '}
                {entry.unsupported.map((field) => label(FIELD_LABELS, field)).join(', ')}.
              </p>
            ) : null}
          </article>
        ))}
      </section>

      <RecentAds linkId={linkId} />
    </section>
  );
};

const PauseNotice = ({
  link,
  busy,
  onResume,
  onRelink,
}: {
  link: LinkView;
  busy: boolean;
  onResume(overwrite: boolean): void;
  onRelink(): void;
}) => {
  const fields = pausedFieldsOf(link);
  return (
    <section class="notice notice-warn" aria-labelledby="pause-title">
      <h2 id="pause-title">Sync is paused: {label(PAUSE_LABELS, link.pause?.reason)}</h2>
      <p>Since {when(link.pause?.since)}.</p>
      {link.pause?.reason === 'local_override' ? (
        <>
          <p>
            Someone changed the WhatsApp profile directly, so Tandem stopped copying the Page to it,
            as WhatsApp's own app does. Choose which side keeps its values:
          </p>
          {fields.length > 0 ? (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">On the Page</th>
                  <th scope="col">Edited on WhatsApp</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field) => (
                  <tr key={field.field}>
                    <th scope="row">{label(FIELD_LABELS, field.field)}</th>
                    <td class="value">{shown(field.expected)}</td>
                    <td class="value">{shown(field.actual)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => onResume(true)}>
              Resume: copy the Page over WhatsApp
            </button>
            <button type="button" disabled={busy} onClick={() => onResume(false)}>
              Resume: keep the WhatsApp values
            </button>
          </div>
          <p class="muted">
            Keeping the WhatsApp values stops syncing just those fields; everything else carries on.
          </p>
        </>
      ) : (
        <>
          <p>
            Facebook no longer accepts the sign-in behind this link. Link the Page again to resume.
          </p>
          <button type="button" class="primary" disabled={busy} onClick={onRelink}>
            Link again with Facebook
          </button>
        </>
      )}
    </section>
  );
};

const SyncSettings = ({
  link,
  busy,
  onSave,
}: {
  link: LinkView;
  busy: boolean;
  onSave(sync: { enabled?: boolean; fields?: Partial<Record<SyncField, boolean>> }): void;
}) => {
  const [fields, setFields] = useState(link.sync.fields);
  useEffect(() => setFields(link.sync.fields), [link.version]);
  const changed = SYNC_FIELDS.some((field) => fields[field] !== link.sync.fields[field]);
  return (
    <section aria-labelledby="sync-title" class="panel">
      <h2 id="sync-title">Sync</h2>
      <p>
        Sync is <strong>{link.sync.enabled ? 'on' : 'off'}</strong>: the Page's business info{' '}
        {link.sync.enabled ? 'is copied' : 'is not copied'} to the WhatsApp profile.
      </p>
      <button
        type="button"
        class={link.sync.enabled ? '' : 'primary'}
        disabled={busy}
        onClick={() => onSave({ enabled: !link.sync.enabled })}
      >
        {link.sync.enabled ? 'Turn sync off' : 'Turn sync on'}
      </button>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave({ fields });
        }}
      >
        <fieldset>
          <legend>Fields to copy</legend>
          {SYNC_FIELDS.map((field) => (
            <label class="check" key={field}>
              <input
                type="checkbox"
                checked={fields[field]}
                onChange={(event) =>
                  setFields({
                    ...fields,
                    [field]: (event.currentTarget as HTMLInputElement).checked,
                  })
                }
              />
              {label(FIELD_LABELS, field)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy || !changed}>
          Save fields
        </button>
      </form>
      {link.unsupported.map((entry) => (
        <p class="muted" key={entry.field}>
          {label(FIELD_LABELS, entry.field)}: {entry.reason}
        </p>
      ))}
    </section>
  );
};

const SyncStatusPanel = ({
  status,
  busy,
  onSyncNow,
}: {
  status: SyncStatus | undefined;
  busy: string;
  onSyncNow(): void;
}) => (
  <section aria-labelledby="status-title" class="panel">
    <h2 id="status-title">Sync status</h2>
    {status ? (
      <dl class="facts">
        <dt>Last copied in full</dt>
        <dd>{when(status.lastSyncAt)}</dd>
        <dt>Last run</dt>
        <dd>
          {status.lastResult
            ? `${label(OUTCOME_LABELS, status.lastResult.outcome)}, ${when(status.lastResult.at)}, after ${label(TRIGGER_LABELS, status.lastResult.trigger)}`
            : 'None yet'}
        </dd>
        {status.lastResult?.changedFields.length ? (
          <>
            <dt>Fields copied</dt>
            <dd>
              {status.lastResult.changedFields
                .map((field) => label(FIELD_LABELS, field))
                .join(', ')}
            </dd>
          </>
        ) : null}
        {status.lastResult?.reason ? (
          <>
            <dt>Why</dt>
            <dd>{status.lastResult.reason}</dd>
          </>
        ) : null}
        {status.unconfirmedWrites.length > 0 ? (
          <>
            <dt>Waiting for WhatsApp</dt>
            <dd>
              {status.unconfirmedWrites
                .map(
                  (write) =>
                    `${write.fields.map((field) => label(FIELD_LABELS, field)).join(', ')} (sent ${when(write.sentAt)})`
                )
                .join('; ')}
            </dd>
          </>
        ) : null}
      </dl>
    ) : (
      <p aria-live="polite">Loading…</p>
    )}
    {status?.notes.length ? (
      <ul class="notes">
        {status.notes.map((note) => (
          <li key={`${note.field}-${note.kind}`}>{note.message}</li>
        ))}
      </ul>
    ) : null}
    <button
      type="button"
      disabled={busy !== '' || !status?.enabled || status.status === 'paused'}
      onClick={onSyncNow}
    >
      {busy === 'syncnow' ? 'Starting…' : 'Sync now'}
    </button>
  </section>
);

const SideBySide = ({
  comparison,
  problem,
  loading,
  onReload,
}: {
  comparison: ProfileComparison | undefined;
  problem: Problem | null;
  loading: boolean;
  onReload(): void;
}) => (
  <section aria-labelledby="sides-title" class="panel">
    <div class="title-row">
      <h2 id="sides-title">Facebook Page and WhatsApp profile</h2>
      <button type="button" onClick={onReload} disabled={loading}>
        {loading ? 'Reading…' : 'Read both again'}
      </button>
    </div>
    <ProblemNotice problem={problem} />
    {comparison?.observation === 'token_invalid' ? (
      <p>Facebook no longer accepts the sign-in behind this link, so neither side can be read.</p>
    ) : null}
    {comparison?.observation === 'asset_gone' ? (
      <p>
        The {comparison.assetGone === 'page' ? 'Facebook Page' : 'WhatsApp number'} is gone, so the
        two sides cannot be compared.
      </p>
    ) : null}
    {comparison && comparison.fields.length > 0 ? (
      <>
        <p class="muted">
          Read {when(comparison.observedAt)}: {label(DRIFT_LABELS, comparison.driftClass)}. The Page
          column shows what sync writes to WhatsApp, within WhatsApp's limits.
        </p>
        <table class="table sides">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Facebook Page</th>
              <th scope="col">WhatsApp profile</th>
              <th scope="col">Compared</th>
            </tr>
          </thead>
          <tbody>
            {comparison.fields.map((row) => {
              const verdict = verdictOf(row);
              return (
                <tr key={row.field} class={`row-${verdict.tone}`} data-field={row.field}>
                  <th scope="row">
                    {label(FIELD_LABELS, row.field)}
                    {row.synced ? '' : <span class="muted"> (not synced)</span>}
                  </th>
                  <td class="value">{shown(row.page)}</td>
                  <td class="value">{shown(row.whatsapp)}</td>
                  <td>
                    <span class={`verdict verdict-${verdict.tone}`}>
                      <span aria-hidden="true">{verdict.tone === 'same' ? '=' : '≠'} </span>
                      {verdict.text}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {comparison.notes.length > 0 ? (
          <ul class="notes">
            {comparison.notes.map((note) => (
              <li key={`${note.field}-${note.kind}`}>{note.message}</li>
            ))}
          </ul>
        ) : null}
      </>
    ) : null}
  </section>
);

export { LinkScreen };
