import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { problemOf, unwrap } from '../api/call.js';
import type { TenantEvent, WebhookEndpoint } from '../api/client.js';
import { Field } from '../components/field.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';
import type { Problem } from '../errors.js';
import { when } from '../labels.js';
import { DELIVERY_LABELS, endpointErrors, lastResultText } from './webhooks.js';

/** The event types an endpoint may subscribe to (`endpoint.test` is sent only on request). */
const EVENT_CHOICES: Exclude<TenantEvent['type'], 'endpoint.test'>[] = [
  'link.created',
  'link.deleted',
  'link.paused',
  'link.resumed',
  'link.meta_changed',
  'sync.applied',
  'sync.failed',
  'drift.detected',
  'reconcile.completed',
  'ad.completed',
  'ad.failed',
  'grant.revoked',
  'meta.outage.started',
  'meta.outage.ended',
  'story.published',
  'story.failed',
  'endpoint.disabled',
];

/** A signing secret, shown once, with how to keep it. */
const SecretNotice = ({ secret, what }: { secret: string; what: string }) => (
  <div class="notice notice-ok" role="status">
    <p>
      <strong>{what}</strong> Copy the signing secret now: Tandem shows it only this once. Select it
      and copy it (Ctrl+C or ⌘C) into your receiver's configuration.
    </p>
    <div class="field">
      <label for="new-secret">Signing secret</label>
      <input
        id="new-secret"
        class="secret"
        type="text"
        readOnly
        value={secret}
        onFocus={(event) => event.currentTarget.select()}
      />
    </div>
  </div>
);

/** The form registering a new endpoint (POST /webhook-endpoints), its errors by the field. */
const NewEndpoint = ({ onCreated }: { onCreated: (secret: string) => void }) => {
  const { api } = useApp();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [types, setTypes] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = problem ? endpointErrors(problem) : {};
  const shown = problem && Object.keys(errors).length === 0 ? problem : null;

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const created = await unwrap(
        api.POST('/webhook-endpoints', {
          body: {
            url: url.trim(),
            eventTypes: all ? ['*'] : types,
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        })
      );
      setUrl('');
      setDescription('');
      onCreated(created.secret);
    } catch (error) {
      setProblem(problemOf(error));
      setTimeout(() =>
        document.querySelector<HTMLElement>('#new-endpoint [aria-invalid]')?.focus()
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="new-endpoint" onSubmit={create} noValidate aria-labelledby="new-endpoint-title">
      <h3 id="new-endpoint-title">Add an endpoint</h3>
      <ProblemNotice problem={shown} />
      <Field
        id="endpoint-url"
        label="Endpoint URL"
        hint="An https address on the public internet, such as https://hooks.example.com/tandem."
        error={errors.url}
      >
        <input
          id="endpoint-url"
          type="url"
          value={url}
          autocomplete="off"
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={
            errors.url ? 'endpoint-url-hint endpoint-url-error' : 'endpoint-url-hint'
          }
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
      </Field>
      <Field id="endpoint-description" label="Description (optional)" error={errors.description}>
        <input
          id="endpoint-description"
          type="text"
          value={description}
          maxLength={256}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'endpoint-description-error' : undefined}
          onInput={(event) => setDescription(event.currentTarget.value)}
        />
      </Field>
      <fieldset
        aria-invalid={errors.eventTypes ? true : undefined}
        aria-describedby={errors.eventTypes ? 'endpoint-types-error' : undefined}
      >
        <legend>Events to send</legend>
        <label class="check">
          <input type="radio" name="endpoint-all" checked={all} onChange={() => setAll(true)} />
          All events, including types added later
        </label>
        <label class="check">
          <input type="radio" name="endpoint-all" checked={!all} onChange={() => setAll(false)} />
          Only these
        </label>
        {all ? null : (
          <div class="checks">
            {EVENT_CHOICES.map((type) => (
              <label class="check" key={type}>
                <input
                  type="checkbox"
                  checked={types.includes(type)}
                  onChange={(event) =>
                    setTypes(
                      event.currentTarget.checked
                        ? [...types, type]
                        : types.filter((chosen) => chosen !== type)
                    )
                  }
                />
                <code>{type}</code>
              </label>
            ))}
          </div>
        )}
        {errors.eventTypes ? (
          <p class="field-error" id="endpoint-types-error">
            {errors.eventTypes}
          </p>
        ) : null}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add the endpoint'}
        </button>
      </div>
    </form>
  );
};

