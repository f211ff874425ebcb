import { useState } from 'preact/hooks';
import type { ConsoleConfig } from '../../../infra/shared/console.js';
import { signInDev } from '../auth/dev.js';
import type { Session } from '../auth/session.js';

const redirectUri = () => `${window.location.origin}${window.location.pathname}`;

/**
 * Sign-in: through the deployment's identity provider in AWS, or with the dev identity of the
 * embedded default (any tenant, no password: it exists only on a developer's machine).
 */
const SignInScreen = ({
  config,
  message,
  onSignedIn,
}: {
  config: ConsoleConfig;
  message: string;
  onSignedIn(session: Session): void;
}) => {
  const [tenantId, setTenantId] = useState('demo');
  const [tenantName, setTenantName] = useState('Demo Bakery');
  const [problem, setProblem] = useState(message);
  const [busy, setBusy] = useState(false);
  const { auth } = config;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem('');
    try {
      if (auth.kind === 'dev') {
        onSignedIn(await signInDev(auth.tokenUrl, tenantId.trim(), tenantName.trim()));
      } else {
        // The OIDC client loads only where a deployment signs in through a provider.
        const { beginSignIn } = await import('../auth/oidc.js');
        window.location.assign(
          (await beginSignIn({ ...auth, redirectUri: redirectUri() }, sessionStorage)).toString()
        );
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  return (
    <main id="main" class="sign-in">
      <h1 tabIndex={-1}>Sign in to Tandem</h1>
      <p>Keep your Facebook Pages and WhatsApp Business profiles in step.</p>
      {problem ? (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <form onSubmit={submit}>
        {auth.kind === 'dev' ? (
          <>
            <p class="notice notice-warn">
              Local development sign-in: anyone on this machine can sign in as any tenant. Deployed
              consoles sign in through your organisation's identity provider.
            </p>
            <label for="tenant">Tenant id</label>
            <input
              id="tenant"
              value={tenantId}
              required
              pattern="[A-Za-z0-9_\-]{1,64}"
              onInput={(event) => setTenantId((event.currentTarget as HTMLInputElement).value)}
            />
            <label for="tenant-name">Organisation name</label>
            <input
              id="tenant-name"
              value={tenantName}
              onInput={(event) => setTenantName((event.currentTarget as HTMLInputElement).value)}
            />
          </>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : auth.kind === 'dev' ? 'Sign in as this tenant' : 'Sign in'}
        </button>
      </form>
    </main>
  );
};

export { redirectUri, SignInScreen };
