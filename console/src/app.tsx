import { useEffect, useMemo } from 'preact/hooks';
import { Link, Route, Router, Switch, useLocation } from 'wouter-preact';
import { useHashLocation } from 'wouter-preact/use-hash-location';
import type { ConsoleConfig } from '../../infra/shared/console.js';
import { createApi } from './api/client.js';
import type { Session } from './auth/session.js';
import { focusHeading } from './components/focus.js';
import { LazyScreen } from './components/lazy-screen.js';
import { MetaStatusBanner } from './components/meta-status.js';
import { App } from './context.js';
import { AdOperationScreen } from './screens/ad-operation.js';
import { LinkScreen } from './screens/link.js';
import { LinksScreen } from './screens/links.js';
import { SettingsScreen } from './screens/settings.js';
import { StatsScreen } from './screens/stats.js';

/** The ad form and the API's schemas it validates with: most visits never open it. */
const loadAdNew = async () => (await import('./screens/ad-new.js')).AdNewScreen;

/** Moves focus to the new screen's heading, so keyboard and screen-reader users land on it. */
const FocusOnNavigate = () => {
  const [location] = useLocation();
  useEffect(focusHeading, [location]);
  return null;
};

const NavLink = ({ href, children }: { href: string; children: string }) => {
  const [location] = useLocation();
  const current =
    href === '/' ? location === '/' || location.startsWith('/links') : location.startsWith(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
};

/**
 * The signed-in console. Screens are addressed by the URL's hash (#/links/lnk_…), so the static
 * hosting needs no rewrite rules and a link to a screen can be shared.
 */
const ConsoleApp = ({
  config,
  session,
  onSignOut,
  onSessionEnded,
}: {
  config: ConsoleConfig;
  session: Session;
  onSignOut(): void;
  onSessionEnded(): void;
}) => {
  const api = useMemo(
    () =>
      createApi({
        baseUrl: config.apiBaseUrl,
        token: () => session.token,
        onUnauthorized: onSessionEnded,
      }),
    [config.apiBaseUrl, session.token]
  );
  return (
    <App.Provider value={{ api, session, config, signOut: onSignOut }}>
      <Router hook={useHashLocation}>
        {/* A button, not an anchor: the hash is the route, so #main would navigate. */}
        <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
          Skip to content
        </button>
        <header class="top">
          <span class="brand">Tandem</span>
          <nav aria-label="Console">
            <NavLink href="/">Links</NavLink>
            <NavLink href="/stats">Statistics</NavLink>
            <NavLink href="/settings">Settings</NavLink>
          </nav>
          <span class="who">
            {session.tenantName ?? session.tenantId}{' '}
            <button type="button" class="link-button" onClick={onSignOut}>
              Sign out
            </button>
          </span>
        </header>
        <MetaStatusBanner />
        <main id="main" tabIndex={-1}>
          <FocusOnNavigate />
          <Switch>
            <Route path="/">{() => <LinksScreen />}</Route>
            <Route path="/stats">{() => <StatsScreen />}</Route>
            <Route path="/settings">{() => <SettingsScreen />}</Route>
            <Route path="/links/:linkId/ads/new">
              {(params: { linkId: string }) => (
                <LazyScreen load={loadAdNew} props={{ linkId: params.linkId }} />
              )}
            </Route>
            <Route path="/links/:linkId/ads/:operationId">
              {(params: { linkId: string; operationId: string }) => (
                <AdOperationScreen
                  linkId={params.linkId}
                  operationId={decodeURIComponent(params.operationId)}
                />
              )}
            </Route>
            <Route path="/links/:linkId">
              {(params: { linkId: string }) => <LinkScreen linkId={params.linkId} />}
            </Route>
            <Route>
              <h1 tabIndex={-1}>Not found</h1>
              <p>
                There is no such screen. <Link href="/">Go to the links</Link>.
              </p>
            </Route>
          </Switch>
        </main>
      </Router>
    </App.Provider>
  );
};

export { ConsoleApp };
