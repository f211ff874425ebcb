import type { MetaGateway } from '../../core/linking/ports.js';
import * as z from '../../core/zod.js';
import type { GraphClient } from '../graph/index.js';
import { graphId } from '../graph/schemas.js';
import { graphCalls } from './graph-calls.js';

/**
 * The linking use cases' MetaGateway over the Graph client: picks the fields linking needs and turns
 * Graph failures into Tandem's typed errors (190 -> re-link, rate limits -> 429, ...).
 *
 * It sits beside the sync observer in functions/adapters/meta/, apart from functions/adapters/graph/
 * (the Graph client's own module): it depends on nothing but the client's public operations.
 *
 * @param graph - resolves the client; async because the app secret is fetched once, lazily
 */
/** Page.json's `instagram_business_account` (an IGUser), expanded to its id and username. */
const instagramAccount = z.looseObject({
  instagram_business_account: z.optional(
    z.looseObject({ id: graphId, username: z.optional(z.string()) })
  ),
});

const createMetaGateway = (graph: () => Promise<GraphClient>): MetaGateway => {
  const call = graphCalls(graph);
  return {
    exchangeCode: (input) =>
      call(async (client) => {
        const { data } = await client.exchangeCode(input);
        return { accessToken: data.access_token, expiresIn: data.expires_in };
      }),
    exchangeForLongLived: (token) =>
      call(async (client) => {
        const { data } = await client.exchangeForLongLived(token);
        return { accessToken: data.access_token, expiresIn: data.expires_in };
      }),
    debugToken: (token) =>
      call(async (client) => {
        const { data } = await client.debugToken(token);
        return {
          isValid: data.is_valid,
          appId: data.app_id,
          userId: data.user_id ?? '',
          scopes: data.scopes,
          granularScopes: data.granular_scopes.map((granular) => ({
            scope: granular.scope,
            targetIds: granular.target_ids ?? [],
          })),
          // Meta reports 0 for "never expires".
          expiresAt: data.expires_at || undefined,
          dataAccessExpiresAt: data.data_access_expires_at || undefined,
        };
      }),
    listPages: (token) =>
      call(async (client) => {
        const { data } = await client.listPages(token);
        return data.map((page) => ({ id: page.id, name: page.name }));
      }),
    getInstagramAccount: (token, pageId) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          encodeURIComponent(pageId),
          { fields: 'instagram_business_account{id,username}' },
          instagramAccount
        );
        const account = data.instagram_business_account;
        return account
          ? { id: account.id, ...(account.username ? { username: account.username } : {}) }
          : undefined;
      }),
    listPhoneNumbers: (token, wabaIds) =>
      call(async (client) => {
        const perWaba = await Promise.all(
          wabaIds.map(async (wabaId) => {
            const { data } = await client.listPhoneNumbers(token, wabaId);
            return data.map((number) => ({
              id: number.id,
              wabaId,
              displayPhoneNumber: number.display_phone_number ?? number.id,
              ...(number.verified_name ? { verifiedName: number.verified_name } : {}),
            }));
          })
        );
        return perWaba.flat();
      }),
    revokePermissions: (token, metaUserId) =>
      call(async (client) => {
        await client.revokePermissions(token, metaUserId);
      }),
    subscribePage: (token, pageId, fields) =>
      call(async (client) => {
        await client.subscribePage(token, pageId, fields);
      }),
    unsubscribePage: (token, pageId) =>
      call(async (client) => {
        await client.unsubscribePage(token, pageId);
      }),
    listAdAccounts: (token) =>
      call(async (client) => {
        const { data } = await client.listAdAccounts(token);
        return data.map((account) => ({
          id: account.id,
          ...(account.name ? { name: account.name } : {}),
          ...(account.currency ? { currency: account.currency } : {}),
          ...(account.account_status !== undefined
            ? { accountStatus: account.account_status }
            : {}),
        }));
      }),
  };
};

export { createMetaGateway };
