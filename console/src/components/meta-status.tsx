import { useEffect, useState } from 'preact/hooks';
import type { MetaStatus } from '../api/client.js';
import { useApp } from '../context.js';
import { outagesOf } from '../outages.js';

/** How often the banner asks GET /status (cached by the API for 5 s; a public, cheap read). */
const STATUS_MS = 30_000;

/** A banner on every screen while a Meta surface's breaker is open or half-open. */
const MetaStatusBanner = () => {
  const { api } = useApp();
  const [status, setStatus] = useState<MetaStatus | null>(null);
  useEffect(() => {
    let gone = false;
    const look = async () => {
      // The banner is advice: when /status cannot be read, it says nothing rather than guess.
      const { data } = await api.GET('/status').catch(() => ({ data: undefined }));
      if (!gone && data) setStatus(data);
    };
    void look();
    const timer = setInterval(look, STATUS_MS);
    return () => {
      gone = true;
      clearInterval(timer);
    };
  }, [api]);
  const outages = status ? outagesOf(status) : [];
  return (
    <div aria-live="polite">
      {outages.map((outage) => (
        <section
          key={outage.surface}
          class="notice notice-warn outage"
          aria-labelledby={`outage-${outage.surface}`}
        >
          <h2 class="notice-title" id={`outage-${outage.surface}`}>
            {outage.title}
          </h2>
          <p>{outage.text}</p>
        </section>
      ))}
    </div>
  );
};

export { MetaStatusBanner };