/** One endpoint's row: its state, and its test, rotate and delete actions. */
const EndpointRow = ({
  endpoint,
  onChanged,
  onSecret,
}: {
  endpoint: WebhookEndpoint;
  onChanged: (message: string) => void;
  onSecret: (secret: string, what: string) => void;
}) => {
  const { api } = useApp();
  const [busy, setBusy] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const path = { params: { path: { endpointId: endpoint.endpointId } } };

  const act = async (name: string, run: () => Promise<void>) => {
    setBusy(name);
    setProblem(null);
    try {
      await run();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy('');
    }
  };
  const test = () =>
    act('test', async () => {
      await unwrap(api.POST('/webhook-endpoints/{endpointId}/test', path));
      onChanged(`Test event sent to ${endpoint.url}: see it under Recent events.`);
    });
  const rotate = () =>
    act('rotate', async () => {
      const rotated = await unwrap(api.POST('/webhook-endpoints/{endpointId}/rotate-secret', path));
      onSecret(
        rotated.secret,
        `New secret for ${endpoint.url}.${rotated.previousSecretExpiresAt ? ` The old one still signs until ${when(rotated.previousSecretExpiresAt)}.` : ''}`
      );
    });
  const remove = () =>
    act('delete', async () => {
      await unwrap(api.DELETE('/webhook-endpoints/{endpointId}', path));
      setConfirming(false);
      onChanged(`Deleted the endpoint ${endpoint.url}.`);
    });

  return (
    <tr data-endpoint={endpoint.endpointId}>
      <th scope="row">
        <code>{endpoint.url}</code>
        {endpoint.description ? (
          <span class="muted small block">{endpoint.description}</span>
        ) : null}
      </th>
      <td>{endpoint.eventTypes.includes('*') ? 'All' : endpoint.eventTypes.join(', ')}</td>
      <td>
        <span class={`badge badge-${endpoint.status === 'enabled' ? 'active' : 'failed'}`}>
          {endpoint.status === 'enabled' ? 'Enabled' : 'Disabled'}
        </span>
        {endpoint.disabled ? (
          <span class="muted small block">
            {endpoint.disabled.reason} ({when(endpoint.disabled.at)})
          </span>
        ) : null}
        {endpoint.consecutiveFailures > 0 ? (
          <span class="muted small block">
            {endpoint.consecutiveFailures} failed in a row
            {endpoint.failingSince ? `, since ${when(endpoint.failingSince)}` : ''}
          </span>
        ) : null}
        {endpoint.lastSuccessAt ? (
          <span class="muted small block">Last delivered {when(endpoint.lastSuccessAt)}</span>
        ) : null}
      </td>
      <td>
        <div class="row-actions">
          <button type="button" onClick={test} disabled={busy !== ''}>
            {busy === 'test' ? 'Sending…' : 'Send a test event'}
          </button>
          <button type="button" onClick={rotate} disabled={busy !== ''}>
            {busy === 'rotate' ? 'Rotating…' : 'Rotate the secret'}
          </button>
          {confirming ? (
            <span>
              <span>Delete it? Events stop going there.</span>{' '}
              <button type="button" class="danger" onClick={remove} disabled={busy !== ''}>
                {busy === 'delete' ? 'Deleting…' : 'Yes, delete'}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} disabled={busy !== ''}>
              Delete…
            </button>
          )}
        </div>
        <ProblemNotice problem={problem} />
      </td>
    </tr>
  );
};

/** The tenant's recent events (GET /events), each delivery's status, and Redeliver. */
/** A table of rows that each end in their actions, under a header of `columns`. */
const ActionsTable = ({
  columns,
  caption,
  children,
}: {
  columns: string[];
  caption?: string;
  children: ComponentChildren;
}) => (
  <table class="table">
    {caption ? <caption class="visually-hidden">{caption}</caption> : null}
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        <th scope="col">
          <span class="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
    <tbody>{children}</tbody>
  </table>
);

