import { ValidationError } from '../../core/errors.js';
import { META_LINK_FIELDS, type PageWhatsAppRead } from '../../core/linking/meta-link.js';
import type { MetaGateway } from '../../core/linking/ports.js';
import * as z from '../../core/zod.js';
import { type GraphClient, GraphPermissionError, GraphValidationError } from '../graph/index.js';
import { graphId, toHealthRead, toPageWhatsAppRead } from '../graph/schemas.js';
import { graphCalls } from './graph-calls.js';

const refusedLinkFields = (error: GraphPermissionError): PageWhatsAppRead => ({
  answered: false,
  reason: `Meta refused the Page's WhatsApp fields to this token (${error.message}).`,
});

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
    readPage: (token, pageId) =>
      call(async (client) => {
        const read = async (fields: readonly string[]) => {
          const answer = await client.getPage(token, pageId, fields);
          return answer.notModified ? undefined : answer.data;
        };
        try {
          const page = await read(['access_token', ...META_LINK_FIELDS]);
          return {
            ...(page?.access_token ? { pageToken: page.access_token } : {}),
            whatsapp: page ? toPageWhatsAppRead(page) : { answered: false, reason: 'no answer' },
          };
        } catch (error) {
          // A token that may act on the Page but not read its WhatsApp fields: the link is unknown.
          if (!(error instanceof GraphPermissionError)) throw error;
          const page = await read(['access_token']);
          return {
            ...(page?.access_token ? { pageToken: page.access_token } : {}),
            whatsapp: refusedLinkFields(error),
          };
        }
      }),
    readPageWhatsApp: (pageToken, pageId) =>
      call(async (client) => {
        try {
          const answer = await client.getPage(pageToken, pageId, META_LINK_FIELDS);
          return answer.notModified
            ? { answered: false, reason: 'no answer' }
            : toPageWhatsAppRead(answer.data);
        } catch (error) {
          if (error instanceof GraphPermissionError) return refusedLinkFields(error);
          throw error;
        }
      }),
    readHealth: (token, phoneNumberId) =>
      call(async (client) =>
        toHealthRead((await client.getHealthStatus(token, phoneNumberId)).data)
      ),
    verifyPageWhatsAppNumber: (pageToken, pageId, number, code) =>
      call(async (client) => {
        try {
          const { data } = await client.verifyPageWhatsAppNumber(pageToken, pageId, number, code);
          return {
            ...(data.verification_status ? { status: data.verification_status } : {}),
            ...(data.error_message ? { message: data.error_message } : {}),
          };
        } catch (error) {
          // Meta's "invalid parameter" here is the caller's code or number, not an outage.
          if (error instanceof GraphValidationError) {
            throw new ValidationError(
              `Meta refused the ${code ? 'code' : 'number'}: ${error.userMessage ?? error.message}`,
              { metaCode: error.code },
              code ? 'verification_code_invalid' : 'verification_refused',
              { cause: error }
            );
          }
          throw error;
        }
      }),
    subscribeWaba: (token, wabaId) =>
      call(async (client) => {
        await client.subscribeWaba(token, wabaId);
      }),
    unsubscribeWaba: (token, wabaId) =>
      call(async (client) => {
        await client.unsubscribeWaba(token, wabaId);
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
