import { QUOTAS } from '../../../functions/core/quotas.js';
import { ROUTE_QUOTAS } from '../../../infra/shared/route-quotas.js';
import { useApp } from '../context.js';
import { when } from '../labels.js';

/** Which routes take each quota, for the quota table. */
const routesOf = (name: string): string[] =>
  Object.entries(ROUTE_QUOTAS)
    .filter(([, quotas]) => quotas.some((quota) => QUOTAS[quota].name === name))
    .map(([route]) => route);

/** The tenant's settings: its sign-in, its quotas, and what is still to come. */
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
      <section class="panel" aria-labelledby="quotas-title">
        <h2 id="quotas-title">Quotas</h2>
        <p>
          Each organisation has these limits, so no one can crowd the others out. Past one, Tandem
          answers "too many requests" and says when to try again.
        </p>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Quota</th>
              <th scope="col">Limit</th>
              <th scope="col">Counts</th>
              <th scope="col">Taken by</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(QUOTAS).map((quota) => (
              <tr key={quota.name}>
                <th scope="row">
                  <code>{quota.name}</code>
                </th>
                <td>
                  {quota.limit} per{' '}
                  {quota.windowSeconds === 60 ? 'minute' : `${quota.windowSeconds} s`}
                  {quota.per === 'link' ? ', per link' : ''}
                </td>
                <td>{quota.counts}</td>
                <td>
                  {routesOf(quota.name).map((route) => (
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
      <section class="panel coming" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">
          Webhook endpoints <span class="badge badge-coming">Coming</span>
        </h2>
        <p>
          Signed events sent to your own systems (a link paused, drift found, a sync applied), with
          recent deliveries. Not available yet: Tandem's API has no webhook endpoints to manage.
        </p>
      </section>
      <section class="panel coming" aria-labelledby="stories-title">
        <h2 id="stories-title">
          Stories <span class="badge badge-coming">Coming</span>
        </h2>
        <p>
          Consent to publish one story to a Page's Facebook and Instagram stories, off by default.
          Not available yet: Tandem's API does not publish stories.
        </p>
      </section>
    </section>
  );
};

export { SettingsScreen };
