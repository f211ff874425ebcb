import { randomUUID } from 'node:crypto';
import { createAdsGateway } from '../meta/ads-gateway.js';
import { loadCountryPolicy } from './ads-config.js';
import { eventPublisher } from './events.js';
import {
  clock,
  grantRepository,
  graphClient,
  linkRepository,
  operationStore,
  tokenVault,
} from './shared.js';

/**
 * Ads' composition roots: one per use case, called at module scope by its handler, so each reads
 * only its own configuration. Link, grant, vault and Graph client are the shared
 * ones, so ads open tokens and call Meta the same way linking and sync do.
 */

const adsGateway = () => createAdsGateway(graphClient());

const newLeaseOwner = (): string => randomUUID();

/** What the ad library routes (image upload, DSA recommendations) need: a link's grant and Meta. */
const adLibraryDeps = () => ({
  links: linkRepository(),
  grants: grantRepository(),
  vault: tokenVault(),
  ads: adsGateway(),
});

/** Reading an ad operation (GET /links/{linkId}/ads/{operationId}): the record and its link. */
const adGetDeps = () => ({ operations: operationStore(), links: linkRepository() });

/** An ad's insights: as reading it, plus the link's grant opened and Meta's ads API. */
const adInsightsDeps = () => ({
  ...adGetDeps(),
  grants: grantRepository(),
  vault: tokenVault(),
  ads: adsGateway(),
  clock,
});

/** What creating a Click-to-WhatsApp ad needs (POST /links/{linkId}/ads). */
const adCreateDeps = () => ({
  ...adLibraryDeps(),
  operations: operationStore(),
  clock,
  countryPolicy: loadCountryPolicy(),
  newLeaseOwner,
  events: eventPublisher(),
});

export { adCreateDeps, adGetDeps, adInsightsDeps, adLibraryDeps };