const RecentEvents = ({
  events,
  endpoints,
  onRedelivered,
}: {
  events: TenantEvent[];
  endpoints: WebhookEndpoint[];
  onRedelivered: (message: string) => void;
}) => {
  const { api } = useApp();
  const [busy, setBusy] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const urlOf = (endpointId: string) =>
    endpoints.find((endpoint) => endpoint.endpointId === endpointId)?.url ?? endpointId;

  const redeliver = async (eventId: string) => {
    setBusy(eventId);
    setProblem(null);
    try {
      const answer = await unwrap(
        api.POST('/events/{eventId}/redeliver', { params: { path: { eventId } } })
      );
      onRedelivered(
        `Queued ${eventId} again for ${answer.endpointIds.length} ${answer.endpointIds.length === 1 ? 'endpoint' : 'endpoints'}.`
      );
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy('');
    }
  };

  return (
    <section aria-labelledby="events-title">
      <h3 id="events-title">Recent events</h3>
      <ProblemNotice problem={problem} />
      {events.length === 0 ? (
        <p>No events yet.</p>
      ) : (
        <ActionsTable columns={['Event', 'When', 'Deliveries']}>
          {events.map((item) => (
            <tr key={item.id} data-event={item.id}>
              <th scope="row">
                <code>{item.type}</code>
                <span class="muted small block">{item.id}</span>
              </th>
              <td>{when(item.createdAt)}</td>
              <td>
                {item.deliveries.length === 0 ? (
                  <span class="muted">No endpoint subscribed</span>
                ) : (
                  <ul class="plain">
                    {item.deliveries.map((delivery) => {
                      const shown = DELIVERY_LABELS[delivery.status];
                      const result = lastResultText(delivery.lastResult);
                      return (
                        <li key={delivery.endpointId}>
                          <span class={`badge badge-${shown.badge}`}>{shown.label}</span>{' '}
                          <code>{urlOf(delivery.endpointId)}</code>
                          <span class="muted small block">
                            {delivery.attempts} {delivery.attempts === 1 ? 'attempt' : 'attempts'}
                            {result ? `, last: ${result}` : ''}
                            {delivery.nextAttemptAt ? `, next ${when(delivery.nextAttemptAt)}` : ''}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => redeliver(item.id)}
                  disabled={busy !== '' || item.deliveries.length === 0}
                  aria-label={`Redeliver ${item.id}`}
                >
                  {busy === item.id ? 'Queuing…' : 'Redeliver'}
                </button>
              </td>
            </tr>
          ))}
        </ActionsTable>
      )}
    </section>
  );
};

/**
 * The tenant's webhook endpoints (GET, POST, DELETE /webhook-endpoints, test, rotate-secret) and
 * its recent events with their deliveries (GET /events, redeliver). A secret is shown once, when
 * created or rotated.
 */
const WebhooksPanel = () => {
  const { api } = useApp();
  const endpoints = useLoad(() => unwrap(api.GET('/webhook-endpoints')), []);
  const events = useLoad(
    () => unwrap(api.GET('/events', { params: { query: { limit: 20 } } })),
    []
  );
  const [secret, setSecret] = useState<{ secret: string; what: string } | null>(null);
  const [message, setMessage] = useState('');

  const refresh = async () => {
    await Promise.all([endpoints.reload(), events.reload()]);
  };
  const changed = (text: string) => {
    setSecret(null);
    setMessage(text);
    void refresh();
  };
  const showSecret = (value: string, what: string) => {
    setMessage('');
    setSecret({ secret: value, what });
    void refresh();
  };
  const list = endpoints.data?.items ?? [];

  return (
    <section class="panel" id="webhooks" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhook endpoints</h2>
      <p>
        Signed events sent to your own systems (a link paused, drift found, a sync applied). Each
        delivery carries a signature made with the endpoint's secret; failed deliveries are retried
        for a day. The catalogue of events is in the API's <code>docs/events.md</code>.
      </p>
      <ProblemNotice problem={endpoints.problem} />
      {secret ? <SecretNotice secret={secret.secret} what={secret.what} /> : null}
      <p class="notice notice-ok" role="status" hidden={message === ''}>
        {message}
      </p>
      {list.length === 0 && !endpoints.loading ? <p>No webhook endpoints yet.</p> : null}
      {list.length > 0 ? (
        <ActionsTable caption="Webhook endpoints" columns={['URL', 'Events', 'Status']}>
          {list.map((endpoint) => (
            <EndpointRow
              key={endpoint.endpointId}
              endpoint={endpoint}
              onChanged={changed}
              onSecret={showSecret}
            />
          ))}
        </ActionsTable>
      ) : null}
      <NewEndpoint onCreated={(value) => showSecret(value, 'Endpoint added.')} />
      <ProblemNotice problem={events.problem} />
      <RecentEvents events={events.data?.items ?? []} endpoints={list} onRedelivered={changed} />
      <div class="actions">
        <button type="button" onClick={() => void refresh()}>
          Refresh the events
        </button>
      </div>
    </section>
  );
};

export { WebhooksPanel };
