import { defineRoute, errors } from '../../adapters/http/contract.js';
import { pageQuery } from '../links/schemas.js';
import {
  endpointPage,
  endpointView,
  endpointWithSecret,
  eventPage,
  eventView,
  redelivered,
  testSent,
} from './responses.js';
import {
  createEndpointBody,
  endpointParams,
  eventParams,
  MAX_BODY_BYTES,
  redeliverBody,
  rotateSecretBody,
  updateEndpointBody,
} from './schemas.js';

const webhookEndpointCreateRoute = defineRoute({
  method: 'POST',
  path: '/webhook-endpoints',
  access: 'tenant',
  summary: 'Register a webhook endpoint; answers its signing secret (shown once)',
  body: createEndpointBody,
  maxBodyBytes: MAX_BODY_BYTES,
  responses: {
    201: {
      description: 'Registered; `secret` signs its deliveries and is shown only now',
      schema: endpointWithSecret,
      headers: { Location: 'The endpoint: /webhook-endpoints/{endpointId}.' },
    },
    ...errors(400, 409, 413, 415),
  },
});

const webhookEndpointsListRoute = defineRoute({
  method: 'GET',
  path: '/webhook-endpoints',
  access: 'tenant',
  summary: "List the tenant's webhook endpoints",
  query: pageQuery,
  responses: {
    200: { description: "A page of the tenant's endpoints", schema: endpointPage },
    ...errors(400),
  },
});

const webhookEndpointGetRoute = defineRoute({
  method: 'GET',
  path: '/webhook-endpoints/{endpointId}',
  access: 'tenant',
  summary: 'Read a webhook endpoint',
  params: endpointParams,
  responses: {
    200: { description: 'The endpoint', schema: endpointView },
    ...errors(400, 404),
  },
});

const webhookEndpointUpdateRoute = defineRoute({
  method: 'PATCH',
  path: '/webhook-endpoints/{endpointId}',
  access: 'tenant',
  summary: "Change a webhook endpoint's URL, event types or status (enable again)",
  params: endpointParams,
  body: updateEndpointBody,
  maxBodyBytes: MAX_BODY_BYTES,
  responses: {
    200: { description: 'The endpoint as changed', schema: endpointView },
    ...errors(400, 404, 409, 413, 415),
  },
});

const webhookEndpointDeleteRoute = defineRoute({
  method: 'DELETE',
  path: '/webhook-endpoints/{endpointId}',
  access: 'tenant',
  summary: 'Delete a webhook endpoint',
  params: endpointParams,
  responses: { 204: { description: 'Deleted' }, ...errors(400, 404, 409) },
});

const webhookEndpointRotateRoute = defineRoute({
  method: 'POST',
  path: '/webhook-endpoints/{endpointId}/rotate-secret',
  access: 'tenant',
  summary: "Rotate a webhook endpoint's signing secret; answers the new one",
  params: endpointParams,
  body: rotateSecretBody,
  bodyOptional: true,
  maxBodyBytes: MAX_BODY_BYTES,
  responses: {
    200: { description: 'The new secret, shown only now', schema: endpointWithSecret },
    ...errors(400, 404, 409, 413, 415),
  },
});

const webhookEndpointTestRoute = defineRoute({
  method: 'POST',
  path: '/webhook-endpoints/{endpointId}/test',
  access: 'tenant',
  summary: 'Send a signed test event to a webhook endpoint (202)',
  params: endpointParams,
  quotas: ['eventDeliveries'],
  responses: {
    202: { description: 'The test event, queued for delivery', schema: testSent },
    ...errors(400, 404, 409),
  },
});

const eventsListRoute = defineRoute({
  method: 'GET',
  path: '/events',
  access: 'tenant',
  summary: "The tenant's events, newest first, with their deliveries",
  query: pageQuery,
  responses: {
    200: { description: 'A page of events, newest first', schema: eventPage },
    ...errors(400),
  },
});

const eventGetRoute = defineRoute({
  method: 'GET',
  path: '/events/{eventId}',
  access: 'tenant',
  summary: 'An event and its deliveries',
  params: eventParams,
  responses: {
    200: { description: 'The event and its deliveries', schema: eventView },
    ...errors(400, 404),
  },
});

const eventRedeliverRoute = defineRoute({
  method: 'POST',
  path: '/events/{eventId}/redeliver',
  access: 'tenant',
  summary: 'Deliver a kept event again, freshly signed (202)',
  params: eventParams,
  body: redeliverBody,
  bodyOptional: true,
  maxBodyBytes: MAX_BODY_BYTES,
  quotas: ['eventDeliveries'],
  responses: {
    202: { description: 'Queued again for these endpoints', schema: redelivered },
    ...errors(400, 404, 409, 413, 415),
  },
});

export {
  eventGetRoute,
  eventRedeliverRoute,
  eventsListRoute,
  webhookEndpointCreateRoute,
  webhookEndpointDeleteRoute,
  webhookEndpointGetRoute,
  webhookEndpointRotateRoute,
  webhookEndpointsListRoute,
  webhookEndpointTestRoute,
  webhookEndpointUpdateRoute,
};
