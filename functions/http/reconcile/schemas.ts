import { LINK_ID } from '../../core/linking/model.js';
import { RUN_ID } from '../../core/reconcile/model.js';
import * as z from '../../core/zod.js';

/** Request schemas of the reconcile API: strict (unknown fields refused), ids by their exact format. */

const linkId = z
  .string()
  .check(z.regex(LINK_ID, 'must be a link id: lnk_ followed by 32 hex digits'));
const runId = z
  .string()
  .check(z.regex(RUN_ID, 'must be a run id as returned by POST /reconcile/runs (rcn_...)'));

const runParams = z.strictObject({ runId });
const linkParams = z.strictObject({ linkId });

const historyQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
});

/** Optional: no body (or `{}`) reconciles all the tenant's links, `linkId` just that one. */
const startRunBody = z.strictObject({ linkId: z.optional(linkId) });

export { historyQuery, linkParams, runParams, startRunBody };
