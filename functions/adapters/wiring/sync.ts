import { eventPublisher } from './events.js';
import {
  clock,
  linkObserver,
  linkRepository,
  syncRequestDeps,
  syncStateRepository,
} from './shared.js';

/**
 * Sync's composition roots for the HTTP routes (the worker's are in worker.ts): what each use case
 * needs, built from the shared builders, so a handler's module scope is one call. "Sync now" takes
 * syncRequestDeps from shared.ts, which bulk actions and link updates build on too.
 */

/** A link's sync status (GET /links/{linkId}/sync): the link and its sync state, read-only. */
const syncStatusDeps = () => ({ links: linkRepository(), state: syncStateRepository() });

/** Resuming a paused link's sync: as "sync now", plus the publisher of its `link.resumed`. */
const syncResumeDeps = () => ({ ...syncRequestDeps(), events: eventPublisher() });

/** Comparing a link's Page and WhatsApp profile (GET /links/{linkId}/profiles), read from Meta now. */
const profileCompareDeps = () => ({
  links: linkRepository(),
  state: syncStateRepository(),
  observer: linkObserver(),
  clock,
});

export { profileCompareDeps, syncResumeDeps, syncStatusDeps };
