import { MessageStats } from './link-stats.js';

/** The tenant's message statistics, every link rolled up (GET /stats). */
const StatsScreen = () => (
  <section aria-labelledby="all-stats-title">
    <h1 id="all-stats-title" tabIndex={-1}>
      Statistics
    </h1>
    <p class="muted">
      Messages and what they cost, and what Click-to-WhatsApp ads brought in, over all your links.
      Each link’s own figures are on its screen.
    </p>
    <MessageStats />
  </section>
);

export { StatsScreen };
