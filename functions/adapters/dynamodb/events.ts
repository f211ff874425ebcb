import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { wantsOutageEvents } from '../../core/events/endpoints.js';
import type {
  EndpointStore,
  EventStore,
  StoredEvent,
  WebhookEndpoint,
} from '../../core/events/model.js';
import type { EventEnvelope } from '../../core/linking/events.js';
import { isConditionalCheckFailed } from './errors.js';
import { stripKeys, TENANT_PREFIX, tenantPk } from './keys.js';
import { queryAllPrefix, queryPrefixPage } from './query.js';
import { conditionalWrite } from './writes.js';

/**
 * The events table (functions/adapters/dynamodb/tables.ts `events`), one partition per tenant:
 * - `TENANT#<tenantId>` / `EVENT#<eventId>`: an event with each endpoint's delivery state, expiring
 *   by TTL after the retention period. Event ids sort by time, so a query newest-first lists them.
 * - `TENANT#<tenantId>` / `ENDPOINT#<endpointId>`: a webhook endpoint with its sealed secrets; no TTL.
 * An item's tenant is read from its key, never its attributes (the vault binds secrets to it).
 */

const EVENT_PREFIX = 'EVENT#';
/** The one partition of the byOutageFeed index. */
const OUTAGE_FEED = 'META_OUTAGE';
const ENDPOINT_PREFIX = 'ENDPOINT#';

const eventKey = (tenantId: string, eventId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${EVENT_PREFIX}${eventId}`,
});
const endpointKey = (tenantId: string, endpointId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${ENDPOINT_PREFIX}${endpointId}`,
});

const tenantOf = (item: Record<string, unknown>): string =>
  String(item.pk).slice(TENANT_PREFIX.length);

const toEvent = (item: Record<string, unknown>): StoredEvent => {
  const { expiresAt: _expiresAt, ...rest } = stripKeys(item);
  return {
    ...(rest as unknown as StoredEvent),
    tenantId: tenantOf(item),
    id: String(item.sk).slice(EVENT_PREFIX.length),
  };
};

const toEndpoint = (item: Record<string, unknown>): WebhookEndpoint => {
  const { outageFeed: _feed, outageTenant: _tenant, ...rest } = stripKeys(item);
  return {
    ...(rest as unknown as WebhookEndpoint),
    tenantId: tenantOf(item),
    endpointId: String(item.sk).slice(ENDPOINT_PREFIX.length),
  };
};

const endpointNotFound = (endpointId: string) =>
  new NotFoundError(
    `Webhook endpoint ${endpointId} not found.`,
    { endpointId },
    'endpoint_not_found'
  );

/**
 * Events kept for replay.
 *
 * @example
 * const events = createEventStore(dynamoDocumentClient(), config.EVENTS_TABLE);
 */
const createEventStore = (client: DynamoDBDocumentClient, tableName: string): EventStore => ({
  put: async (event: EventEnvelope, expiresAt) => {
    const { tenantId, id, ...rest } = event;
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...eventKey(tenantId, id), kind: 'event', ...rest, deliveries: {}, expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      })
    );
  },

  get: async (tenantId, eventId) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: eventKey(tenantId, eventId),
        ConsistentRead: true,
      })
    );
    // TTL deletes within days of expiry, not at once: an expired event is gone already.
    if (!Item || Number(Item.expiresAt) * 1000 <= Date.now()) return undefined;
    return toEvent(Item);
  },

  list: async (tenantId, page) => {
    const found = await queryPrefixPage(
      client,
      { tableName, pk: tenantPk(tenantId), prefix: EVENT_PREFIX, newestFirst: true },
      page
    );
    return { ...found, items: found.items.map(toEvent) };
  },

  recordDelivery: async (tenantId, eventId, state) => {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: eventKey(tenantId, eventId),
          UpdateExpression: 'SET deliveries.#endpoint = :state',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#endpoint': state.endpointId },
          ExpressionAttributeValues: { ':state': state },
        })
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  },
});

/**
 * A tenant's webhook endpoints.
 *
 * @example
 * const endpoints = createEndpointStore(dynamoDocumentClient(), config.EVENTS_TABLE);
 */
