import { useState } from 'preact/hooks';
import { problemOf, unwrap } from '../api/call.js';
import { ProblemNotice } from '../components/problem.js';
import { useApp } from '../context.js';
import type { Problem } from '../errors.js';
import { when } from '../labels.js';
import { fixesOf, healthLabel, metaLinkLabel, type WhatsAppSide } from '../links/whatsapp.js';

/**
 * The link's WhatsApp side on Meta: the Page's WhatsApp button (linked, missing, another number),
 * the number's messaging health and its connection, with the fix when one is needed. "Check now"
 * reads it from Meta (GET /links/{linkId}/whatsapp).
 */
const WhatsAppSidePanel = ({
  linkId,
  side: recorded,
}: {
  linkId: string;
  side: WhatsAppSide | undefined;
}) => {
  const { api } = useApp();
  const [checked, setChecked] = useState<{ side: WhatsAppSide; at: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const side = checked?.side ?? recorded;
  const metaLink = metaLinkLabel(side);
  const health = healthLabel(side);
  const fixes = fixesOf(side);

  const check = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await unwrap(
        api.GET('/links/{linkId}/whatsapp', { params: { path: { linkId } } })
      );
      setChecked({ side: answer, at: answer.checkedAt });
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="whatsapp-side-title" class="panel whatsapp-side">
      <div class="title-row">
        <h2 id="whatsapp-side-title">WhatsApp on Meta</h2>
        <button type="button" onClick={check} disabled={busy}>
          {busy ? 'Checking…' : 'Check now'}
        </button>
      </div>
      <ProblemNotice problem={problem} />
      <dl class="facts">
        <dt>The Page’s WhatsApp button</dt>
        <dd>
          <span class={`badge badge-${metaLink.badge}`}>{metaLink.label}</span>
          {side?.metaLink?.pageNumber ? (
            <span class="muted small block">Number on the Page: {side.metaLink.pageNumber}</span>
          ) : null}
          {side?.metaLink?.reason ? (
            <span class="muted small block">{side.metaLink.reason}</span>
          ) : null}
          {side?.metaLink ? (
            <span class="muted small block">since {when(side.metaLink.since)}</span>
          ) : null}
        </dd>
        <dt>The number’s health</dt>
        <dd>
          <span class={`badge badge-${health.badge}`}>{health.label}</span>
          {side?.health?.reason ? (
            <span class="muted small block">{side.health.reason}</span>
          ) : null}
          {(side?.health?.problems ?? []).flatMap((found) =>
            found.errors.map((error, index) => (
              <span class="muted small block" key={`${found.entityId}-${index}`}>
                {found.entityType}: {error.description ?? error.code}
                {error.solution ? ` ${error.solution}` : ''}
              </span>
            ))
          )}
        </dd>
        {side?.connection && side.connection.state !== 'connected' ? (
          <>
            <dt>Connection</dt>
            <dd>
              <span class="badge badge-failed">
                {side.connection.state === 'offboarded' ? 'Offboarded' : 'Partner removed'}
              </span>
              {side.connection.reason ? (
                <span class="muted small block">{side.connection.reason}</span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {fixes.length > 0 ? (
        <div class="notice notice-warn">
          <p>
            <strong>To fix it:</strong>
          </p>
          {fixes.map((fix) => (
            <p class="fix" key={fix}>
              {fix}
            </p>
          ))}
        </div>
      ) : null}
      <p class="muted small" role="status">
        {checked ? `Checked with Meta ${when(checked.at)}.` : 'As Tandem last saw it.'}
      </p>
    </section>
  );
};

export { WhatsAppSidePanel };
