import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { type Link, shardOf } from '../../core/linking/model.js';
import type { LinkRepository } from '../../core/linking/ports.js';
import type { PageLinkIndex } from '../../core/sync/ports.js';
import { batchGetAll } from './batch.js';
import { cancellationCodes } from './errors.js';
import {
  grantKey,
  LINK_PREFIX,
  linkKey,
  pageGuardKey,
  phoneGuardKey,
  stripKeys,
  syncStateKey,
  tenantPk,
} from './keys.js';
import { queryAllPrefix, queryPrefixPage } from './query.js';
import { conditionalWrite, transactWrite } from './writes.js';

/** Condition fragments, named for what they guarantee. */
/** Create-once: the item must not exist yet. */
const NOT_EXISTS = 'attribute_not_exists(pk)';
/** Only touch an item that is there (an update or delete never resurrects a deleted link). */
const EXISTS = 'attribute_exists(pk)';
/** Optimistic concurrency: the stored version is the one the caller read. */
const SAME_VERSION = 'attribute_exists(pk) AND version = :expected';
/** A guard may be removed only by its own link (or be gone already); never another link's guard. */
const OWN_GUARD = 'attribute_not_exists(pk) OR linkId = :linkId';

/** The item for a link: shard only while active, so the byShard index holds active links only. */
const linkItem = (link: Link): Record<string, unknown> => ({
  ...linkKey(link.tenantId, link.linkId),
  kind: 'link',
  ...link,
  ...(link.status === 'active' ? { shard: shardOf(link.linkId) } : {}),
});

/**
 * An update that sets every attribute of the link but its `drift`, which only the reconciler writes
 * (links/fleet.ts `createLinkDriftWriter`): a settings change that read the link before a run wrote
 * its class must not put the old class back, as a whole-item Put would.
 */
const linkUpdateExpression = (link: Link, expectedVersion: number) => {
  const { pk: _pk, sk: _sk, drift: _drift, ...attributes } = linkItem(link);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(attributes).map(([name, value], index) => {
    names[`#a${index}`] = name;
    values[`:v${index}`] = value;
    return `#a${index} = :v${index}`;
  });
  // By placeholder: `shard` is one of DynamoDB's reserved words.
  // An Instagram account the Page lost is removed, not left behind as the last one read.
  const removes = (['pause', 'shard', 'instagramAccountId', 'instagramUsername'] as const)
    .filter((name) => attributes[name] === undefined)
    .map((name) => {
      names[`#r_${name}`] = name;
      return `#r_${name}`;
    });
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ...values, ':expected': expectedVersion },
  };
};

const toLink = (item: Record<string, unknown>): Link => stripKeys(item) as unknown as Link;

const guardItem = (key: { pk: string; sk: string }, link: Link) => ({
  ...key,
  kind: 'guard',
  tenantId: link.tenantId,
  linkId: link.linkId,
});

/**
 * Links in the links table (see keys.ts for the layout).
 *
 * @example
 * const links = createLinkRepository(dynamoDocumentClient(), config.LINKS_TABLE);
 */
