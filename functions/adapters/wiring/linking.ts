import { eventPublisher } from './events.js';
import {
  callbackLedger,
  clock,
  deletionRepository,
  grantDeps,
  grantRepository,
  ids,
  linkRepository,
  messageStatsRemoval,
  oauthSettings,
  operationStore,
  publicBaseUrl,
  sessionRepository,
  storyOperationStore,
} from './shared.js';
import { storyUploadRemoval } from './stories.js';

/**
 * Linking's composition roots: what each of its use cases needs, built from the shared builders, so a
 * handler's module scope is one call and two use cases that need the same things build them alike.
 */

/** What goes with a link when it goes: its ad and story operations and its message statistics. */
const linkDataRemoval = () => ({
  adOperations: operationStore(),
  storyOperations: storyOperationStore(),
  storyUploads: storyUploadRemoval(),
  messageStats: messageStatsRemoval(),
});

/** Completing a sign-in (GET /oauth/callback). */
const signInDeps = () => ({
  ...grantDeps(),
  sessions: sessionRepository(),
  clock,
  ids,
  oauth: oauthSettings(),
  publicBaseUrl: publicBaseUrl(),
});

/** Linking the Page and number picked after a sign-in (POST /oauth/select). */
const selectionDeps = () => ({ ...signInDeps(), events: eventPublisher() });

/** Linking a Page and a number through a grant (POST /links). */
const linkCreateDeps = () => ({
  ...grantDeps(),
  events: eventPublisher(),
  clock,
  ids,
});

/** Unlinking (DELETE /links/{linkId}): Meta's side, the link, and what goes with it. */
const unlinkDeps = () => ({
  ...grantDeps(),
  events: eventPublisher(),
  ...linkDataRemoval(),
});

/** Meta's deauthorize callback: the Meta user's links and grants, and what goes with them. */
const deauthorizeDeps = () => ({
  events: eventPublisher(),
  links: linkRepository(),
  grants: grantRepository(),
  ...linkDataRemoval(),
  callbacks: callbackLedger(),
  clock,
});

/** Meta's data-deletion callback: as deauthorize, plus the request's status page. */
const dataDeletionDeps = () => ({
  ...deauthorizeDeps(),
  deletions: deletionRepository(),
  ids,
  publicBaseUrl: publicBaseUrl(),
});

export { dataDeletionDeps, deauthorizeDeps, linkCreateDeps, selectionDeps, signInDeps, unlinkDeps };
