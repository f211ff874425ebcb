import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { ConsoleConfig } from '../../infra/shared/console.js';
import { ConsoleApp } from './app.js';
import { clearSession, loadSession, type Session, saveSession } from './auth/session.js';
import { parseConfig } from './config.js';
import { redirectUri, SignInScreen } from './screens/sign-in.js';
import './styles.css';

const Root = ({
  config,
  initial,
  message,
}: {
  config: ConsoleConfig;
  initial: Session | null;
  message: string;
}) => {
  const [session, setSession] = useState(initial);
  const [notice, setNotice] = useState(message);
  const signedIn = (next: Session) => {
    saveSession(sessionStorage, next);
    setNotice('');
    setSession(next);
  };
  const end = (why: string) => {
    clearSession(sessionStorage);
    setNotice(why);
    setSession(null);
  };
  if (!session) return <SignInScreen config={config} message={notice} onSignedIn={signedIn} />;
  return (
    <ConsoleApp
      config={config}
      session={session}
      onSignOut={() => end('')}
      onSessionEnded={() => end('Your session has ended. Sign in again.')}
    />
  );
};

/** Reads the deployment's configuration, completes a sign-in coming back from the provider, renders. */
const boot = async () => {
  const root = document.getElementById('app') as HTMLElement;
  let config: ConsoleConfig;
  try {
    const response = await fetch('config.json', { cache: 'no-cache' });
    config = parseConfig(await response.json());
  } catch (error) {
    render(
      <main id="main">
        <h1>The console is not configured</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </main>,
      root
    );
    return;
  }
  let message = '';
  const url = new URL(window.location.href);
  const back =
    url.searchParams.has('state') &&
    (url.searchParams.has('code') || url.searchParams.has('error'));
  if (config.auth.kind === 'oidc' && back) {
    try {
      const { completeSignIn } = await import('./auth/oidc.js');
      saveSession(
        sessionStorage,
        await completeSignIn({ ...config.auth, redirectUri: redirectUri() }, sessionStorage, url)
      );
    } catch (error) {
      message = `The sign-in did not complete: ${error instanceof Error ? error.message : String(error)}`;
    }
    // The code and state are single-use: keep them out of the address bar and the history.
    window.history.replaceState(null, '', `${url.pathname}${url.hash}`);
  }
  render(<Root config={config} initial={loadSession(sessionStorage)} message={message} />, root);
};

void boot();
