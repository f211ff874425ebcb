import { defineRoute, errorBody, errors } from '../../adapters/http/contract.js';
import * as z from '../../core/zod.js';
import { MAX_WEBHOOK_BYTES, verificationQuery } from './schemas.js';

const webhookVerifyRoute = defineRoute({
  method: 'GET',
  path: '/webhooks/meta',
  access: 'public',
  summary: "Meta's webhook subscription handshake",
  publicReason:
    'Meta calls this subscription handshake without a JWT; it only echoes hub.challenge when hub.verify_token matches (constant-time compare) and reveals no data.',
  query: verificationQuery,
  responses: {
    200: { description: 'hub.challenge, echoed', text: true },
    ...errors(400, 401, 500, 503),
    401: {
      description: 'hub.mode is not subscribe, or hub.verify_token does not match.',
      schema: errorBody,
    },
  },
});

const webhookReceiveRoute = defineRoute({
  method: 'POST',
  path: '/webhooks/meta',
  access: 'public',
  summary: "Meta's Page webhooks: enqueue a sync for each link of the Page",
  publicReason:
    'Meta delivers Page webhooks without a JWT; every request is authenticated by an HMAC-SHA256 X-Hub-Signature-256 over the raw body with the app secret (401 otherwise), bounded to 256 KB, and de-duplicated.',
  maxBodyBytes: MAX_WEBHOOK_BYTES,
  requestHeaders: {
    'X-Hub-Signature-256':
      'Required. sha256=<hex HMAC-SHA256 of the raw body with the app secret>.',
  },
  responses: {
    200: {
      description: 'Received (a signed body that is not a Page webhook is acknowledged too)',
      schema: z.looseObject({ received: z.literal(true) }),
    },
    ...errors(401, 413, 500, 503),
    401: {
      description: 'X-Hub-Signature-256 is missing or does not match the body.',
      schema: errorBody,
    },
  },
});

const whatsappWebhookVerifyRoute = defineRoute({
  method: 'GET',
  path: '/webhooks/whatsapp',
  access: 'public',
  summary: "Meta's webhook subscription handshake (WhatsApp Business Account object)",
  publicReason:
    'Meta calls this subscription handshake without a JWT; it only echoes hub.challenge when hub.verify_token matches (constant-time compare) and reveals no data.',
  query: verificationQuery,
  responses: {
    200: { description: 'hub.challenge, echoed', text: true },
    ...errors(400, 401, 500, 503),
    401: {
      description: 'hub.mode is not subscribe, or hub.verify_token does not match.',
      schema: errorBody,
    },
  },
});

const whatsappWebhookReceiveRoute = defineRoute({
  method: 'POST',
  path: '/webhooks/whatsapp',
  access: 'public',
  summary:
    "Meta's WhatsApp Business Account webhooks: a number's connection, alerts, name and quality",
  publicReason:
    'Meta delivers WABA webhooks without a JWT; every request is authenticated by an HMAC-SHA256 X-Hub-Signature-256 over the raw body with the app secret (401 otherwise), bounded to 256 KB, and de-duplicated.',
  maxBodyBytes: MAX_WEBHOOK_BYTES,
  requestHeaders: {
    'X-Hub-Signature-256':
      'Required. sha256=<hex HMAC-SHA256 of the raw body with the app secret>.',
  },
  responses: {
    200: { description: 'Received', schema: z.looseObject({ received: z.literal(true) }) },
    ...errors(401, 413, 500, 503),
    401: {
      description: 'X-Hub-Signature-256 is missing or does not match the body.',
      schema: errorBody,
    },
  },
});

export {
  webhookReceiveRoute,
  webhookVerifyRoute,
  whatsappWebhookReceiveRoute,
  whatsappWebhookVerifyRoute,
};
