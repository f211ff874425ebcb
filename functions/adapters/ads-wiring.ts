import { randomUUID } from 'node:crypto';
import { tables } from '../../infra/shared/resources.js';
import { loadCountryPolicy } from './ads/config.js';
import { createAdsGateway } from './ads/graph-gateway.js';
import { createOperationStore } from './ads/operation-store.js';
import { dynamoDocumentClient } from './aws/clients.js';
import {
  clock,
  grantRepository,
  graphClient,
  linkRepository,
  tableName,
  tokenVault,
} from './wiring.js';

/**
 * Builders for the ads handlers' dependencies, called at module scope by each handler for what it
 * needs, so each reads only its own configuration. Link, grant, vault and Graph client are the shared
 * ones, so ads open tokens and call Meta the same way linking and sync do.
 */

const operationStore = () =>
  createOperationStore(dynamoDocumentClient(), tableName(tables.idempotency.envVar));

const adsGateway = () => createAdsGateway(graphClient());

const newLeaseOwner = (): string => randomUUID();

export {
  adsGateway,
  clock,
  grantRepository,
  linkRepository,
  loadCountryPolicy,
  newLeaseOwner,
  operationStore,
  tokenVault,
};
