import * as z from '../../core/zod.js';

/** Request schemas of the sync API: strict, small. */

const MAX_BODY_BYTES = 1024;

const resumeBody = z.strictObject({
  /**
   * true: the Page's values overwrite the direct WhatsApp edits; false: the edited fields are opted
   * out of sync and keep the business's values.
   */
  overwrite: z.boolean(),
  /** The link version last read; If-Match carries the same thing. */
  version: z.optional(z.int().check(z.minimum(1))),
});

export { MAX_BODY_BYTES, resumeBody };
