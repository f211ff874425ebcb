import { useState } from 'preact/hooks';
import { MAX_ORIGINS } from '../../../functions/core/linking/origins.js';
import { problemOf, unwrap } from '../api/call.js';
import { Field } from '../components/field.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';
import type { Problem } from '../errors.js';
import { when } from '../labels.js';
import { DOCUMENTED_LIMITS } from '../limits.js';
import { originErrors } from '../settings/origins.js';
import { WebhooksPanel } from '../settings/webhooks-panel.js';

/**
 * The organisation's registered origins (GET and PUT /settings/origins), edited one per field, with
 * the API's own objections placed beside the field they are about.
 */
const OriginsPanel = () => {
  const { api } = useApp();
  const [draft, setDraft] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const registered = useLoad(() => unwrap(api.GET('/settings/origins')), []);
  const origins = draft ?? registered.data?.origins ?? [];
  const errors = problem ? originErrors(problem, origins) : {};

  const edit = (next: string[]) => {
    setDraft(next);
    setSaved('');
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved('');
    try {
      const answer = await unwrap(
        api.PUT('/settings/origins', {
          body: { origins: origins.map((origin) => origin.trim()).filter(Boolean) },
        })
      );
      setDraft(answer.origins);
      setSaved(
        `Saved ${answer.origins.length} ${answer.origins.length === 1 ? 'origin' : 'origins'}.`
      );
    } catch (error) {
      const found = problemOf(error);
      setProblem(found);
      // The first field the API objected to takes the focus, once it shows its message.
      setTimeout(() => document.querySelector<HTMLElement>('#origins [aria-invalid]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel" id="origins" onSubmit={save} noValidate aria-labelledby="origins-title">
      <h2 id="origins-title">Registered origins</h2>
      <p>
        Your own apps’ addresses: where a Facebook sign-in started from your app may send the
        browser back to, and (where the deployment allows it) which browser apps may call Tandem.
        Exact origins only, such as <code>https://app.example.com</code>, up to {MAX_ORIGINS}.
      </p>
      <ProblemNotice problem={registered.problem ?? problem} />
      {registered.data?.updatedAt ? (
        <p class="muted">Last changed {when(registered.data.updatedAt)}.</p>
      ) : null}
      {origins.length === 0 && !registered.loading ? <p>No origins registered.</p> : null}
      {origins.map((origin, index) => {
        const id = `origin-${index}`;
        const error = errors[index];
        return (
          // The position is the identity here: origins may repeat while being typed.
          <Field key={index} id={id} label={`Origin ${index + 1}`} error={error}>
            <div class="origin-row">
              <input
                id={id}
                type="url"
                value={origin}
                autocomplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onInput={(event) =>
                  edit(
                    origins.map((value, at) => (at === index ? event.currentTarget.value : value))
                  )
                }
              />
              <button
                type="button"
                aria-label={`Remove origin ${index + 1}`}
                onClick={() => edit(origins.filter((_, at) => at !== index))}
              >
                Remove
              </button>
            </div>
          </Field>
        );
      })}
      {errors.all ? <p class="field-error">{errors.all}</p> : null}
      <div class="actions">
        <button
          type="button"
          onClick={() => edit([...origins, ''])}
          disabled={origins.length >= MAX_ORIGINS}
        >
          Add an origin
        </button>
        <button type="submit" class="primary" disabled={busy || registered.loading}>
          {busy ? 'Saving…' : 'Save the origins'}
        </button>
      </div>
      <p class="notice notice-ok" role="status" hidden={saved === ''}>
        {saved}
      </p>
    </form>
  );
};

/** The organisation's settings: its sign-in, its origins, its limits, webhooks and stories. */
const SettingsScreen = () => {
  const { session, signOut } = useApp();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>
        Settings
      </h1>
      <section class="panel" aria-labelledby="account-title">
        <h2 id="account-title">Signed in</h2>
        <dl class="facts">
          <dt>Organisation (tenant)</dt>
          <dd>
            {session.tenantName ? `${session.tenantName} (${session.tenantId})` : session.tenantId}
          </dd>
          <dt>Session ends</dt>
          <dd>{when(session.expiresAt)}</dd>
        </dl>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </section>
      <OriginsPanel />
      <section class="panel" aria-labelledby="quotas-title">
        <h2 id="quotas-title">Quotas</h2>
        <p>
          Each organisation has these limits, so no one can crowd the others out. Past one, Tandem
          answers "too many requests", names the limit, and says when to try again. They are the
          limits the API documents for each route (<code>x-limits</code> in its OpenAPI
          description).
        </p>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Limit</th>
              <th scope="col">How much</th>
              <th scope="col">Counts</th>
              <th scope="col">Taken by</th>
            </tr>
          </thead>
          <tbody>
            {DOCUMENTED_LIMITS.map((limit) => (
              <tr key={limit.name}>
                <th scope="row">
                  <code>{limit.name}</code>
                </th>
                <td>{limit.limit}</td>
                <td>{limit.counts}</td>
                <td>
                  {limit.routes.map((route) => (
                    <code class="route" key={route}>
                      {route}
                    </code>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <WebhooksPanel />
      <section class="panel" aria-labelledby="stories-title">
        <h2 id="stories-title">Stories</h2>
        <p>
          One story to a Page’s Facebook and Instagram stories. Off by default: each link consents
          on its own, per target (Facebook, Instagram), and every change of consent is kept with who
          made it. Consent is given on the link’s own screen.
        </p>
      </section>
    </section>
  );
};

export { SettingsScreen };
