import { ValidationError } from '../../core/errors.js';
import { GRANT_ID, LINK_ID, META_ID, SYNC_FIELDS } from '../../core/linking/model.js';
import { BULK_ACTIONS } from '../../core/sync/bulk.js';
import { DRIFT_FILTERS, LINK_STATES, type LinkFilter } from '../../core/sync/fleet.js';
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

/** The fleet filter, in the query string (GET /links) and in a bulk action's body. */
const fleetFilterFields = {
  /** A status, or a paused link's reason (`local_override`, `token_invalid`). */
  status: z.optional(z.enum(LINK_STATES)),
  syncEnabled: z.optional(z.enum(['true', 'false'])),
  /** The drift class of the latest reconcile run that checked the link; `unchecked`: none yet. */
  drift: z.optional(z.enum(DRIFT_FILTERS)),
  pageId: z.optional(metaId),
};

/** GET /links: a page of links that pass every filter given. */
const fleetQuery = z.strictObject({ ...pageQuery.shape, ...fleetFilterFields });

const fleetFilterBody = z.strictObject({
  ...fleetFilterFields,
  syncEnabled: z.optional(z.boolean()),
});

/** The query's or body's filter as the core takes it. */
const toLinkFilter = (input: {
  status?: LinkFilter['status'] | undefined;
  syncEnabled?: 'true' | 'false' | boolean | undefined;
  drift?: LinkFilter['drift'] | undefined;
  pageId?: string | undefined;
}): LinkFilter => ({
  ...(input.status !== undefined ? { status: input.status } : {}),
  ...(input.syncEnabled !== undefined
    ? { syncEnabled: input.syncEnabled === true || input.syncEnabled === 'true' }
    : {}),
  ...(input.drift !== undefined ? { drift: input.drift } : {}),
  ...(input.pageId !== undefined ? { pageId: input.pageId } : {}),
});

/** POST /links/bulk: what to do, and to which links (every link when the filter is empty). */
const bulkBody = z.strictObject({
  action: z.enum(BULK_ACTIONS),
  filter: z._default(fleetFilterBody, {}),
  /** `resume` only, and required there: as POST /links/{linkId}/resume's `overwrite`. */
  overwrite: z.optional(z.boolean()),
});

/** Bulk operation ids: `bulk_` and 32 hex digits. */
const BULK_OPERATION_ID = /^bulk_[0-9a-f]{32}$/;
const bulkParams = z.strictObject({
  operationId: z
    .string()
    .check(
      z.regex(BULK_OPERATION_ID, 'must be a bulk operation id: bulk_ followed by 32 hex digits')
    ),
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
/** The ETag header as a route contract names it. */
const LINK_ETAG = { ETag: 'The link version, for If-Match on the next write ("3").' } as const;
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
  bulkBody,
  bulkParams,
  createLinkBody,
  etagOf,
  fleetQuery,
  grantParams,
  LINK_ETAG,
  linkParams,
  MAX_BODY_BYTES,
  metaId,
  metaLinkBody,
  pageQuery,
  toLinkFilter,
  updateLinkBody,
  versionOfIfMatch,
};
