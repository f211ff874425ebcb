import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleConfig } from '../../infra/shared/console.js';
import type { Api } from './api/client.js';
import type { Session } from './auth/session.js';

/** What every screen may use: the API client, the session and the deployment's configuration. */
interface AppContext {
  api: Api;
  session: Session;
  config: ConsoleConfig;
  signOut(): void;
}

const App = createContext<AppContext | null>(null);

const useApp = (): AppContext => {
  const app = useContext(App);
  if (!app) throw new Error('useApp outside the signed-in app');
  return app;
};

export type { AppContext };
export { App, useApp };
