import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError } from '../../../core/errors.js';
import type { RouteMiddleware } from './context.js';

const decodeBody = (event: APIGatewayProxyEventV2, maxBytes: number): Buffer => {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  const raw = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.length > maxBytes) {
    throw new PayloadTooLargeError(
      `The request body is ${raw.length} bytes; this route accepts at most ${maxBytes}.`,
      { maxBytes }
    );
  }
  return raw;
};

/** Refuses a body over `maxBytes` with 413 before anything reads it; keeps it as bytes otherwise. */
const bodyLimit = (maxBytes: number): RouteMiddleware => ({
  before: ({ event, context }) => {
    context.route.rawBody = decodeBody(event, maxBytes);
  },
});

export { bodyLimit };
