import { defineRoute, errors, pageErrors } from '../../adapters/http/contract.js';
import * as z from '../../core/zod.js';
import { deletionStatusParams, MAX_CALLBACK_BYTES, signedRequestForm } from './schemas.js';

const metaDeauthorizeRoute = defineRoute({
  method: 'POST',
  path: '/meta/deauthorize',
  access: 'public',
  summary: "Meta's deauthorize callback",
  publicReason:
    'Called by Meta when a user removes the app; Meta cannot send a JWT, so the HMAC-SHA256 signed_request (app secret) authenticates it.',
  body: signedRequestForm,
  bodyFormat: 'form',
  maxBodyBytes: MAX_CALLBACK_BYTES,
  responses: {
    200: {
      description: 'Deauthorized',
      schema: z.looseObject({ status: z.literal('deauthorized') }),
    },
    ...errors(400, 413, 415, 500, 503),
  },
});

const metaDataDeletionRoute = defineRoute({
  method: 'POST',
  path: '/meta/data-deletion',
  access: 'public',
  summary: "Meta's data-deletion callback",
  publicReason:
    'Called by Meta for a data-deletion request; Meta cannot send a JWT, so the HMAC-SHA256 signed_request (app secret) authenticates it.',
  body: signedRequestForm,
  bodyFormat: 'form',
  maxBodyBytes: MAX_CALLBACK_BYTES,
  responses: {
    200: {
      description: "Meta's data-deletion answer: the status page and its confirmation code",
      schema: z.object({ url: z.string(), confirmation_code: z.string() }),
    },
    ...errors(400, 413, 415, 500, 503),
  },
});

const metaDataDeletionStatusRoute = defineRoute({
  method: 'GET',
  path: '/meta/data-deletion/{code}',
  access: 'public',
  summary: 'Data-deletion status page',
  publicReason:
    'Meta shows this status URL to the user, who opens it in a browser without a JWT; it reveals only counts and times for an unguessable 128-bit confirmation code.',
  params: deletionStatusParams,
  responses: {
    200: { description: 'The status page', html: true },
    ...pageErrors(400, 404, 500, 503),
  },
});

export { metaDataDeletionRoute, metaDataDeletionStatusRoute, metaDeauthorizeRoute };
