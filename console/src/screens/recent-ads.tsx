import { useState } from 'preact/hooks';
import { Link, useLocation } from 'wouter-preact';
import { recentAds } from '../ads/recent.js';
import { useApp } from '../context.js';
import { when } from '../labels.js';

/** The link's ads: create one, open one created from this browser, or one by its id or key. */
const RecentAds = ({ linkId }: { linkId: string }) => {
  const { session } = useApp();
  const [, navigate] = useLocation();
  const [ref, setRef] = useState('');
  const ads = recentAds(localStorage, session.tenantId, linkId);
  return (
    <section aria-labelledby="ads-title" class="panel">
      <div class="title-row">
        <h2 id="ads-title">Click-to-WhatsApp ads</h2>
        <Link class="button primary" href={`/links/${linkId}/ads/new`}>
          Create an ad
        </Link>
      </div>
      {ads.length > 0 ? (
        <ul>
          {ads.map((ad) => (
            <li key={ad.operationId}>
              <Link href={`/links/${linkId}/ads/${ad.operationId}`}>{ad.name}</Link>{' '}
              <span class="muted">created {when(ad.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No ads created from this browser yet.</p>
      )}
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (ref.trim()) navigate(`/links/${linkId}/ads/${encodeURIComponent(ref.trim())}`);
        }}
      >
        <label>
          Open an ad by its operation id or Idempotency-Key
          <input
            value={ref}
            onInput={(event) => setRef((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">Open</button>
      </form>
    </section>
  );
};

export { RecentAds };