const createEndpointStore = (client: DynamoDBDocumentClient, tableName: string): EndpointStore => {
  const itemOf = (endpoint: WebhookEndpoint) => {
    const { tenantId, endpointId, ...rest } = endpoint;
    return {
      ...endpointKey(tenantId, endpointId),
      kind: 'endpoint',
      ...rest,
      // Keys of the sparse byOutageFeed index: present only while the endpoint wants outages.
      ...(wantsOutageEvents(endpoint.eventTypes)
        ? { outageFeed: OUTAGE_FEED, outageTenant: tenantId }
        : {}),
    };
  };
  return {
    create: async (endpoint) => {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: itemOf(endpoint),
          ConditionExpression: 'attribute_not_exists(pk)',
        })
      );
    },

    get: async (tenantId, endpointId) => {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: endpointKey(tenantId, endpointId),
          ConsistentRead: true,
        })
      );
      return Item ? toEndpoint(Item) : undefined;
    },

    list: async (tenantId, page) => {
      const found = await queryPrefixPage(
        client,
        { tableName, pk: tenantPk(tenantId), prefix: ENDPOINT_PREFIX },
        page
      );
      return { ...found, items: found.items.map(toEndpoint) };
    },

    listAll: async (tenantId) =>
      (
        await queryAllPrefix(client, {
          tableName,
          pk: tenantPk(tenantId),
          prefix: ENDPOINT_PREFIX,
          consistentRead: true,
        })
      ).map(toEndpoint),

    update: async (endpoint, expectedVersion) => {
      const written = await conditionalWrite(client, {
        Put: {
          TableName: tableName,
          Item: itemOf(endpoint),
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      });
      if (written.written) return;
      if (!written.existing) throw endpointNotFound(endpoint.endpointId);
      throw new ConflictError(
        `Webhook endpoint ${endpoint.endpointId} changed meanwhile; read it again and retry.`,
        { endpointId: endpoint.endpointId, currentVersion: written.existing.version },
        'version_mismatch'
      );
    },

    delete: async (tenantId, endpointId) => {
      const deleted = await conditionalWrite(client, {
        Delete: {
          TableName: tableName,
          Key: endpointKey(tenantId, endpointId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      });
      if (!deleted.written) throw endpointNotFound(endpointId);
    },

    recordAttempt: async (tenantId, endpointId, outcome, at) => {
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: endpointKey(tenantId, endpointId),
            ...(outcome === 'success'
              ? {
                  UpdateExpression:
                    'SET consecutiveFailures = :zero, lastSuccessAt = :at REMOVE failingSince',
                  ExpressionAttributeValues: { ':zero': 0, ':at': at },
                }
              : {
                  UpdateExpression:
                    'ADD consecutiveFailures :one SET failingSince = if_not_exists(failingSince, :at)',
                  ExpressionAttributeValues: { ':one': 1, ':at': at },
                }),
            ConditionExpression: 'attribute_exists(pk)',
            ReturnValues: 'ALL_NEW',
          })
        );
        return Attributes ? toEndpoint(Attributes) : undefined;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return undefined;
        throw error;
      }
    },

    outageSubscribers: async ({ limit, cursor }) => {
      // The cursor is the last tenant answered: the next page starts after every endpoint of it,
      // so a tenant with several subscribed endpoints is answered once.
      const { Items = [], LastEvaluatedKey } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'byOutageFeed',
          KeyConditionExpression: cursor
            ? 'outageFeed = :feed AND outageTenant > :after'
            : 'outageFeed = :feed',
          ExpressionAttributeValues: {
            ':feed': OUTAGE_FEED,
            ...(cursor ? { ':after': cursor } : {}),
          },
          ProjectionExpression: 'outageTenant',
          Limit: limit,
        })
      );
      const items = [...new Set(Items.map((item) => String(item.outageTenant)))];
      const last = items.at(-1);
      return LastEvaluatedKey && last ? { items, nextCursor: last } : { items };
    },

    disable: async (tenantId, endpointId, disabled) => {
      const written = await conditionalWrite(client, {
        Update: {
          TableName: tableName,
          Key: endpointKey(tenantId, endpointId),
          UpdateExpression: 'SET #status = :disabled, disabled = :why, version = version + :one',
          ConditionExpression: '#status = :enabled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':disabled': 'disabled',
            ':enabled': 'enabled',
            ':why': disabled,
            ':one': 1,
          },
        },
      });
      return written.written;
    },
  };
};

export { createEndpointStore, createEventStore };
