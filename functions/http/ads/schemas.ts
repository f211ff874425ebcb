import { idempotencyKey, operationRef } from '../../core/ads/operation.js';
import { ValidationError } from '../../core/errors.js';
import { LINK_ID } from '../../core/linking/model.js';
import * as z from '../../core/zod.js';

/** Request schemas of the ads API: ids by their exact format, unknown fields refused. */

const linkId = z
  .string()
  .check(z.regex(LINK_ID, 'must be a link id: lnk_ followed by 32 hex digits'));

const linkParams = z.strictObject({ linkId });
const operationParams = z.strictObject({ linkId, operationId: operationRef });

/** A CTWA request is a few KB at most (texts are capped); 32 KB refuses anything else early. */
const MAX_BODY_BYTES = 32 * 1024;

/** The Idempotency-Key header, required on create: without it a retry could create a second ad. */
const parseIdempotencyKey = (value: string | undefined): string => {
  const parsed = idempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw new ValidationError(
      value === undefined
        ? 'The Idempotency-Key header is required: send a fresh UUID per ad, and the same one when retrying, so a retry never creates a second ad.'
        : (parsed.error.issues[0]?.message ?? 'The Idempotency-Key header is malformed.'),
      { header: 'Idempotency-Key' },
      'idempotency_key_invalid'
    );
  }
  return parsed.data;
};

export { linkParams, MAX_BODY_BYTES, operationParams, parseIdempotencyKey };
