import * as z from '../../core/zod.js';

/**
 * Meta's webhook requests. Bodies are not parsed by the route: the signature covers the raw bytes,
 * so the use case verifies first and parses after.
 */

/** Page webhooks batch entries; 256 KB is far above any real delivery and bounds the work. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

const hubValue = z.optional(z.string().check(z.maxLength(256)));

/** The subscription handshake's query; other parameters are ignored. */
const verificationQuery = z.looseObject({
  'hub.mode': hubValue,
  'hub.verify_token': hubValue,
  'hub.challenge': hubValue,
});

export { MAX_WEBHOOK_BYTES, verificationQuery };
