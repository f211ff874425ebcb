import { z } from 'zod';
import { tables } from '../../../infra/shared/resources.js';
import { dynamoDocumentClient } from '../../adapters/aws/clients.js';
import {
  GRAPH_API_VERSION,
  graphConfig,
  loadConfig,
  tokenKeyConfig,
} from '../../adapters/config.js';
import { cryptoIds } from '../../adapters/crypto/ids.js';
import { createTokenVault } from '../../adapters/crypto/token-vault.js';
import { createDeletionRequestRepository } from '../../adapters/dynamodb/deletions.js';
import { createGrantRepository } from '../../adapters/dynamodb/grants.js';
import { createLinkRepository } from '../../adapters/dynamodb/links.js';
import { createOAuthSessionRepository } from '../../adapters/dynamodb/oauth-sessions.js';
import { createGraphClient, type GraphClient } from '../../adapters/graph/index.js';
import { logger } from '../../adapters/logger.js';
import { metaAppSecret } from '../../adapters/meta-secret.js';
import {
  DEFAULT_SELECTION_TTL_SECONDS,
  DEFAULT_STATE_TTL_SECONDS,
  type OAuthSettings,
} from '../../core/linking/deps.js';
import type { Clock } from '../../core/linking/ports.js';

/**
 * Builders for the linking handlers' dependencies. Each handler calls the ones it needs at module
 * scope, so each reads only its own configuration (the environment its `needs` produce) and a missing
 * variable fails the cold start with its name.
 */

const tableName = (envVar: string): string =>
  loadConfig(z.object({ [envVar]: z.string().min(1) }))[envVar] as string;

const linksTable = () => tableName(tables.links.envVar);

const linkRepository = () => createLinkRepository(dynamoDocumentClient(), linksTable());
const grantRepository = () => createGrantRepository(dynamoDocumentClient(), linksTable());
const deletionRepository = () =>
  createDeletionRequestRepository(dynamoDocumentClient(), linksTable());
const sessionRepository = () =>
  createOAuthSessionRepository(dynamoDocumentClient(), tableName(tables.oauthState.envVar));

const tokenVault = () => createTokenVault(loadConfig(tokenKeyConfig));

/** The Graph client, created on first use: it needs the app secret, fetched once per cold start. */
const graphClient = (): (() => Promise<GraphClient>) => {
  const config = loadConfig(graphConfig);
  const appSecret = metaAppSecret();
  let client: GraphClient | undefined;
  return async () => {
    client ??= createGraphClient({
      baseUrl: config.GRAPH_API_BASE_URL,
      appId: config.META_APP_ID,
      appSecret: await appSecret(),
      log: logger,
    });
    return client;
  };
};

const publicBaseUrl = (): string =>
  loadConfig(z.object({ PUBLIC_BASE_URL: z.url() })).PUBLIC_BASE_URL.replace(/\/+$/, '');

const oauthSettings = (): OAuthSettings => {
  const config = loadConfig(
    z.object({
      META_APP_ID: z.string().regex(/^\d+$/, 'META_APP_ID must be the numeric Meta app id'),
      META_DIALOG_BASE_URL: z.url().default('https://www.facebook.com'),
      OAUTH_STATE_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).optional(),
    })
  );
  return {
    appId: config.META_APP_ID,
    dialogBaseUrl: config.META_DIALOG_BASE_URL,
    graphApiVersion: GRAPH_API_VERSION,
    stateTtlSeconds: config.OAUTH_STATE_TTL_SECONDS ?? DEFAULT_STATE_TTL_SECONDS,
    selectionTtlSeconds: DEFAULT_SELECTION_TTL_SECONDS,
  };
};

const systemClock: Clock = { now: () => new Date() };

export {
  cryptoIds as ids,
  deletionRepository,
  grantRepository,
  graphClient,
  linkRepository,
  metaAppSecret,
  oauthSettings,
  publicBaseUrl,
  sessionRepository,
  systemClock as clock,
  tokenVault,
};
