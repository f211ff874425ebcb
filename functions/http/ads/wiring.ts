import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tables } from '../../../infra/shared/resources.js';
import { loadCountryPolicy } from '../../adapters/ads/config.js';
import { createAdsGateway } from '../../adapters/ads/graph-gateway.js';
import { createOperationStore } from '../../adapters/ads/operation-store.js';
import { dynamoDocumentClient } from '../../adapters/aws/clients.js';
import { loadConfig } from '../../adapters/config.js';
import {
  clock,
  grantRepository,
  graphClient,
  linkRepository,
  tokenVault,
} from '../links/wiring.js';

/**
 * Builders for the ads handlers' dependencies, called at module scope by each handler for what it
 * needs, so each reads only its own configuration. Link, grant, vault and Graph client come from the
 * linking wiring, so both features open tokens and call Meta the same way.
 */

const operationStore = () =>
  createOperationStore(
    dynamoDocumentClient(),
    loadConfig(z.object({ [tables.idempotency.envVar]: z.string().min(1) }))[
      tables.idempotency.envVar
    ] as string
  );

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
