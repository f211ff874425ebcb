import { idempotencyKey, operationRef } from '../../core/ads/operation.js';
import { UnsupportedMediaTypeError, ValidationError } from '../../core/errors.js';
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

/**
 * An ad image upload: a feed image is well under this, and base64-encoded in the Lambda event it
 * stays inside Lambda's 6 MB request payload.
 */
const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;

/** The raw image body of an upload, refused unless it says it is a JPEG or PNG and has bytes. */
const imageBody = (contentType: string | undefined, body: Buffer): Uint8Array => {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(IMAGE_MEDIA_TYPES as readonly string[]).includes(type)) {
    throw new UnsupportedMediaTypeError(
      'Send the image itself as the body, with Content-Type image/jpeg or image/png.'
    );
  }
  if (body.length === 0) {
    throw new ValidationError(
      'The request body is empty: send the image bytes.',
      undefined,
      'image_missing'
    );
  }
  return body;
};

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

export {
  IMAGE_MEDIA_TYPES,
  imageBody,
  linkParams,
  MAX_BODY_BYTES,
  MAX_IMAGE_BYTES,
  operationParams,
  parseIdempotencyKey,
};
