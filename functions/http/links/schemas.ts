import { ValidationError } from '../../core/errors.js';
import { GRANT_ID, LINK_ID, META_ID, SYNC_FIELDS } from '../../core/linking/model.js';
import * as z from '../../core/zod.js';

/** Request schemas of the linking API: strict (unknown fields refused), ids by their exact format. */

const linkId = z
  .string()
  .check(z.regex(LINK_ID, 'must be a link id: lnk_ followed by 32 hex digits'));
const grantId = z
  .string()
  .check(z.regex(GRANT_ID, 'must be a grant id: grt_ followed by 32 hex digits'));
const metaId = z.string().check(z.regex(META_ID, 'must be a Meta id (digits only)'));

/** Request bodies of the linking API are small; 8 KB leaves ample room. */
const MAX_BODY_BYTES = 8 * 1024;

const linkParams = z.strictObject({ linkId });
const grantParams = z.strictObject({ grantId });

const pageQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
});

const createLinkBody = z.strictObject({ grantId, pageId: metaId, phoneNumberId: metaId });

const updateLinkBody = z.strictObject({
  /** The version last read; If-Match carries the same thing. */
  version: z.optional(z.int().check(z.minimum(1))),
  sync: z.strictObject({
    enabled: z.optional(z.boolean()),
    fields: z.optional(
      z.strictObject(
        Object.fromEntries(SYNC_FIELDS.map((field) => [field, z.optional(z.boolean())])) as Record<
          (typeof SYNC_FIELDS)[number],
          z.ZodMiniOptional<z.ZodMiniBoolean>
        >
      )
    ),
  }),
});

/** The ETag of a link version; If-Match accepts it strong or weak. */
const etagOf = (version: number): string => `"${version}"`;
/** The link version an If-Match header names, if any; anything but a link ETag is a 400. */
const versionOfIfMatch = (header: string | undefined): number | undefined => {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match?.[1]) {
    throw new ValidationError(
      'If-Match must be the ETag of the link, e.g. "3".',
      undefined,
      'invalid_if_match'
    );
  }
  return Number(match[1]);
};

/**
 * PUT /links/{linkId}/meta-link: `{}` has Meta send a code to the link's number, `{ code }` confirms
 * it. Meta's code format is not documented; digits, a few to a dozen, bound what is forwarded.
 */
const metaLinkBody = z.strictObject({
  code: z.optional(z.string().check(z.regex(/^\d{4,12}$/, 'must be the digits Meta sent'))),
});

export {
  createLinkBody,
  etagOf,
  grantParams,
  linkParams,
  MAX_BODY_BYTES,
  metaId,
  metaLinkBody,
  pageQuery,
  updateLinkBody,
  versionOfIfMatch,
};
