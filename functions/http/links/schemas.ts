import * as z from 'zod';
import { GRANT_ID, LINK_ID, META_ID, SYNC_FIELDS } from '../../core/linking/model.js';

/** Request schemas of the linking API: strict (unknown fields refused), ids by their exact format. */

const linkId = z.string().regex(LINK_ID, 'must be a link id: lnk_ followed by 32 hex digits');
const grantId = z.string().regex(GRANT_ID, 'must be a grant id: grt_ followed by 32 hex digits');
const metaId = z.string().regex(META_ID, 'must be a Meta id (digits only)');

/** Request bodies of the linking API are small; 8 KB leaves ample room. */
const MAX_BODY_BYTES = 8 * 1024;

const linkParams = z.strictObject({ linkId });
const grantParams = z.strictObject({ grantId });

const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(1024).optional(),
});

const createLinkBody = z.strictObject({ grantId, pageId: metaId, phoneNumberId: metaId });

const updateLinkBody = z.strictObject({
  /** The version last read; If-Match carries the same thing. */
  version: z.int().min(1).optional(),
  sync: z.strictObject({
    enabled: z.boolean().optional(),
    fields: z
      .strictObject(
        Object.fromEntries(SYNC_FIELDS.map((field) => [field, z.boolean().optional()])) as Record<
          (typeof SYNC_FIELDS)[number],
          z.ZodOptional<z.ZodBoolean>
        >
      )
      .optional(),
  }),
});

/** The ETag of a link version; If-Match accepts it strong or weak. */
const etagOf = (version: number): string => `"${version}"`;
const versionOfIfMatch = (header: string | undefined): number | undefined | 'invalid' => {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  return match?.[1] ? Number(match[1]) : 'invalid';
};

export {
  createLinkBody,
  etagOf,
  grantParams,
  linkParams,
  MAX_BODY_BYTES,
  metaId,
  pageQuery,
  updateLinkBody,
  versionOfIfMatch,
};
