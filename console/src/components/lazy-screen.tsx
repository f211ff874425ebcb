import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { focusHeading } from './focus.js';

/**
 * A screen loaded with its first visit, for a screen whose code most visits never need (the ad
 * form, with the API's zod schemas). Once it is rendered, its heading takes the focus, as every
 * screen's does on navigation.
 */
const LazyScreen = <P extends object>({
  load,
  props,
}: {
  load: () => Promise<ComponentType<P>>;
  props: P;
}) => {
  const [Screen, setScreen] = useState<ComponentType<P> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    load().then(
      (loaded) => setScreen(() => loaded),
      () => setFailed(true)
    );
  }, []);
  useEffect(() => {
    if (Screen) focusHeading();
  }, [Screen]);
  if (Screen) return <Screen {...props} />;
  return failed ? (
    <div class="notice notice-error" role="alert">
      <h1 tabIndex={-1}>This screen could not be loaded</h1>
      <p>Check your connection, then reload the page.</p>
    </div>
  ) : (
    <p aria-live="polite">Loading…</p>
  );
};

export { LazyScreen };
