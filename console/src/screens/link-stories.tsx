import { useState } from 'preact/hooks';
import { problemOf, unwrap } from '../api/call.js';
import type { StoriesList, StoryConsent } from '../api/client.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';
import type { Problem } from '../errors.js';
import { when } from '../labels.js';

/**
 * The link's stories: consent per target (the Page's Facebook stories, its Instagram stories), off
 * by default, turned on or off here (GET/PUT /links/{linkId}/stories/consent) with who changed it
 * and when; the permissions still missing, with the sign-in that asks for them; and the link's
 * stories with each target's outcome (GET /links/{linkId}/stories).
 */

type Target = 'facebook' | 'instagram';
const TARGETS: { key: Target; label: string }[] = [
  { key: 'facebook', label: 'Facebook stories' },
  { key: 'instagram', label: 'Instagram stories' },
];

type Story = StoriesList['items'][number];
type Outcome = NonNullable<Story['targets'][Target]>;

const STORY_STATUS: Record<Story['status'], { label: string; badge: string }> = {
  queued: { label: 'Queued', badge: 'in_progress' },
  in_progress: { label: 'Publishing', badge: 'in_progress' },
  completed: { label: 'Published', badge: 'completed' },
  partial: { label: 'Partly published', badge: 'incomplete' },
  failed: { label: 'Failed', badge: 'failed' },
  cancelled: { label: 'Cancelled', badge: 'paused' },
};

const OUTCOME_WORDS: Record<Outcome['status'], string> = {
  pending: 'Waiting to publish',
  waiting_quota: 'Waiting for Instagram’s daily limit',
  published: 'Published',
  failed: 'Failed',
  cancelled: 'Cancelled (consent turned off)',
};

const onOff = (targets: Record<Target, boolean>): string => {
  const on = TARGETS.filter((target) => targets[target.key]).map((target) => target.label);
  return on.length > 0 ? `On: ${on.join(', ')}` : 'Both off';
};

const OutcomeCell = ({ outcome }: { outcome: Outcome | undefined }) =>
  outcome ? (
    <>
      {OUTCOME_WORDS[outcome.status]}
      {outcome.publishedId ? (
        <span class="muted small block">Published id: {outcome.publishedId}</span>
      ) : null}
      {outcome.publishedAt ? (
        <span class="muted small block">{when(outcome.publishedAt)}</span>
      ) : null}
      {outcome.error ? <span class="muted small block">{outcome.error.message}</span> : null}
      {outcome.resumeAt ? (
        <span class="muted small block">Tries again {when(outcome.resumeAt)}</span>
      ) : null}
    </>
  ) : (
    <span class="muted">Not asked for</span>
  );

const StoriesPanel = ({ linkId }: { linkId: string }) => {
  const { api } = useApp();
  const path = { params: { path: { linkId } } };
  const loaded = useLoad(() => unwrap(api.GET('/links/{linkId}/stories/consent', path)), [linkId]);
  const stories = useLoad(() => unwrap(api.GET('/links/{linkId}/stories', path)), [linkId]);
  const [saved, setSaved] = useState<StoryConsent | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const consent = saved ?? loaded.data;

  const toggle = async (target: Target, on: boolean) => {
    if (!consent) return;
    setBusy(true);
    setProblem(null);
    setNotice('');
    try {
      const answer = await unwrap(
        api.PUT('/links/{linkId}/stories/consent', {
          ...path,
          body: { targets: { ...consent.targets, [target]: on } },
        })
      );
      setSaved(answer);
      const name = TARGETS.find((entry) => entry.key === target)?.label ?? target;
      setNotice(`${name} ${on ? 'on' : 'off'}.`);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="stories-title" class="panel link-stories">
      <h2 id="stories-title">Stories</h2>
      <p>
        Tandem can post one story to the Page’s Facebook stories and its Instagram stories.
        Cross-posting is off by default: nothing is posted to a target until you turn it on here.
        WhatsApp Status is not offered, because Meta has no official API for it.
      </p>
      <ProblemNotice problem={loaded.problem ?? problem} />
      {loaded.loading && !consent ? <p aria-live="polite">Loading the story consent…</p> : null}
      {consent ? (
        <>
          <fieldset>
            <legend>Post stories to</legend>
            {TARGETS.map((target) => (
              <label class="check" key={target.key}>
                <input
                  type="checkbox"
                  name={`story-${target.key}`}
                  checked={consent.targets[target.key]}
                  disabled={busy}
                  onChange={(event) =>
                    void toggle(target.key, (event.currentTarget as HTMLInputElement).checked)
                  }
                />
                {target.label}
                <span class="muted" data-target-state={target.key}>
                  {consent.targets[target.key] ? '(on)' : '(off)'}
                </span>
                {target.key === 'instagram' && consent.instagramUsername ? (
                  <span class="muted small">@{consent.instagramUsername}</span>
                ) : null}
              </label>
            ))}
          </fieldset>
          <p class="notice notice-ok" role="status" hidden={notice === ''}>
            {notice}
          </p>
          {consent.missingPermissions.length > 0 ? (
            <div class="notice notice-warn">
              <p>
                <strong>Permissions still missing:</strong> {consent.missingPermissions.join(', ')}.
                Stories to the targets that are on cannot be posted until Facebook grants them.
              </p>
              {consent.signIn ? (
                <p>
                  <a class="button primary" href={consent.signIn.authorizeUrl}>
                    Grant the story permissions
                  </a>{' '}
                  <span class="muted small">
                    (signs in with Facebook; the link works until {when(consent.signIn.expiresAt)})
                  </span>
                </p>
              ) : null}
            </div>
          ) : null}
          <h3>Changes of consent</h3>
          {consent.history.length === 0 ? (
            <p class="muted">Never changed: both targets are off, as they are by default.</p>
          ) : (
            <table class="table">
              <caption class="visually-hidden">Who changed the story consent, and when</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Targets</th>
                </tr>
              </thead>
              <tbody>
                {[...consent.history].reverse().map((entry) => (
                  <tr key={`${entry.at}-${entry.by}`}>
                    <td>{when(entry.at)}</td>
                    <td>{entry.by}</td>
                    <td>{onOff(entry.targets)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      <div class="title-row">
        <h3>This link’s stories</h3>
        <button type="button" onClick={() => void stories.reload()} disabled={stories.loading}>
          {stories.loading ? 'Loading…' : 'Reload'}
        </button>
      </div>
      <ProblemNotice problem={stories.problem} />
      {stories.data && stories.data.items.length === 0 ? (
        <p class="muted">No stories yet.</p>
      ) : null}
      {stories.data && stories.data.items.length > 0 ? (
        <table class="table">
          <caption class="visually-hidden">The link’s stories and each target’s outcome</caption>
          <thead>
            <tr>
              <th scope="col">Asked for</th>
              <th scope="col">Story</th>
              <th scope="col">Facebook</th>
              <th scope="col">Instagram</th>
            </tr>
          </thead>
          <tbody>
            {stories.data.items.map((story) => {
              const status = STORY_STATUS[story.status];
              return (
                <tr key={story.operationId}>
                  <td>{when(story.createdAt)}</td>
                  <td>
                    <span class={`badge badge-${status.badge}`}>{status.label}</span>
                    <span class="muted small block">
                      {story.media.type === 'video' ? 'Video' : 'Photo'}
                    </span>
                  </td>
                  <td>
                    <OutcomeCell outcome={story.targets.facebook} />
                  </td>
                  <td>
                    <OutcomeCell outcome={story.targets.instagram} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};

export { StoriesPanel };
