import { LINK_ID } from '../../core/linking/model.js';
import { targetSwitches } from '../../core/stories/model.js';
import { operationRef } from '../../core/stories/publish.js';
import * as z from '../../core/zod.js';

const linkId = z.string().check(z.regex(LINK_ID, 'must be a link id (lnk_...)'));

const linkParams = z.object({ linkId });
const storyParams = z.object({ linkId, operationId: operationRef });
const consentBody = z.object({ targets: targetSwitches });
const listQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
});

/** A story request is a URL and a few names; 4 KB is far more than it needs. */
const MAX_BODY_BYTES = 4096;

export { consentBody, linkParams, listQuery, MAX_BODY_BYTES, storyParams };
