import { eventPublisher } from './events.js';
import {
  bulkOperationStore,
  callbackLedger,
  clock,
  deletionRepository,
  fleetReader,
  grantDeps,
  grantRepository,
  ids,
  lastSyncReader,
  linkRepository,
  messageStatsRemoval,
  oauthSettings,
  operationStore,
  publicBaseUrl,
  sessionRepository,
  storyOperationStore,
  tenantSettingsRepository,
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

/**
 * The sign-in pages a browser walks through (GET and POST /oauth/begin): its session and the ids of
 * new ones, Meta's dialog, and Tandem's own address, which the sign-in cookie is scoped to.
 */
const signInPageDeps = () => ({
  sessions: sessionRepository(),
  clock,
  ids,
  oauth: oauthSettings(),
  publicBaseUrl: publicBaseUrl(),
});

/** Opening a sign-in (POST /links/oauth/start): a new session, checked against the tenant's origins. */
const signInStartDeps = () => ({
  ...signInPageDeps(),
  settings: tenantSettingsRepository(),
});

/** Completing a sign-in (GET /oauth/callback). */
const signInDeps = () => ({ ...grantDeps(), ...signInPageDeps() });

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

/** The status page of a data-deletion request (GET /meta/data-deletion/{code}). */
const deletionStatusDeps = () => ({ deletions: deletionRepository() });

/** A tenant's registered origins (GET and PUT /settings/origins). */
const originsDeps = () => ({ settings: tenantSettingsRepository(), clock });

/** Reading one link (GET /links/{linkId}). */
const linkReadDeps = () => ({ links: linkRepository() });

/** Listing the fleet a page at a time (GET /links), with each link's last sync. */
const fleetListDeps = () => ({ fleet: fleetReader(), lastSync: lastSyncReader() });

/** The fleet's summary (GET /summary): one walk of the fleet. */
const fleetSummaryDeps = () => ({ fleet: fleetReader() });

/** Listing the tenant's grants (GET /grants). */
const grantsListDeps = () => ({ grants: grantRepository() });

/** Reading a bulk action (GET /links/bulk/{operationId}): its operation record. */
const bulkGetDeps = () => ({ operations: bulkOperationStore() });

export {
  bulkGetDeps,
  dataDeletionDeps,
  deauthorizeDeps,
  deletionStatusDeps,
  fleetListDeps,
  fleetSummaryDeps,
  grantsListDeps,
  linkCreateDeps,
  linkReadDeps,
  originsDeps,
  selectionDeps,
  signInDeps,
  signInPageDeps,
  signInStartDeps,
  unlinkDeps,
};