const createLinkRepository = (
  client: DynamoDBDocumentClient,
  tableName: string
): LinkRepository => {
  const deleteTransaction = (link: Link, withGrant: boolean) =>
    transactWrite(client, {
      TransactItems: [
        {
          Delete: {
            TableName: tableName,
            Key: linkKey(link.tenantId, link.linkId),
            ConditionExpression: EXISTS,
          },
        },
        ...[pageGuardKey(link.pageId), phoneGuardKey(link.phoneNumberId)].map((key) => ({
          Delete: {
            TableName: tableName,
            Key: key,
            ConditionExpression: OWN_GUARD,
            ExpressionAttributeValues: { ':linkId': link.linkId },
          },
        })),
        ...(withGrant
          ? [
              {
                Update: {
                  TableName: tableName,
                  Key: grantKey(link.tenantId, link.grantId),
                  UpdateExpression: 'ADD linkCount :minusOne',
                  // Without it, an update on a deleted grant would create a stray item.
                  ConditionExpression: EXISTS,
                  ExpressionAttributeValues: { ':minusOne': -1 },
                },
              },
            ]
          : []),
        // Sync's state holds profile values last written for this link; it goes with the link.
        { Delete: { TableName: tableName, Key: syncStateKey(link.tenantId, link.linkId) } },
      ],
    });

  return {
    create: async (link) => {
      try {
        await transactWrite(client, {
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: linkItem(link),
                ConditionExpression: NOT_EXISTS,
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: guardItem(pageGuardKey(link.pageId), link),
                ConditionExpression: NOT_EXISTS,
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: guardItem(phoneGuardKey(link.phoneNumberId), link),
                ConditionExpression: NOT_EXISTS,
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: grantKey(link.tenantId, link.grantId),
                UpdateExpression: 'ADD linkCount :one',
                ConditionExpression: EXISTS,
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        });
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        const [, page, phone, grant] = codes.map((code) => code === 'ConditionalCheckFailed');
        if (page || phone) {
          const what = [
            ...(page ? [`Page ${link.pageId}`] : []),
            ...(phone ? [`WhatsApp number ${link.displayPhoneNumber}`] : []),
          ].join(' and ');
          throw new ConflictError(
            `${what} ${page && phone ? 'are' : 'is'} already linked. Unlink ${page && phone ? 'them' : 'it'} first (DELETE /links/{linkId}) or choose another.`,
            { pageId: link.pageId, phoneNumberId: link.phoneNumberId },
            page ? 'page_already_linked' : 'phone_number_already_linked',
            { cause: error }
          );
        }
        if (grant) {
          throw new NotFoundError(
            `Grant ${link.grantId} no longer exists; sign in again.`,
            { grantId: link.grantId },
            'grant_not_found',
            { cause: error }
          );
        }
        throw error;
      }
    },

    get: async (tenantId, linkId) => {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: linkKey(tenantId, linkId),
          ConsistentRead: true,
        })
      );
      return Item ? toLink(Item) : undefined;
    },

    list: async (tenantId, page) => {
      const found = await queryPrefixPage(
        client,
        { tableName, pk: tenantPk(tenantId), prefix: LINK_PREFIX },
        page
      );
      return { ...found, items: found.items.map(toLink) };
    },

    update: async (link, expectedVersion) => {
      const put = await conditionalWrite(client, {
        Update: {
          TableName: tableName,
          Key: linkKey(link.tenantId, link.linkId),
          ...linkUpdateExpression(link, expectedVersion),
          ConditionExpression: SAME_VERSION,
        },
      });
      if (put.written) return;
      if (!put.existing) {
        throw new NotFoundError(
          `No link ${link.linkId} in this tenant.`,
          { linkId: link.linkId },
          'link_not_found'
        );
      }
      // The version it holds now came back with the refusal: the same answer the core gives.
      const currentVersion = Number(put.existing.version);
      throw new ConflictError(
        `Link ${link.linkId} is at version ${currentVersion}, not ${expectedVersion}: it changed since you read it. Read it again and retry.`,
        { linkId: link.linkId, currentVersion },
        'version_mismatch'
      );
    },

    delete: async (link) => {
      try {
        await deleteTransaction(link, true);
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (codes[0] === 'ConditionalCheckFailed') {
          throw new NotFoundError(
            `No link ${link.linkId} in this tenant.`,
            { linkId: link.linkId },
            'link_not_found',
            { cause: error }
          );
        }
        if (codes[3] !== 'ConditionalCheckFailed') throw error;
        // The grant is already gone (Meta's callbacks delete grants): remove the link alone.
        await deleteTransaction(link, false);
        return { grantLinkCount: undefined };
      }
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: grantKey(link.tenantId, link.grantId),
          ProjectionExpression: 'linkCount',
          ConsistentRead: true,
        })
      );
      return { grantLinkCount: Item ? Number(Item.linkCount ?? 0) : undefined };
    },

    listByMetaUser: async (metaUserId) =>
      (
        await queryAllPrefix(client, {
          tableName,
          index: { name: 'byMetaUser', partitionKey: 'metaUserId' },
          pk: metaUserId,
          prefix: LINK_PREFIX,
        })
      ).map(toLink),

    listByWaba: async (wabaId) =>
      (
        await queryAllPrefix(client, {
          tableName,
          index: { name: 'byWaba', partitionKey: 'wabaId' },
          pk: wabaId,
          prefix: LINK_PREFIX,
        })
      ).map(toLink),

    storePageToken: async (link, sealed) => {
      // A refused condition means the link was unlinked meanwhile: nothing to keep the token for.
      await conditionalWrite(client, {
        Update: {
          TableName: tableName,
          Key: linkKey(link.tenantId, link.linkId),
          UpdateExpression: sealed ? 'SET pageToken = :token' : 'REMOVE pageToken',
          // Never on a link unlinked meanwhile (an update would create a stray item).
          ConditionExpression: EXISTS,
          ...(sealed ? { ExpressionAttributeValues: { ':token': sealed } } : {}),
        },
      });
    },

    taken: async (pageIds, phoneNumberIds) => {
      const keys = [...new Set(pageIds)]
        .map(pageGuardKey)
        .concat([...new Set(phoneNumberIds)].map(phoneGuardKey));
      const found = new Set(
        (await batchGetAll(client, tableName, keys, { ProjectionExpression: 'pk' })).map((item) =>
          String(item.pk)
        )
      );
      return {
        pageIds: new Set(pageIds.filter((id) => found.has(pageGuardKey(id).pk))),
        phoneNumberIds: new Set(phoneNumberIds.filter((id) => found.has(phoneGuardKey(id).pk))),
      };
    },
  };
};

/**
 * The links of many Pages, in any tenant (webhook fan-in), through their guard items: a Page's guard
 * names the one link that holds it, so a delivery of 1,000 Pages costs two rounds of BatchGetItem
 * (guards, then links; strongly consistent, so a link created a moment ago is found) instead of a
 * thousand index queries.
 */
const createPageLinkIndex = (client: DynamoDBDocumentClient, tableName: string): PageLinkIndex => ({
  linksOfPages: async (pageIds) => {
    const unique = [...new Set(pageIds)];
    const guards = await batchGetAll(client, tableName, unique.map(pageGuardKey), {
      ConsistentRead: true,
      ProjectionExpression: 'tenantId, linkId',
    });
    const links = await batchGetAll(
      client,
      tableName,
      guards.map((guard) => linkKey(String(guard.tenantId), String(guard.linkId))),
      { ConsistentRead: true }
    );
    const byPage = new Map<string, Link[]>(unique.map((pageId) => [pageId, []]));
    for (const link of links.map(toLink)) byPage.get(link.pageId)?.push(link);
    return byPage;
  },
});

export { createLinkRepository, createPageLinkIndex, linkItem };
