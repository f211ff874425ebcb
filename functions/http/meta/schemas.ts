import * as z from '../../core/zod.js';

/**
 * Meta's callbacks post one form field. Loose (Meta may add fields), bounded: a signed_request is a
 * few hundred bytes.
 */
const signedRequestForm = z.looseObject({
  signed_request: z.string().check(z.minLength(1), z.maxLength(4096)),
});

const MAX_CALLBACK_BYTES = 8 * 1024;

/** Any code up to 64 characters reaches the use case, which answers 404 for anything unknown. */
const deletionStatusParams = z.strictObject({ code: z.string().check(z.maxLength(64)) });

export { deletionStatusParams, MAX_CALLBACK_BYTES, signedRequestForm };
